import { UserPaysError, asUserPaysError } from '../../base/errors.js';
import {
  MAX_IMAGE_BYTES,
  guard,
  httpError,
  inKnownUnit,
  keyOf,
  measured,
  mostSends,
  readBalance,
} from '../engine/http.js';
import { routed } from '../engine/provider-urls.js';
import { checkEndpoint } from '../urls.js';
import type { KeyBalance, ModelControls, Provider, ProviderOutcome, ProviderRequest, RunContext } from '../provider.js';
import type { ModelSettings } from '../../base/types.js';
import { modelName } from '../../pricing/index.js';
import { pollinationsAccount, pollinationsText } from './account.js';
import { info } from './info.js';
import { generationText } from '../../strings/generation.js';
import { editBody, editedImage } from './edit-request.js';

/**
 * Pollinations (pollinations.ai), paid from the user's own pollen with the key "Connect User Wallets" gave this site
 * (account.ts) or one the user pastes. One image per call: `GET {endpoint}/image/{prompt}` with the key as a Bearer
 * token answers the image's bytes (SPEC §4; enter.pollinations.ai/src/schemas/image.ts for the query). Pollinations
 * reports no charge to the page: the quote is booked (its price is per image, whatever the size), and what the key
 * has left is read after it (`balance`). Sources beside each rule; the simulator (demo/sim/pollinations.mjs) holds to
 * the same.
 */

/**
 * The models Pollinations sells for bought pollen only (shared/registry/image.ts @0047731e, `paidOnly`; /image/models'
 * `paid_only`), by their ids here: a request for one is admitted only where the bought pollen alone holds more than
 * its price (shared/billing/service-billing.ts @151bb0c3, "must hold paid balance"), the free daily pollen never.
 */
const PAID_ONLY = ['gemini-3.1-flash-image', 'gemini-3-pro-image', 'seedream-4.5', 'grok-imagine', 'qwen-image'];

/**
 * Pollinations' refusals (enter.pollinations.ai/src/services/service-billing.ts and src/error.ts: `{success: false,
 * error: {message, code}, status}`): 401 a key unknown, revoked or expired; 402 the account short of pollen ("Insufficient
 * balance") or the key's own budget used up ("API key budget too low"); 403 a model the key may not use. Said in
 * words that say what to do; anything else as the shared mapping says it (`httpError`).
 */
function pollinationsError(response: Response, body: any, key: string, model: string) {
  const status = response.status;
  const said = typeof body?.error?.message === 'string' ? body.error.message : '';
  const refused = (error: UserPaysError) => Object.assign(error, { status, answered: true });
  if (status === 401) return refused(new UserPaysError('auth-failed', pollinationsText.keyRefused(), false));
  // The key's budget is the user's grant to this site: a new one comes with signing in again.
  if (status === 402 && /budget/i.test(said)) {
    return refused(new UserPaysError('auth-required', pollinationsText.budgetUsed(), false));
  }
  // A model for bought pollen only: the daily pollen does not pay for it, whatever the balance says.
  if (status === 402 && PAID_ONLY.includes(model)) {
    const error = new UserPaysError('insufficient-funds', pollinationsText.paidOnly(modelName(model)), false);
    return refused(Object.assign(error, { modelOnly: true }));
  }
  // The account short of pollen: said as every provider's short account is (`guard`: where to add funds).
  if (status === 402) return refused(new UserPaysError('insufficient-funds', '', false));
  if (status === 403) {
    return refused(new UserPaysError('invalid-input', pollinationsText.modelNotAllowed(modelName(model)), false));
  }
  return httpError(response, body, key);
}

/**
 * Pollinations calls of this origin with one key, in every tab (`localStorage`, so that tabs see each other's; the key
 * named by a hash of it, never itself): how many started and how many finished. The key's budget's drop over a call
 * is that call's charge only where no other call with the key ran at its start, none started during it, and none
 * finished during it; else nothing is claimed. Without storage nothing can be told.
 */
