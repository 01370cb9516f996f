import type { PickersStrings } from '../../../strings/image/pickers.js';
import { number } from '../words.js';
import { sentences } from '../../../strings/sentence.js';

export const pickers = sentences<PickersStrings>({
  widthLabel: 'Breite',
  heightLabel: 'Höhe',
  megapixelChoice: (megapixels) => `${number(megapixels)} MP`,
  customSize: 'Eigene Größe',
  presetSizes: 'Vorgegebene Größen',
  pixels: (width, height) => `${width} × ${height} px`,
  providerPicksPixels: (width, height) => `≈ ${width} × ${height} laut Anbieter`,
});
