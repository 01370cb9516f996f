import { clock } from '../../base/clock.js';
import { UserPaysError } from '../../base/errors.js';
import { dataUrlBlob } from '../../base/image-bytes.js';
import { downloadImage, guard, measured } from '../engine/http.js';
import { checkImageUrl } from '../engine/provider-urls.js';
import type { Provider, ProviderImage, ProviderOutcome, ProviderRequest, RunContext } from '../provider.js';
import { prices } from '../../strings/prices.js';
import { sayer } from '../../strings/strings.js';
import { puterError, puterSdk, readUsage } from './account.js';
import { PUTER_IDS } from './live-prices.js';
import { info, puterApi } from './info.js';
import { PUTER_MODELS, prices as puterPrices } from './prices.js';
import { editPrices } from './edit-prices.js';
import { editPrices as editWords } from '../../strings/edit-prices.js';
import { modelName } from '../../pricing/index.js';
import { puterText } from './words.js';
import { puterSiteUsage } from './site-usage.js';
import { type Calls, type Reading, meterCall, meterOf, parseCalls, withMeter } from './meter.js';

const pricesText = sayer('prices', prices);
const editText = sayer('editPrices', editWords);

/** What the engine's `loadPuter` gives the widget's account line and the headless call (account.ts). */
export { balanceRefusal, puterAccount, puterCheck, puterSdk, puterSignIn } from './account.js';
export { PuterAccountFiles, removeAccountImages } from './account-files.js';
export { puterLedgerStore } from './kv-ledger.js';
import { generationText } from '../../strings/generation.js';

/**
 * On a 402 the SDK opens its own modal "Low Balance" dialog over the page (`<usage-limit-dialog>` appended to
 * `document.body` and shown with `showModal()`: @heyputer/puter.js src/lib/networkUtils.js `promptUpgrade`,
 * src/modules/UsageLimitDialog.js). The widget already says it beside Generate, with the link to add funds; and
 * under a strict Content-Security-Policy the dialog's inline `<style>` is refused, so it is an invisible modal that
 * swallows every click until Escape. Removed: a dialog out of the document leaves the top layer, and the page works.
 */
function closeLowBalanceDialog() {
  for (const dialog of document.querySelectorAll('usage-limit-dialog')) dialog.remove();
}

/**
 * Where a call's session has ended and no click of the user's is fresh, Puter's SDK asks them to sign in again in a
 * modal box of its own on the page (`<puter-dialog>`: @heyputer/puter.js src/modules/UI.js `authenticateWithPuter`,
 * through `signIn`, which shows the consent box where no user gesture is at hand; src/modules/PuterDialog.js). The call
 * waits on the answer, so the box stays; once it is open, `asking` says what the call waits on ("Generating" would not,
 * for as long as nobody answers), and `back` where it has gone. (An answer closes it in place, which the page's
 * children do not show: the call ends soon after either answer.) Returns what stops watching.
 */
function watchSignInBox(asking: () => void, back: () => void): () => void {
  let open = false;
  const look = () => {
    // Open: a box left in the page, closed, by an earlier answer is not asking.
    const now = [...document.querySelectorAll('puter-dialog')].some((box) =>
      box.shadowRoot?.querySelector('dialog[open]'),
    );
    if (now === open) return;
    open = now;
    if (open) asking();
    else back();
  };
  const observer = new MutationObserver(look);
  observer.observe(document.body, { childList: true });
  look();
  return () => observer.disconnect();
}

/**
 * How many AI calls Puter runs at once for one user: 3 on a free account, 2 on a temporary one, 20 on a paid one
 * (AI_CONCURRENT, HeyPuter/puter@8307e8c src/backend/drivers/util/aiLimits.ts); one more is refused 429 "Too many
 * concurrent requests." (DriverController.ts), which the SDK retries for about 12 s and then passes on. A page
 * cannot read whether an account pays (whoami says only `is_temp`), so a registered account is held to the free
 * tier's 3: slower for a paying user, never a 429 of the widget's own making.
 */