function calls(key: string, change?: 'started' | 'finished'): { started: number; finished: number } | undefined {
  const name = `userpays:pollinations-calls:${[...key].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) >>> 0, 7)}`;
  try {
    const now = JSON.parse(localStorage.getItem(name) ?? '{"started":0,"finished":0}');
    if (!Number.isSafeInteger(now?.started) || !Number.isSafeInteger(now?.finished)) return undefined;
    if (change) {
      now[change]++;
      localStorage.setItem(name, JSON.stringify(now));
    }
    return now;
  } catch {
    return undefined;
  }
}

/**
 * What Pollinations' FLUX models take of the controls (enter.pollinations.ai/src/schemas/image.ts): `enhance`, a
 * boolean, default false (an LLM rewrites the prompt first), and a `seed` it honours. No moderation level for FLUX
 * (`safe` only), and no choice of format: it sends the image the model made. It answers with the image's bytes alone,
 * so it never says what a rewritten prompt was. One switch: checked here, without the other adapters' shared checks
 * (engine/controls.ts), which a session with Pollinations does not load.
 */
const CONTROLS: ModelControls = { enhancePrompt: { default: false }, seedReproduces: true };

/** The one control Pollinations takes, refused in words when it is not true or false. */
function enhanceOf(settings?: ModelSettings): boolean | undefined {
  const enhance: unknown = settings?.enhancePrompt;
  if (enhance === undefined || typeof enhance === 'boolean') return enhance;
  throw new UserPaysError('invalid-input', pollinationsText.enhanceOnOrOff(), false);
}

/**
 * `GET {endpoint}/image/{prompt}` with the query (enter.pollinations.ai/src/schemas/image.ts): model, width, height,
 * seed (-1 to 2147483647), `enhance`; `nologo` and `private`, which older servers took, are no longer in the schema and
 * are not sent. The key goes in the header only (the query would put it in logs and the address).
 */
function imageAddress(endpoint: string, request: ProviderRequest, model: string, half: number, enhance?: boolean) {
  const query = new URLSearchParams({
    model,
    width: String(request.width / half),
    height: String(request.height / half),
    ...(request.seed === undefined ? {} : { seed: String(request.seed) }),
    ...(enhance ? { enhance: 'true' } : {}),
    // GPT Image's quality, always the one priced (families.ts: medium or high, the two it makes), and only a quality
    // the query takes (enter.pollinations.ai/src/schemas/image.ts: low, medium, high, hd): Nano Banana's tier goes as
    // the size made.
    ...(/^(medium|high)$/.test(request.quality ?? '') && { quality: request.quality }),
  });
  return `${endpoint}/image/${encodeURIComponent(request.prompt)}?${query}`;
}

class PollinationsProvider implements Provider {
  readonly id = 'pollinations';
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;
  readonly account = pollinationsAccount;
  /** `pollenBudget` falls by exactly what each image of this key costs: read around each one (`balance`). */
  readonly tracksSpending = true;

  controls(): ModelControls {
    return CONTROLS;
  }

