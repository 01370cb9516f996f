/**
 * The widget's controls part (a chunk of its own, `image-controls`): the model's own controls as More options draws
 * them, with their styles, loaded by the panels (ControlsController) once the provider in force says its model has any (BFL, fal,
 * Pollinations), so that the sessions of the others never load it.
 */
export { controlStyles, renderControls } from './controls.js';
