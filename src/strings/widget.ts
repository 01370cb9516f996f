/** The widget's form: labels, choices, progress and the Generate button. */

export const promptLabel = () => 'Describe the image';
export const promptPlaceholder = () => 'A lighthouse on a cliff at dawn, watercolour';
export const modelLabel = () => 'Model';
export const widthLabel = () => 'Width';
export const heightLabel = () => 'Height';
export const shapeLabel = () => 'Shape';
export const sizeFromInput = () => 'The image is made at the size of the image to edit.';
export const addFunds = (provider: string) => `Open your ${provider} dashboard ↗`;
export const leftOnAccount = (left: string) => `${left} left`;
/** Who pays and what is left, beside the price: "$0.03 of your $4.20 at OpenRouter". */
export const signOut = () => 'Sign out';
export const generating = () => 'Generating…';
export const generateLabel = () => 'Generate';
/** The keyboard shortcut, as the platform writes it. */
export const shortcut = (mac: boolean) => (mac ? '⌘↵' : 'Ctrl+↵');
export const undone = () => 'Undone.';

// What a submission buys, beside its price
export const buys = (count: number, megapixels: string) =>
  `${count === 1 ? '1 image' : `${count} images`} · ${megapixels} MP${count === 1 ? '' : ' each'}`;
export const priceDetails = () => 'Price details';

// Why Generate cannot succeed now, and the fix it offers
export const describeFirst = () => 'Describe the image first';
export const addKeyFirst = (provider: string) => `Add your ${provider} API key`;
export const overBudget = (budget: string) => `Over your ${budget} budget: raise it, or choose a cheaper request`;
export const overBalance = (provider: string, left: string) => `Your ${provider} balance is ${left}`;
export const useCheaper = (model: string, price: string) => `Use ${model} · ${price}`;
export const fixPrompt = () => 'Write a prompt';
export const fixKey = () => 'Enter the key';

// Model, shape and size
export const moreModels = (n: number) => `${n} more ${n === 1 ? 'model' : 'models'}`;
export const fewerModels = () => 'Fewer models';
export const resolutionLabel = () => 'Size';
export const megapixelChoice = (megapixels: string) => `${megapixels} MP`;
export const customSize = () => 'Custom size';
export const presetSizes = () => 'Preset sizes';
export const pixels = (width: number, height: number, megapixels: string) => `${width} × ${height} · ${megapixels} MP`;
export const providerPicksPixels = (width: number, height: number) => `≈ ${width} × ${height}, as the provider picks`;
export const moreOptions = () => 'More options';

// The result canvas
export const resultLabel = () => 'Result';
export const emptyTitle = () => 'Your image appears here';
export const emptyHint = () => 'Describe it, pick a model and a shape: the exact price shows before you pay.';
export const badBudget = (value: string) =>
  `The budget set on this page ("${value}") is not an amount of dollars, so nothing can be spent until it is fixed (write it like 2.50).`;
