import { UserPaysError, asUserPaysError } from '../../base/errors.js';
import { sayer } from '../../strings/strings.js';
import { generationText } from '../../strings/generation.js';
import { base64Image, fetchJson } from '../engine/http.js';
import { checkProviderUrl, routed } from '../engine/provider-urls.js';
import type { ReferenceImage } from '../provider.js';
import { falWords } from './words.js';

const falText = sayer('fal', falWords);

/**
 * The images a request sends to fal, as fal takes them: URLs. fal's own words: "Models on fal accept file inputs as
 * URLs … Some models also accept data URIs (data:image/png;base64,...) for inline file content, but URLs are the
 * universal format that works with every model" (docs.fal.ai/documentation/model-apis/fal-cdn, read 2026-11-28). An
 * endpoint that takes a data URI says so in its input type ("Must be publicly accessible or base64 data URI": fal-ai/
 * fal-js@381105e libs/client/src/types/endpoints.ts), and none of those the widget sends images to does (FLUX.2's
 * `/edit`, Seedream's edit, Fill, Erase): each image goes to fal's CDN first, as fal's own client uploads a file
 * (fal-js@381105e libs/client/src/storage.ts, `upload`): `POST {rest}/storage/upload/initiate?storage_type=fal-cdn-v3`
 * with the key and `{ content_type, file_name }` → `{ upload_url, file_url }`; the bytes `PUT` to `upload_url`
 * (signed: no key); `file_url` is what the endpoint is sent. fal's client runs so in a browser (`mode: 'cors'`,
 * libs/client/src/request.ts); that fal's hosts answer a page so is UNVERIFIED here, as is that an upload is free (a
 * third party's word, aj47/CreatorToolHub#60): it happens before the request that may cost money is sent.
 */

/** fal's REST API, where its client starts an upload (fal-js@381105e libs/client/src/config.ts, `getRestApiUrl`). */
export const FAL_REST = 'https://rest.fal.ai';

/** One image as fal's CDN keeps it: its bytes and type, from the data URL the widget holds. */
function bytesOf(image: ReferenceImage): Blob {
  const [head = '', data = ''] = image.dataUrl.split(',', 2);
  const type = /^data:(image\/[\w+.-]+);base64$/.exec(head)?.[1];
  if (!type) throw new UserPaysError('invalid-input', generationText.imageUnreadable(), false);
  return base64Image(data, type);
}

/** Where an upload starts, the relay it goes through, and the user's key (sent only to `rest`). */
export interface UploadPlace {
  rest: string;
  relay?: string;
  key: string;
}

/** `image` on fal's CDN: the URL fal is sent for it (see above). Refused in words where fal does not take it. */
export async function uploaded(image: ReferenceImage, place: UploadPlace, signal: AbortSignal): Promise<string> {
  const { rest, relay, key } = place;
  const bytes = bytesOf(image);
  const extension = bytes.type.slice('image/'.length).replace('jpeg', 'jpg');
  const started = await fetchJson(
    routed(`${rest}/storage/upload/initiate?storage_type=fal-cdn-v3`, relay),
    {
      method: 'POST',
      headers: { authorization: `Key ${key}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ content_type: bytes.type, file_name: `image.${extension}` }),
    },
    signal,
    key,
  );
  const target = checkProviderUrl(started.upload_url);
  const url = checkProviderUrl(started.file_url);
  const put = await fetch(routed(target, relay), {
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': bytes.type },
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    signal,
  }).catch((thrown: unknown) => {
    throw asUserPaysError(thrown);
  });
  if (!put.ok) throw new UserPaysError('provider-error', falText.uploadRefused(put.status));
  return url;
}

/** fal's REST API for the queue at `endpoint`: fal's own for fal's queue (`own`), else the endpoint itself. */
export const restOf = (endpoint: string, own: string) => (endpoint === own ? FAL_REST : endpoint);

/** Each of `images` on fal's CDN, in order, uploaded together. */
export const uploadedAll = (images: readonly ReferenceImage[], place: UploadPlace, signal: AbortSignal) =>
  Promise.all(images.map((image) => uploaded(image, place, signal)));

/** The image sent to an edit and its mask, where it has one, on fal's CDN. */
export interface FalImages {
  images: string[];
  mask?: string;
}

/** The request's images and mask (`mask`), uploaded; none where it sends none. */
export async function sentImages(
  inputs: readonly ReferenceImage[],
  mask: ReferenceImage | undefined,
  place: UploadPlace,
  signal: AbortSignal,
): Promise<FalImages> {
  const [images, maskUrl] = await Promise.all([
    uploadedAll(inputs, place, signal),
    mask && uploaded(mask, place, signal),
  ]);
  return { images, ...(maskUrl && { mask: maskUrl }) };
}
