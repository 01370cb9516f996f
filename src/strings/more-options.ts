/** More options (the widget's panels): how many images, the seed, and reference images. */

export const countLabel = () => 'Images';
export const seedLabel = () => 'Seed';
export const randomSeed = () => 'random';
export const referencesLabel = () => 'Reference images';
export const referencesNote = (required: boolean, max: number, billed: boolean) =>
  `(${required ? 'required' : 'optional'}, up to ${max}; ${billed ? 'billed too' : 'included in the price'}; choose, drop or paste)`;
export const referenceAlt = (index: number) => `Reference image ${index}`;
export const referenceAdds = (megapixels: number, amount: string) => `adds ${megapixels} MP = ${amount}`;
export const referenceRemove = (index: number) => `Remove reference image ${index}`;
export const dropReferences = () => 'Drop images here, paste them, or';
export const chooseReferences = () => 'choose files';
export const referencesCount = (n: number, max: number) => `${n} of ${max}`;
