/**
 * The widget's controls part (a chunk of its own, `image-controls`): the model's own controls as More options draws
 * them, loaded by the panels (ControlsController) once the provider in force says its model has any (BFL, fal,
 * Pollinations), so that the sessions of the others never load it.
 */
export { renderControls } from './controls.js';