  checkSettings(_model: string, settings?: ModelSettings) {
    enhanceOf(settings);
  }

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const key = keyOf(context, 'pollinations', true);
        const endpoint = checkEndpoint(context.endpoint);
        const model = request.wiring?.model ?? 'klein';
        // Booleans are read by z.coerce.boolean: any text but the empty one is true, `enhance=false` included. So
        // `enhance=true` turns it on, and it is left out to leave it off.
        const enhance = enhanceOf(request.settings);
        // The size made, which Pollinations makes of itself (families.ts); Seedream 4.5 at half its 2K preset: a side
        // over 2048 would have it make 4K (pollinations/pollinations models/openRouterImageModel.ts,
        // `callOpenRouterSeedreamProAPI`).
        const half = model === 'seedream-pro' ? 2 : 1;
        // Images (an edit's, references) go to the route that takes them as they are (edit-request.ts), as JSON.
        const sending = !!request.inputs?.length;
        const url = sending ? `${endpoint}/v1/images/edits` : imageAddress(endpoint, request, model, half, enhance);
        const body = sending ? JSON.stringify(editBody(request, model, half, enhance)) : undefined;
        // A price in tokens is a bound (families.ts): what the key's budget fell by across this call alone is its
        // charge (the page cannot read `x-pollen-cost`: its CORS does not expose it), read before and after it.
        // Only a key this site's sign-in made: no one else spends from it.
        const bound = !!request.wiring?.rates && context.keyMadeBySignIn;
        const atStart = bound ? calls(key, 'started') : undefined;
        // Read only where no other call with the key is running.
        const before =
          atStart && atStart.started === atStart.finished + 1
            ? await this.balance({ ...context, apiKey: key })
            : undefined;
        context.onProgress?.({ status: generationText.generatingNow() });
        context.onSending?.();
        let response: Response;
        try {
          response = await fetch(routed(url, context.relay), {
            ...(body && { method: 'POST', body }),
            headers: { authorization: `Bearer ${key}`, ...(body && { 'content-type': 'application/json' }) },
            signal,
            credentials: 'omit',
            cache: 'no-store',
            redirect: 'manual', // a redirect would carry the key's header wherever it names
            referrerPolicy: 'no-referrer',
          });
        } catch (thrown) {
          // The connection broke: the image may have been made and charged, and a browser resends a request by
          // itself when a connection it reused breaks (engine/http.ts, mostSends).
          const error = asUserPaysError(thrown);
          if (error.code === 'network') error.sends = mostSends(url);
          throw error;
        } finally {
          if (atStart) calls(key, 'finished');
        }
        if (!response.ok) {
          const body = await response.json().catch(() => undefined);
          throw pollinationsError(response, body, key, request.model);
        }
        const made = sending ? response.json().catch(() => undefined) : response.blob().catch(() => undefined);
        const answer = await made;
        context.onBilled?.(); // it answered with the image: made, and charged
        const blob = sending ? editedImage(answer) : answer instanceof Blob ? answer : undefined;
        if (!blob?.type.startsWith('image/'))
          throw new UserPaysError('provider-error', generationText.imageUnreadable());
        if (blob.size > MAX_IMAGE_BYTES) throw new UserPaysError('provider-error', generationText.imageTooLarge());
        context.onProgress?.({ status: generationText.downloading(), progress: 1 });
        const image = await measured(blob, context.onBytes);
        // Alone: nothing started or finished since but this call's own finish.
        const atEnd = atStart && calls(key);
        const alone = atStart && atEnd?.started === atStart.started && atEnd.finished === atStart.finished + 1;
        const after = before?.usd && alone ? await this.balance({ ...context, apiKey: key }) : undefined;
        const fell = before?.usd && after?.usd && before.usd.minus(after.usd);
        return {
          image: { ...image, seed: request.seed },
          task: { provider: 'pollinations', id: '' },
          ...(fell && fell.gt(0) && { charge: { usd: fell.toFixed() } }),
        };
      },
      this.id,
    );
  }

  /**
   * What the key has left of the budget the user gave this site: `GET {endpoint}/account/key` with the key →
   * `pollenBudget` (pollen, = USD; null: the key has no budget of its own, and what is left is unknown) and `expiresAt`
   * (ISO 8601; null: it does not expire) (enter.pollinations.ai/src/routes/account.ts). Only this site's key spends
   * from its budget, which falls by exactly what each image costs (the site's share included): read before an image and
   * after it, the difference checks the charge booked, and settles one no reply confirmed (`spent`, SPEC §5). The
   * budget is the key's, not the account's pollen (`ofKeyBudget`): Pollinations checks the two apart, "Insufficient
   * balance" for the account and "API key budget too low" for the key (enter.pollinations.ai/src/services/
   * service-billing.ts), so a key with budget left may belong to an account with no pollen.
   */
  async balance(context: Parameters<NonNullable<Provider['balance']>>[0]): Promise<KeyBalance | undefined> {
    if (!context.apiKey) return undefined;
    let body: any;
    const usd = await readBalance(
      `${checkEndpoint(context.endpoint)}/account/key`,
      { authorization: `Bearer ${context.apiKey}` },
      context,
      // Pollen is what its budget is counted in: any other unit named is refused (`inKnownUnit`).
      (read) => (body = inKnownUnit(['pollen'], read) ? read : undefined)?.pollenBudget,
    );
    const expiresAt = Date.parse(body?.expiresAt);
    return (
      body && {
        usd,
        uncapped: body.pollenBudget === null,
        ofKeyBudget: true,
        spent: usd?.neg(),
        ...(expiresAt ? { expiresAt } : {}),
      }
    );
  }
}

export const provider = new PollinationsProvider();