const users: Record<string, Promise<any>> = {};
/** The signed-in user as whoami says (null: none said), once per token; undefined where it could not be asked. */
const userOf = (puter: any): Promise<any> =>
  (users[String(puter.authToken)] ??= puter.auth.getUser().then(
    (user: any) => user ?? null,
    () => undefined,
  ));
const limitOf = async (puter: any): Promise<number> => {
  const user = await userOf(puter);
  return user === undefined || user?.is_temp ? 2 : 3;
};

/**
 * Runs `work` in one of `limit` slots shared by every tab of this origin (Web Locks, as Puter's cap is per user, not
 * per page): at once when a slot is free, else after `waiting()`, when the first frees up. A cancel while waiting
 * rejects with the signal's reason. Without Web Locks, at once.
 */
function inSlot<T>(limit: number, signal: AbortSignal, waiting: () => void, work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return work();
  const names = Array.from({ length: limit }, (_, i) => `userpays:puter-call-${i}`);
  return new Promise<T>((resolve, reject) => {
    const taken = new AbortController();
    let started = false;
    const run = async (lock: unknown) => {
      if (!lock || started) return; // busy (asked only if free), or another slot came first
      started = true;
      taken.abort(); // the other slots need not be waited for any more
      await work().then(resolve, reject);
    };
    void Promise.all(names.map((name) => locks.request(name, { ifAvailable: true }, run))).then(() => {
      if (started) return;
      waiting();
      for (const name of names) {
        locks.request(name, { signal: AbortSignal.any([signal, taken.signal]) }, run).catch(() => {
          if (!started) reject(signal.reason);
        });
      }
    });
  });
}

/**
 * Puter calls of this origin, in every tab: how many started and how many finished, and what each account's meter
 * showed and owes (meter.ts), in `localStorage`, so that tabs see each other's. The balance drop over a call is read
 * only when no other call of the origin was running at its start, none started during it, and none finished during
 * it (else the drop may hold theirs); it is booked past what earlier calls still owed (`meterCall`), else the quote
 * is. Without storage nothing can be told, and the quote is booked.
 */
const CALLS = 'userpays:puter-calls';
const calls = (): Calls | undefined => parseCalls(localStorage.getItem(CALLS));
/** Applies `change` to the stored calls (none readable: to none made) and stores them; returns them as stored. */
function update(change: (now: Calls) => Calls): Calls {
  const now = change(calls() ?? { started: 0, finished: 0, meters: {} });
  try {
    localStorage.setItem(CALLS, JSON.stringify(now));
  } catch {
    // no storage: `calls()` cannot vouch for anything, and the quote is booked
  }
  return now;
}
const count = (field: 'started' | 'finished') => update((now) => ({ ...now, [field]: now[field] + 1 }));

/** What `/metering/usage` says the account has left now, in USD, where that can be told, and when it was asked. */
interface Read {
  reading?: Awaited<ReturnType<typeof readUsage>>;
  at: number;
}
async function readNow(puter: any, endpoint: string): Promise<Read> {
  const at = clock.now();
  return { reading: await readUsage(puter, endpoint), at };
}

/**
 * Counts a successful call finished and books it on `account`'s meter, in one write (shared by the tabs: `update`): the
 * charge its drop shows, or undefined where none can be told (its quote, `quoted`, is booked, and owed until the meter
 * shows it).
 */
function finished(account: string, before: Read | undefined, after: Read | undefined, quoted?: string) {
  // A rate learned from this very call's record converts its drop too.
  const perUsd = after?.reading?.perUsd ?? before?.reading?.perUsd;
  const usd = (read?: Read): Reading | undefined =>
    read?.reading && perUsd ? { usd: read.reading.left.div(perUsd), at: read.at } : undefined;
  // Readings in two units (the deployment switched to credits meanwhile) tell nothing.
  const same = !after || after.reading?.credits === before?.reading?.credits;
  const readings = same ? { before: usd(before), after: usd(after) } : {};
  let charge: string | undefined;
  update((now) => {
    const result = meterCall(meterOf(now, account), { ...readings, quoted, at: clock.now() });
    charge = result.charge;
    return withMeter({ ...now, finished: now.finished + 1 }, account, result.meter);
  });
  return charge;
}

