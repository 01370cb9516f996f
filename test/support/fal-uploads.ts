// Images on the fal simulator's CDN, as fal's client puts them there (demo/sim/fal-edits.mjs, "Storage"): what a test
// sends straight to an endpoint that takes images, which takes URLs, not data URIs.
import { pageFetch, simEndpoint } from './sim.js';

/**
 * `image` (a data URL or a Blob) uploaded to the fal simulator with `key`, under `scenario`: its `file_url`. Started
 * with the key, then its bytes PUT to the signed URL, as fal-ai/fal-js's `storage.upload` does.
 */
export async function uploadedToFal(image: string | Blob, key: string, scenario = ''): Promise<string> {
  const blob = typeof image === 'string' ? await (await pageFetch(image)).blob() : image;
  const started = await pageFetch(`${simEndpoint('fal', scenario)}/storage/upload/initiate?storage_type=fal-cdn-v3`, {
    method: 'POST',
    headers: { Authorization: `Key ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ content_type: blob.type, file_name: `image.${blob.type.slice(6)}` }),
  });
  const { upload_url: target, file_url: url } = (await started.json()) as { upload_url: string; file_url: string };
  const put = await pageFetch(target, { method: 'PUT', body: blob, headers: { 'Content-Type': blob.type } });
  if (!put.ok) throw new Error(`the fal simulator's storage refused the upload: ${put.status}`);
  return url;
}
