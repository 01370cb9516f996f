// What an edit handed to `generate()` or `UserPays.generate()` is refused with, said to the page's developer, never to
// its user (as the headless API's words are: src/strings/headless.ts).
export const editNotAnImage = () =>
  'edit must be { image, kind, mask?, extend?, whole? }: image a Blob (as a file input gives it), the id of an image of the gallery, or its URL; kind "instruction", "mask", "erase" or "extend"; mask a Blob of the image\'s size, white where to change; extend, with the kind "extend", { top, right, bottom, left } in whole pixels; whole true to send the image at its full size.';
export const editImageNotFound = (id: string) =>
  `No image "${id}" is kept in this browser for this storage key, and it is no address to read one from.`;
