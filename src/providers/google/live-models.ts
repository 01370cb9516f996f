import { isRecord } from '../../base/checks.js';
import { fetchJson } from '../engine/http.js';
import { routed } from '../engine/provider-urls.js';
import type { LiveAccess, LiveCatalogue } from '../provider.js';

/** How long the list may take before the bundled book decides alone. */
const LIST_WAIT_MS = 10_000;
/** Google's largest page of models (its API reference, `models.list`: `pageSize` at most 1000). */
const PAGE_SIZE = 1000;
/**
 * Pages followed at most: Google lists some hundred models, one page of 1,000; a list that goes on past this many is a
 * reply gone wrong, and decides nothing.
 */
const MOST_PAGES = 10;

/**
 * The method each model is made by: Imagen by `predict`, Gemini by `generateContent` (Google's API reference; a model
 * listed without it is not one this widget can use).
 */
const methodOf = (model: string) => (model.startsWith('imagen-') ? 'predict' : 'generateContent');

/**
 * Adds to `found` the ids of the models a `models.list` page names with their method among their
 * `supportedGenerationMethods`; the next page's token ('' at the last).
 */
function namedIn(page: unknown, found: string[]) {
  const models = isRecord(page) && Array.isArray(page.models) ? page.models : [];
  for (const model of models) {
    if (!isRecord(model) || typeof model.name !== 'string') continue;
    const id = model.name.replace(/^models\//, '');
    const methods = Array.isArray(model.supportedGenerationMethods) ? model.supportedGenerationMethods : [];
    if (methods.includes(methodOf(id))) found.push(id);
  }
  return isRecord(page) && typeof page.nextPageToken === 'string' ? page.nextPageToken : '';
}

/**
 * The models the user's key may use (`GET {endpoint}/v1beta/models`, the key in `x-goog-api-key`, never in the
 * address: Google's API reference, `models.list`; googleapis/js-genai `Model.supportedActions`), through the site's
 * relay where it has one, read once per key: the models it names with the method this widget makes them by (SPEC
 * §12: the provider's list decides what is offered). It says nothing of prices (Google's list has none): the bundled
 * rates stay. Undefined without a key, or where the list does not answer or is not whole (the bundled book decides,
 * by its dates).
 */
export async function livePrices(endpoint: string, access?: LiveAccess): Promise<LiveCatalogue | undefined> {
  const key = access?.apiKey;
  if (!key) return undefined;
  const base = endpoint.replace(/\/v1beta$/, '');
  const found: string[] = [];
  let token = '';
  try {
    for (let page = 0; page < MOST_PAGES; page++) {
      const query = `pageSize=${PAGE_SIZE}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
      const reply = await fetchJson(
        routed(`${base}/v1beta/models?${query}`, access.relay ?? ''),
        { headers: { 'x-goog-api-key': key } },
        AbortSignal.timeout(LIST_WAIT_MS),
        key,
      );
      token = namedIn(reply, found);
      if (!token) break;
    }
  } catch {
    return undefined;
  }
  // A list still going after the pages read is not the whole list: it decides nothing (it would hide models).
  if (token) return undefined;
  return { prices: {}, listed: found };
}
