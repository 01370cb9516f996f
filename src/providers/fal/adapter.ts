import { UserPaysError } from '../../base/errors.js';
import { fetchJson, guard, keyOf, readBalance, type HttpError } from '../engine/http.js';
import { checkProviderUrl, routed } from '../engine/provider-urls.js';
import { checkEndpoint } from '../urls.js';
import { pollUntil } from '../engine/poll.js';
import { settingsCheck, wireSettings } from '../engine/controls.js';
import type {
  Charge,
  LiveAccess,
  LiveCatalogue,
  Provider,
  ProviderOutcome,
  ProviderRequest,
  ProviderTask,
  RunContext,
} from '../provider.js';
import { FAL_WIRE, falControls } from './controls.js';
import { falOutpaintBody, outpaints } from './outpaint.js';
import { info } from './info.js';
import { falOutcome, queueStatus } from './queue.js';
import { falRoute, maskOf, toolBody } from './edit-request.js';
import { restOf, sentImages, type FalImages } from './storage.js';
import { generationText } from '../../strings/generation.js';
import { clock } from '../../base/clock.js';
import { FAL_FAMILIES, families, tierUnits } from './families.js';
import { nearestRatio, retired } from '../../pricing/index.js';
import { PRICED_LIVE, keepAnswered, livePriceBook, unitPriceOf, unitPricesOf } from './live-prices.js';
import Decimal from 'decimal.js';

/** The ratio nearest width × height of those `model` is sized by at fal (families.ts), where it is sized by ratio. */
function ratioOf(model: string, width: number, height: number): string | undefined {
  const sizes = families[model]?.sizes;
  return sizes?.kind === 'ratios' ? nearestRatio(sizes.ratios, width, height) : undefined;
}

/** How long the pricing API may take before the bundled prices stand. */
const PRICES_WAIT_MS = 10_000;

/**
 * The JSON input of one image: custom `image_size`, the images sent as their URLs on fal's CDN (`sent`, storage.ts) in
 * `image_urls` (edit endpoints), and the settings the model takes, checked, under fal's names (`output_format` the
 * model's default where none is chosen; `safety_tolerance` as the text fal's enum takes). Fill and Erase: their own
 * (edit-request.ts).
 */
export function falBody(request: ProviderRequest, sent: FalImages = { images: [] }): Record<string, unknown> {
  const { width, height, prompt, seed, model } = request;
  // An extend goes to fal's outpaint, with its own input (outpaint.ts).
  if (outpaints(request)) return falOutpaintBody(request, sent);
  const tool = toolBody(request, sent);
  if (tool) return tool;
  const images = sent.images.length ? { image_urls: sent.images } : {};
  // The models fal bills per image take their own inputs (families.ts): Nano Banana 2 and 2.1 a ratio and a resolution
  // tier, always sent (NanoBanana2Input); FLUX 3 a ratio and its 1k class, and nothing else (its input is documented
  // nowhere found); Seedream its size, and 4.5 a seed (SeedDream45T2IInput; 5.0 Lite has no seed field).
  const ratio = request.ratio ?? ratioOf(model, width, height);
  if (model === 'gemini-3.1-flash-image' || model === 'gemini-nano-banana-2.1')
    return { prompt, aspect_ratio: ratio, resolution: request.quality ?? '1K', num_images: 1, seed };
  if (model === 'flux-3-image') return { prompt, aspect_ratio: ratio, resolution: '1k' };
  if (request.model.startsWith('seedream-'))
    return {
      prompt,
      image_size: { width, height },
      num_images: 1,
      ...(request.model === 'seedream-4.5' && { seed }),
      ...images,
    };
  const wire = wireSettings(falControls(request.model), request.settings, FAL_WIRE);
  if (wire.safety_tolerance !== undefined) wire.safety_tolerance = String(wire.safety_tolerance);
  return {
    prompt: request.prompt,
    image_size: { width, height },
    seed: request.seed,
    num_images: 1,
    ...wire,
    image_urls: images.image_urls,
  };
}

/**
 * fal's queue (queue.fal.run), paid with the user's own key: submit, follow `status_url` (queue position,
 * then logs, as progress), fetch `response_url`, and `PUT cancel_url` when cancelled or timed out
 * (fal bills only finished requests).
 */