/**
 * The images of a call as Puter takes them: `input_images`, "the canonical, cross-provider field", each a data URI
 * (src/docs/src/AI/txt2img.md at HeyPuter/puter@8307e8c), the image edited first; `input_image` for a model that takes
 * one image in a field of its own, which Puter fills from `input_image` alone (prices.ts, `singleImage`).
 */
const imagesOf = (model: string, references: readonly string[]) =>
  !references.length
    ? {}
    : PUTER_MODELS[model]?.singleImage
      ? { input_image: references[0] }
      : { input_images: [...references] };

/**
 * Asks Puter's SDK for the image (`puter.ai.txt2img`) with Puter's model `id` and the `references`, and waits for it
 * until `signal` aborts. Its refusal is said as Puter's (`puterError`), with the SDK's "Low Balance" box removed.
 */
function txt2img(
  puter: any,
  request: ProviderRequest,
  id: string,
  references: readonly string[],
  signal: AbortSignal,
): Promise<any> {
  const token = puter.authToken; // a new one after the call: the user signed in again meanwhile
  const [w, h] = request.ratio?.split(':').map(Number) ?? [request.width, request.height];
  return new Promise<any>((resolve, reject) => {
    // The SDK cannot be aborted: stop waiting (guard() tells a cancel from the deadline).
    signal.addEventListener('abort', () => reject(signal.reason));
    puter.ai
      .txt2img(request.prompt, {
        model: id,
        // Which of Puter's providers, where an alias has several (else Puter takes the first: families.ts).
        provider: request.wiring?.via,
        // Puter's driver reads the size from `ratio`: the ratio itself for models sized by ratio (it reduces
        // it by the gcd, so 1360×768 would go out as 85:48), else the pixels, which Together snaps.
        ratio: { w, h },
        // The tier priced, always: Puter's providers put their own (a cheaper or dearer one) where none is sent.
        quality: request.quality,
        seed: request.seed,
        ...imagesOf(request.model, references),
      })
      .then(resolve, (thrown: unknown) => {
        const error = puterError(thrown);
        if (error.code === 'insufficient-funds') closeLowBalanceDialog();
        // The SDK asked the user to sign in again and they did: the call itself still failed, but asking
        // them to sign in would be wrong; they need only generate again.
        if (error.code === 'auth-required' && puter.auth.isSignedIn() && puter.authToken !== token) {
          error.say(puterText.signedInAgain());
          // Refused for its session before the driver ran: nothing was charged, as the words say.
          error.uncharged = true;
        }
        reject(error);
      });
  });
}

/**
 * The image Puter gave at `url`: read from the address itself where it is a data URL (the model sent base64), else
 * downloaded from the provider's own host.
 */
async function imageAt(url: string, signal: AbortSignal, context: RunContext): Promise<ProviderImage> {
  const bytes = url.startsWith('data:') ? dataUrlBlob(url) : undefined;
  return bytes
    ? await measured(bytes, context.onBytes)
    : await downloadImage(url, signal, { onBytes: context.onBytes, relayHelps: false });
}

/**
 * Puter, "user-pays": each call is one `puter.ai.txt2img`, paid from the end user's own Puter account, at most as
 * many at once as Puter allows the account (`limitOf`). The balance read before and after is the real charge, when
 * no other call of this origin ran meanwhile, past the charges of earlier calls that Puter wrote late (`finished`).
 */
