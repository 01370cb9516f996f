/** The model and size pickers' words (drawn by the panels: src/elements/image/panels/pickers.ts). */

export interface PickersStrings {
  widthLabel(): string;
  heightLabel(): string;
  megapixelChoice(megapixels: number): string;
  customSize(): string;
  presetSizes(): string;
  pixels(width: number, height: number, megapixels: number): string;
  providerPicksPixels(width: number, height: number): string;
}

export const pickers: PickersStrings = {
  widthLabel: () => 'Width',
  heightLabel: () => 'Height',
  megapixelChoice: (megapixels) => `${megapixels} MP`,
  customSize: () => 'Custom size',
  presetSizes: () => 'Preset sizes',
  pixels: (width, height, megapixels) => `${width} × ${height} · ${megapixels} MP`,
  providerPicksPixels: (width, height) => `≈ ${width} × ${height}, as the provider picks`,
};