export class FalProvider implements Provider {
  readonly id = 'fal';
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;
  readonly controls = falControls;
  readonly checkSettings = settingsCheck(falControls);

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const key = keyOf(context, 'fal');
        // What cannot be sent is refused in words before anything is (a mask, the settings); then the images go to
        // fal's CDN, which costs nothing, before the request that may.
        const mask = maskOf(request);
        falBody(request);
        const endpoint = checkEndpoint(context.endpoint);
        const place = { rest: restOf(endpoint, this.defaultEndpoint), relay: context.relay, key };
        const sent = await sentImages(request.inputs ?? [], mask, place, signal);
        const body = JSON.stringify(falBody(request, sent));
        context.onSending?.();
        const reply = await fetchJson(
          routed(`${endpoint}/${falRoute(request)}`, context.relay),
          {
            method: 'POST',
            headers: { authorization: `Key ${key}`, 'content-type': 'application/json' },
            body,
          },
          signal,
          key,
        );
        if (typeof reply.request_id !== 'string')
          throw new UserPaysError('provider-error', generationText.unreadableReply());
        const task: ProviderTask = {
          provider: 'fal',
          id: reply.request_id,
          pollingUrl: reply.status_url,
          responseUrl: reply.response_url,
          cancelUrl: reply.cancel_url,
        };
        context.onAccepted?.(task);
        return this.#finish(task, context, signal, request);
      },
      this.id,
    );
  }

  resume(task: ProviderTask, context: RunContext): Promise<ProviderOutcome> {
    return guard(context, (signal) => this.#finish(task, context, signal), this.id);
  }

  /**
   * fal's Platform API, `GET /v1/account/billing?expand=credits` → `{ username, credits: { current_balance, currency
   * } }` (fal.ai/docs/platform-apis/v1/account/billing), at `https://api.fal.ai` for fal's own queue (fal's API host,
   * named here, never taken from a reply), else at the endpoint itself (a proxy or simulator of both). It answers
   * only an Admin API key: with an ordinary key there is no balance, quietly.
   */
  balance(context: Parameters<NonNullable<Provider['balance']>>[0]) {
    const base = this.#platform(context.endpoint);
    const read = (body: any) => (body?.credits?.currency === 'USD' ? body.credits.current_balance : undefined);
    return readBalance(
      `${base}/v1/account/billing?expand=credits`,
      { authorization: `Key ${keyOf(context, 'fal')}` },
      context,
      read,
    );
  }

  /**
   * fal's Platform API for the queue at `endpoint`: `https://api.fal.ai` for fal's own queue (fal's API host, named
   * here, never taken from a reply: the key goes to fal's origins only), else the endpoint itself (a proxy or
   * simulator of both).
   */
  #platform(endpoint: string) {
    const checked = checkEndpoint(endpoint);
    return checked === this.defaultEndpoint ? 'https://api.fal.ai' : checked;
  }

  /**
   * The unit prices fal's pricing API answers the user's key for the families fal sells here (families.ts), `GET
   * {platform}/v1/models/pricing?endpoint_id=a,b,…` (fal.ai/docs/platform-apis/v1/models/pricing: 1–50 endpoint ids,
   * comma-separated; `Authorization: Key …`), through the site's relay where it has one, read once per endpoint, key
   * and relay; undefined without a key, or where it does not answer (the bundled prices apply, and the quote says
   * which).
   */
  async livePrices(endpoint: string, access?: LiveAccess): Promise<LiveCatalogue | undefined> {
    const key = access?.apiKey;
    if (!key) return undefined;
    try {
      const url = `${this.#platform(endpoint)}/v1/models/pricing`;
      // Not a model shut down by now: it is not offered, and fal may not know its endpoint any more.
      const ids = PRICED_LIVE.filter(([, family]) => !retired(family.lifecycle, clock.now())).map(
        ([, family]) => family.endpoint,
      );
      const reply = await fetchJson(
        routed(`${url}?endpoint_id=${ids.map(encodeURIComponent).join(',')}`, access.relay),
        { headers: { authorization: `Key ${key}` } },
        AbortSignal.timeout(PRICES_WAIT_MS),
        key,
      );
      const usd = unitPricesOf(reply);
      keepAnswered(`${endpoint}\n${key}`, usd);
      const prices = livePriceBook(usd, {
        name: 'fal pricing API (live)',
        asOf: new Date(clock.now()).toJSON().slice(0, 10),
        url: 'https://api.fal.ai/v1/models/pricing',
      });
      return { prices };
    } catch {
      return undefined;
    }
  }

  /**
   * What fal says it billed for a finished request of `model` at the tier `quality`, from the result's
   * `x-fal-billable-units` header ("the real billed quantity … already denominated in the priced unit", as
   * TanStack/ai#722 relies on it) × the unit price quoted (the pricing API's, else the bundled: families.ts): undefined
   * where the page may not read the header (fal names no `Access-Control-Expose-Headers` for it in any source found, so
   * a browser may well not; a relay passes no such header on), where it is no amount, or for a model without a unit
   * price per image (FLUX.2: priced per MP with a first and a further rate; Nano Banana 2.1, by tokens): the quote is
   * booked then, and the receipt says so.
   *
   * A tier that bills more or less than one unit (Nano Banana 2's 2K, 1.5 units): no fal source says whether the header
   * then counts the one image sent or the units its tier bills, so either is read as that image at the tier's price
   * (units × unit price would book a 4K image counted as 1 at the 1K price); any other count is beyond reason
   * (`disbelieved`, what it would come to): the bound is booked, uncertain (generation/report-check.ts).
   */
  async #billed(
    units: string | null,
    model = '',
    quality: string | undefined,
    context: RunContext,
  ): Promise<{ charge?: Charge; disbelieved?: string }> {
    const count = units?.trim() ?? '';
    const family = Object.hasOwn(FAL_FAMILIES, model) ? FAL_FAMILIES[model] : undefined;
    if (family?.unit !== 'image' || !/^\d+(\.\d+)?$/.test(count)) return {};
    const usd = unitPriceOf(model, `${context.endpoint}\n${context.apiKey}`);
    if (usd === undefined) return {};
    // One image is asked (`num_images: 1`): a count other than that image's (none, or thousands) is beyond fal's own
    // rule, and not believed; the figure it makes is kept for the receipt.
    const tier = new Decimal(tierUnits(model, quality));
    const reported = new Decimal(count);
    return reported.eq(1) || reported.eq(tier)
      ? { charge: { usd: tier.mul(usd).toFixed() } }
      : { disbelieved: reported.mul(usd).toFixed() };
  }

  /** Follows the request to its result; `sent`: the request sent (its prompt, model and tier), unknown on a resume. */
  async #finish(
    task: ProviderTask,
    context: RunContext,
    signal: AbortSignal,
    sent?: ProviderRequest,
  ): Promise<ProviderOutcome> {
    const key = keyOf(context, 'fal');
    const endpoint = checkEndpoint(context.endpoint);
    // The queue URLs sit on the endpoint's own origin. One on another origin (a proxy that passes fal's
    // replies through unchanged) is rebased onto the endpoint from `/{app}/requests/…` on, so the key
    // never leaves the endpoint's origin.
    const at = (url?: string) => {
      const u = new URL(checkProviderUrl(url));
      return u.origin === new URL(endpoint).origin
        ? u.href
        : endpoint + (/\/[^/]+\/[^/]+\/requests\/.*/.exec(u.pathname) ?? [u.pathname])[0] + u.search;
    };
    const [status, response, cancelUrl] = [task.pollingUrl, task.responseUrl, task.cancelUrl].map(at);
    const via = (url: string) => routed(url, context.relay);
    const init = { headers: { authorization: `Key ${key}` } };
    // fal bills only requests that finish: one cancelled while still queued cost nothing. (Cancelled while in
    // progress, or already finished, it may have been billed: the caller books it as uncertain.)
    let state = 'IN_QUEUE';
    let cancelling: Promise<void> | undefined;
    const cancel = () =>
      (cancelling = fetch(via(cancelUrl), { ...init, method: 'PUT', credentials: 'omit', redirect: 'manual' })
        .then((reply) => {
          if (reply.ok && state === 'IN_QUEUE') context.onUncharged?.();
        })
        .catch(() => {}));
    signal.addEventListener('abort', cancel);
    const { onProgress } = context;
    onProgress?.({ status: generationText.queued() });
    try {
      await pollUntil(
        () => fetchJson(via(status + '?logs=1'), init, signal, key),
        (reply) => {
          state = reply.status;
          if (state === 'COMPLETED') return { done: reply };
          if (state === 'IN_QUEUE') onProgress?.({ status: queueStatus(reply.queue_position) });
          else if (state === 'IN_PROGRESS') {
            // fal's own words (its last log line) as they are, where it has any.
            const log: unknown = reply.logs?.at(-1)?.message;
            const own = log !== undefined && log !== null;
            onProgress?.({ status: own ? { text: String(log).slice(0, 80) } : generationText.generatingNow() });
          } else throw new UserPaysError('provider-error', generationText.cannotMake());
          return {};
        },
        signal,
        context.poll,
      );
      // A request that failed answers here with its error (docs.fal.ai/faq, "Do you charge for failed requests?"):
      // fal's own request error (a 5xx typed with `error_type`, docs.fal.ai/documentation/model-apis/request-errors)
      // is a server error, "never charged"; a 422 after the request ran (validation, content policy) "may still be
      // charged if a runner spent GPU time", so it may have cost the price; any other 4xx (a request cancelled) was
      // not billed. An untyped 5xx may be only this reply failing (a proxy's, or the result store's), after a request
      // that finished and was billed: it may have cost the price too.
      let units: string | null = null;
      let typed = false;
      const result = await fetchJson(
        via(response),
        init,
        signal,
        key,
        (reply) => {
          units = reply.headers.get('x-fal-billable-units');
        },
        (body: any) => {
          typed = typeof body?.error_type === 'string';
        },
      ).catch((error: HttpError) => {
        const status = error.status ?? 0;
        if ((status >= 500 && typed) || (status >= 400 && status < 500 && status !== 422)) context.onUncharged?.();
        throw error;
      });
      context.onBilled?.(); // it finished with images: fal has billed it, whatever happens to the download
      const billed = await this.#billed(units, sent?.model, sent?.quality, context);
      const outcome = await falOutcome(result, 'fal', task, context, signal, sent?.prompt);
      return { ...outcome, ...billed };
    } catch (error) {
      // Given up (cancel, deadline, a provider that stopped answering): cancel it at fal too, so that it is not
      // finished and billed for nobody; what the cancel finds decides what is booked, so wait for it.
      if (!cancelling && !signal.aborted) cancel();
      await cancelling;
      throw error;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }
}

/** fal's adapter, as the registry loads it (registry.ts). */
export const provider = new FalProvider();
