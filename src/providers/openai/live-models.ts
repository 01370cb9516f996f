import { isRecord } from '../../base/checks.js';
import { fetchJson } from '../engine/http.js';
import { routed } from '../engine/provider-urls.js';
import type { LiveAccess, LiveCatalogue } from '../provider.js';

/** How long the list may take before the bundled book decides alone. */
const LIST_WAIT_MS = 10_000;

/**
 * An id of an image model this widget sends to an OpenAI-compatible API: GPT Image, or FLUX as gateways name it
 * (`black-forest-labs/…`). A list that names none of them speaks of other models (a gateway's text models), not of
 * what the widget sells: it decides nothing.
 */
const IMAGE_MODEL = /^gpt-image-|^black-forest-labs\//i;

/**
 * The models the user's key may use at `endpoint` (`GET {endpoint}/v1/models`, `Authorization: Bearer`: OpenAI's API
 * reference, `models.list`, `{object: 'list', data: [{id, object, created, owned_by}]}`; the endpoint given with or
 * without its `/v1`), through the site's relay where it has one, read once per key: the ids it names, which decide
 * what is offered there (SPEC §12; GPT Image 1.5 gone from it is not sold, whatever the book's dates say). It has no
 * prices (OpenAI's list carries none): the bundled or the page's stay. Undefined without a key, where the list does
 * not answer (a gateway without it, a browser the host does not let read it), or where it names no image model.
 */
export async function livePrices(endpoint: string, access?: LiveAccess): Promise<LiveCatalogue | undefined> {
  const key = access?.apiKey;
  if (!key) return undefined;
  let reply: unknown;
  try {
    reply = await fetchJson(
      routed(`${endpoint.replace(/\/v1\/?$/, '')}/v1/models`, access.relay ?? ''),
      { headers: { authorization: `Bearer ${key}` } },
      AbortSignal.timeout(LIST_WAIT_MS),
      key,
    );
  } catch {
    return undefined;
  }
  const data = isRecord(reply) && Array.isArray(reply.data) ? reply.data : [];
  const ids = data.flatMap((model) => (isRecord(model) && typeof model.id === 'string' ? [model.id] : []));
  // FLUX named as the adapter sends it where the book names it no other way (`black-forest-labs/<our id>`) is ours too.
  const listed = ids.flatMap((id) => [id, ...(/^black-forest-labs\/(.+)$/.exec(id)?.slice(1) ?? [])]);
  return listed.some((id) => IMAGE_MODEL.test(id)) ? { prices: {}, listed } : undefined;
}
