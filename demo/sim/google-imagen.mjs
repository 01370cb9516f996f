// Imagen 4's `predict`, as the simulator answers it (google.mjs): `{instances: [{prompt}], parameters: {sampleCount,
// aspectRatio}}` → `{predictions: [{mimeType, bytesBase64Encoded}]}`, each sample billed Imagen's flat price; served
// until the day Google shut Imagen down (google-models.mjs).
import { send, sleep } from './http.mjs';
import { forModel } from './kit.mjs';
import { drawImage } from './png.mjs';
import { invalid } from './google-errors.mjs';
import { IMAGEN, IMAGEN_SIZES } from './google-models.mjs';

/**
 * Imagen's `predict` for `model`, billing `charges`: `sampleCount` 1–4 (default 4, Google's Imagen guide,
 * `numberOfImages`), `aspectRatio` one of its five (default 1:1; anything else 400); `fault=moderated` answers `{}`,
 * no prediction, nothing billed. Made after `pendingMs` (or the scenario's `pending`).
 */
export function imagenPredict({ charges, pendingMs }) {
  return async function imagen(req, res, model, body, scenario, key) {
    const prompt = body?.instances?.[0]?.prompt;
    if (typeof prompt !== 'string' || !prompt.trim())
      return invalid(req, res, 'Simulator: instances[0].prompt is required.');
    const { sampleCount = 4, aspectRatio = '1:1' } = body.parameters ?? {};
    if (!Number.isInteger(sampleCount) || sampleCount < 1 || sampleCount > 4)
      return invalid(req, res, `Number of images must be in the range [1, 4], got ${sampleCount}.`);
    if (!Object.hasOwn(IMAGEN_SIZES, aspectRatio))
      return invalid(
        req,
        res,
        `Unsupported aspect ratio "${aspectRatio}": supported are 1:1, 3:4, 4:3, 9:16 and 16:9.`,
      );
    await sleep(Number(scenario.pending ?? forModel(pendingMs, model)));
    if (scenario.fault === 'moderated') return send(req, res, 200, {});
    charges.charge(key, IMAGEN[model] * sampleCount, { count: sampleCount });
    const [width, height] = IMAGEN_SIZES[aspectRatio];
    const predictions = Array.from({ length: sampleCount }, (_, index) => ({
      mimeType: 'image/png',
      bytesBase64Encoded: drawImage({ width, height, prompt, seed: index }).toString('base64'),
    }));
    send(req, res, 200, { predictions });
  };
}
