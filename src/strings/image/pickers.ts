/** The model and size pickers' words (src/elements/image/models/, src/elements/image/shape/). */

import { sentences } from '../sentence.js';

export interface PickersStrings {
  widthLabel(): string;
  heightLabel(): string;
  megapixelChoice(megapixels: number): string;
  customSize(): string;
  presetSizes(): string;
  /** The pixels a shape makes (its megapixels are said beside the price, and by the sizes to choose from). */
  pixels(width: number, height: number): string;
  providerPicksPixels(width: number, height: number): string;
}

export const pickers = sentences<PickersStrings>({
  widthLabel: 'Width',
  heightLabel: 'Height',
  megapixelChoice: (megapixels) => `${megapixels} MP`,
  customSize: 'Custom size',
  presetSizes: 'Preset sizes',
  pixels: (width, height) => `${width} × ${height} px`,
  providerPicksPixels: (width, height) => `≈ ${width} × ${height}, provider's pick`,
});