export class PuterProvider implements Provider {
  readonly id = 'puter';
  readonly needsKey = info.needsKey;
  /** What the user signed in on this page spent on this site this month (the tally's "Reconcile"). */
  readonly siteUsage = puterSiteUsage;
  /** The Puter API the page configured for its SDK, else Puter's own (see `puterApi`). */
  get defaultEndpoint() {
    return puterApi('');
  }

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal): Promise<ProviderOutcome> => {
        const references = request.inputs?.map((input) => input.dataUrl) ?? [];
        const model = PUTER_MODELS[request.model];
        // The other families name Puter's id for the model and which of its providers serves it in the price book
        // (puter/families.ts).
        const id = request.wiring?.model ?? PUTER_IDS[request.model];
        const max = puterPrices[request.model]?.references?.max ?? 0;
        // Never more than the model takes (Together refuses a second image, xAI's edits drop a fourth without a
        // word: families.ts), and checked before anything is counted or sent.
        if (!id || references.length > max) {
          throw new UserPaysError(
            'invalid-input',
            pricesText.tooManyReferences(request.model, max, references.length - max),
            false,
          );
        }
        // An edit only by an instruction over the whole image (edit-prices.ts): no mask goes to Puter, which takes none.
        const kind = request.edit?.kind;
        if (kind && (kind !== 'instruction' || request.edit?.mask || !editPrices[request.model]?.edits?.includes(kind)))
          throw new UserPaysError('invalid-input', editText.cannotEdit(modelName(request.model), kind), false);
        const puter = await puterSdk(context.endpoint);
        const limit = await limitOf(puter);
        const waiting = () => context.onProgress?.({ status: puterText.waitingForSlot(limit) });
        return inSlot(limit, signal, waiting, async (): Promise<ProviderOutcome> => {
          // Whose meter the drop is read on: the account signed in at the start.
          const account = String((await userOf(puter))?.uuid ?? '');
          const atStart = count('started');
          // Alone at the start: no other call of this origin is between its start and its end.
          const before = atStart.started === atStart.finished + 1 ? await readNow(puter, context.endpoint) : undefined;
          context.onSending?.();
          const generating = () => context.onProgress?.({ status: generationText.generatingNow() });
          generating();
          const stopWatching = watchSignInBox(
            () => context.onProgress?.({ status: puterText.asksToSignIn(), asks: true }),
            generating,
          );
          const image = await txt2img(puter, request, id, references, signal)
            .catch((error: unknown) => {
              count('finished');
              throw error;
            })
            .finally(stopWatching);
          // Puter records a call's usage once its model answered with the image (ReplicateImageGenerationProvider.ts
          // #recordUsage after run; TogetherImageProvider.ts incrementUsage after generate): it is paid for, whatever
          // becomes of the download.
          context.onBilled?.();
          // Still alone: nothing started or finished since. This call counts as finished only once it is booked, so
          // that a call starting meanwhile (another tab's) is not alone and does not take this call's late charge.
          const atEnd = calls();
          const alone = atEnd?.started === atStart.started && atEnd.finished === atStart.finished;
          const after = before && alone ? await readNow(puter, context.endpoint) : undefined;
          // A charge Puter has not metered yet reads as no change (its quote is booked, and owed to the meter).
          const charge = finished(account, before, after, context.quoted);
          // Puter returns the provider's own https URL (replicate.delivery, Together's short links: the driver passes
          // the model's output URL on, ImageGenerationDriver.ts generate); a data URL only where the model sent base64.
          const made = await imageAt(checkImageUrl(image?.src), signal, context);
          // Replicate deletes a prediction's output files after an hour (replicate.com/docs/topics/predictions/
          // data-retention): an image shown from its link is gone then.
          if (made.remote && model && !id.startsWith('togetherai:')) made.remote.expiresAt ??= clock.now() + 3600_000;
          return {
            // Puter reports no seed back, so none is claimed.
            image: made,
            task: { provider: 'puter', id: '' },
            // In USD to the microcent, Puter's own unit of account.
            charge: charge === undefined ? undefined : { usd: charge },
          };
        });
      },
      this.id,
    ).catch((error: UserPaysError) => {
      if (error.code === 'cancelled') error.say(puterText.cancelled());
      throw error;
    });
  }
}

/** Puter's adapter, as the registry loads it (registry.ts). */
export const provider = new PuterProvider();
