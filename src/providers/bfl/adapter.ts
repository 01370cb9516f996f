import Decimal from 'decimal.js';
import { figureSaid } from '../engine/figure-said.js';
import { UserPaysError } from '../../base/errors.js';
import { CREDIT_USD, aspectRatio, modelName, nearestRatio, type PriceRule } from '../../pricing/index.js';
import { invalid } from '../../base/checks.js';
import { downloadImage, fetchJson, guard, inKnownUnit, keyOf, readBalance, retryAfterMs } from '../engine/http.js';
import { checkProviderUrl, routed } from '../engine/provider-urls.js';
import { checkEndpoint } from '../urls.js';
import { pollUntil } from '../engine/poll.js';
import { settingsCheck, wireSettings } from '../engine/controls.js';
import type {
  Charge,
  KeyBalance,
  Provider,
  ProviderOutcome,
  ProviderRequest,
  ProviderTask,
  RunContext,
} from '../provider.js';
import { clock } from '../../base/clock.js';
import { info } from './info.js';
import { editPrices } from './edit-prices.js';
import { prices } from './prices.js';
import { BFL_WIRE, bflControls } from './controls.js';
import { bflWords } from './words.js';
import { sayer } from '../../strings/strings.js';
import { generationText } from '../../strings/generation.js';
import type { EditKind } from '../../base/types.js';
import { OUTPAINTING_ROUTE, outpaintingBody } from './outpaint.js';

const bflText = sayer('bfl', bflWords);

/**
 * BFL's JSON body for one image, by the model's size rule in the price book: FLUX.2 and FLUX1.1 [pro] take
 * width/height; Kontext and Ultra an aspect ratio; Fill the first reference image as `image` (BFL's OpenAPI schema:
 * Flux2Inputs, FluxKontextProInputs, FluxUltraInput, FluxProFillInputs). References go as raw base64 (no `data:`
 * prefix): `input_image`, `input_image_2`… (FLUX.2, Kontext) or `image_prompt` (FLUX1.1 [pro], Ultra). An edit (SPEC
 * §13): Fill's mask beside its image as `mask`; Erase its own body (`eraseBody`), and Outpainting (`outpaintingBody`,
 * outpaint.ts); an instruction as references are. The settings the model takes, checked, under BFL's names
 * (`output_format` the model's default where none is chosen); a setting out of the model's range is refused here,
 * before anything is sent.
 */
export function bflBody(request: ProviderRequest): Record<string, unknown> {
  const { model, width, height } = request;
  const images = (request.inputs ?? []).map(base64Of);
  const rule = prices[model]?.rule;
  if (request.edit?.kind === 'extend' || only(model, 'extend')) {
    if (!editPrices[model]?.edits?.includes('extend')) invalid(bflText.editNotMade(modelName(model)));
    return outpaintingBody(request, images[0] ?? '');
  }
  const mask = maskOf(request);
  if (request.edit?.kind === 'erase' || only(model, 'erase')) return eraseBody(request, images[0], mask!);
  if (rule?.kind === 'tier') return classBody(request, rule, images);
  const body: Record<string, unknown> = {
    prompt: request.prompt,
    seed: request.seed,
    ...wireSettings(bflControls(model), request.settings, BFL_WIRE),
  };
  const sizing = prices[model]?.sizes?.kind;
  if (sizing === 'aspect') body.aspect_ratio = request.ratio ?? aspectRatio(width, height);
  else if (sizing !== 'input') Object.assign(body, { width, height });
  if (sizing === 'input') Object.assign(body, { image: images[0] }, mask && { mask });
  else if (/^flux-pro-1\.1/.test(model)) body.image_prompt = images[0];
  else images.forEach((image, i) => (body[i ? `input_image_${i + 1}` : 'input_image'] = image));
  return body;
}

/**
 * A model that makes one kind of edit alone (FLUX Erase, FLUX Outpainting): whatever the request says, it is that
 * kind, and needs what it does (a mask; the sides to extend).
 */
const only = (model: string, kind: EditKind) => editPrices[model]?.edits?.every((made) => made === kind) === true;

/** A data URL's raw base64, as BFL takes images (no `data:` prefix). */
const base64Of = (image: { dataUrl: string }) => image.dataUrl.slice(image.dataUrl.indexOf(',') + 1);

/**
 * The mask of an edit that repaints or erases what is painted, as raw base64, checked before anything is sent: the
 * model must make that kind of edit (a mask is never sent where it would be ignored in silence, SPEC §13), and the mask
 * must be there and of the image's size (FluxProFillInputs' `mask`: "same dimensions as the image … The endpoint
 * verifies that the dimensions of the mask match"; Erase: "a black/white PNG at the same resolution as your input
 * image", docs.bfl.ml/flux_erase). Undefined for an instruction, or no edit (Fill then takes an image whose alpha is
 * its mask, as it always has). Refused in plain words otherwise.
 */
function maskOf({ model, edit, inputs }: ProviderRequest): string | undefined {
  const kind = edit?.kind ?? (only(model, 'erase') ? 'erase' : undefined);
  if (!kind) return undefined;
  if (!editPrices[model]?.edits?.includes(kind)) invalid(bflText.editNotMade(modelName(model)));
  if (kind === 'instruction') return undefined;
  const image = inputs?.[0];
  if (!edit?.mask || !image) invalid(bflText.maskMissing());
  const { width, height } = edit.mask;
  if (width !== image.width || height !== image.height)
    invalid(bflText.maskSize(width, height, image.width, image.height));
  return base64Of(edit.mask);
}

/**
 * FLUX Erase's body (`POST /v1/flux-tools/erase-v1`, Flux2EraseInputs, docs.bfl.ml/flux_erase and
 * docs.bfl.ml/api-reference/models/erase-an-object-from-an-image.md): the image and the mask (white, 255, removed;
 * black kept), raw base64 PNGs of one size, the seed and the settings it takes; no prompt at all ("No prompt is
 * needed — the model uses a built-in erase instruction"), no size (the output takes the image's). `dilate_pixels` is
 * left to its default, 10.
 */
function eraseBody(request: ProviderRequest, image: string, mask: string): Record<string, unknown> {
  return {
    image,
    mask,
    seed: request.seed,
    ...wireSettings(bflControls(request.model), request.settings, BFL_WIRE),
  };
}

/**
 * Where a model is submitted under `/v1/`: its id (`/v1/flux-2-pro`), but for the tools BFL serves under
 * `/v1/flux-tools/` (docs.bfl.ml/flux_erase: `POST https://api.bfl.ai/v1/flux-tools/erase-v1`).
 */
const ROUTES: Record<string, string> = { 'flux-erase': 'flux-tools/erase-v1', 'flux-outpainting': OUTPAINTING_ROUTE };
const routeOf = (model: string) => (Object.hasOwn(ROUTES, model) ? ROUTES[model] : model);

/**
 * The body of a model BFL prices by resolution class (FLUX 3 Image), whose schema refuses any field it does not name
 * (422): only `prompt`, `resolution` (the class priced, always sent), `aspect_ratio` (the ratio priced; never its `auto`,
 * the model's own choice of shape), `safety_tolerance` where set, and `images` (the references, raw base64) where any.
 * Never a seed, a size, an output format or `input_image`.
 */
function classBody(
  request: ProviderRequest,
  rule: Extract<PriceRule, { kind: 'tier' }>,
  images: string[],
): Record<string, unknown> {
  const { model, width, height } = request;
  const sizes = prices[model]?.sizes;
  const ratios = sizes?.kind === 'ratios' ? sizes.ratios : [];
  return {
    prompt: request.prompt,
    resolution: request.quality ?? rule.quality,
    aspect_ratio: request.ratio ?? nearestRatio(ratios, width, height),
    ...wireSettings(bflControls(model), request.settings, BFL_WIRE),
    ...(images.length && { images }),
  };
}

/** No task costs more than this many credits (FLUX.2 [max] at 4 MP with 8 references is under 60). */
const MAX_CREDITS = 10_000;

/**
 * What BFL says a task cost (`cost`, in credits: "Cost in credits for this request", AsyncResponse in
 * BFL's OpenAPI schema), as money. BFL's replies carry binary float noise: the recorded [max] task says
 * `7.000000000000001` for 7 (test/recorded/bfl-flux-2-max.json). Every BFL price is a whole number of tenths of a
 * credit (docs.bfl.ai/quick_start/pricing: 1.4, 0.1, 1.5, 0.2 …, and sums of them), and a double's noise is in its
 * 16th digit, so the cost is read to the nearest thousandth of a credit: every real price exactly, the noise gone.
 * Anything else is no charge (undefined): `null` (the schema allows it: FLUX.1 [dev] answers so) is no report, the
 * quote booked and the user told so; a string, NaN, negative or absurd cost is beyond reason (the adapter says so:
 * `disbelieved`), the bound booked as uncertain.
 */
export function chargeOf(cost: unknown): Charge | undefined {
  if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0 || cost > MAX_CREDITS) return undefined;
  const credits = new Decimal(cost).toDecimalPlaces(3);
  return { credits: credits.toString(), usd: credits.times(CREDIT_USD).toString() };
}

/**
 * The words BFL says of a task that ended without an image, besides a moderation (StatusResponse in BFL's OpenAPI
 * schema). Any other word is a task still under way, polled until it ends or the wait runs out: `Pending`, and FLUX 3's
 * `Reasoning` and `Generating` (vercel/ai's BFL provider, "Handle reasoning and generating poll statuses",
 * @ai-sdk/black-forest-labs 2.0.55), or a word BFL adds later: a task abandoned while BFL still makes it is still
 * charged.
 */
const ENDED: readonly string[] = ['Error', 'Task not found'];

/**
 * How long BFL's delivery link of a model's image lasts, where the URL itself does not say: 10 minutes (help.bfl.ai,
 * "Which API endpoint should I use?": "delivery URLs that expire after 10 minutes"), FLUX 3 Image's an hour
 * (docs.bfl.ai/flux_3/flux3_image_generate). On a resume the model is not known: the shorter is said, so that an image
 * is never kept past its link.
 */
const linkLifeMs = (model?: string) => (model === 'flux-3-image' ? 60 : 10) * 60_000;

/** Black Forest Labs (api.bfl.ai and its regional hosts), paid with the user's own key. */
export class BflProvider implements Provider {
  readonly id = 'bfl';
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;
  readonly tracksSpending = true;
  /**
   * BFL debits a task's credits as it accepts it, and says so in the same reply (`cost`, BFL's OpenAPI schema of each
   * submit reply, read 2026-11-28): by the time a lost reply fails here, every send of it BFL took is in /v1/credits.
   * That /v1/credits shows a debit at once is UNVERIFIED: the balance is read until it holds still first
   * (generation/balance-check.ts), and what it books is said with an Undo.
   */
  readonly debitsBeforeReply = true;
  readonly controls = bflControls;
  readonly checkSettings = settingsCheck(bflControls);

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const key = keyOf(context, 'bfl');
        const body = JSON.stringify(bflBody(request));
        // Checked again here: the key must never travel to a host docs/contract.md (Security) does not allow.
        context.onSending?.();
        const reply = await fetchJson(
          routed(`${checkEndpoint(context.endpoint)}/v1/${routeOf(request.model)}`, context.relay),
          {
            method: 'POST',
            headers: { 'x-key': key, 'content-type': 'application/json' },
            body,
          },
          signal,
          key,
        );
        if (typeof reply.id !== 'string') throw new UserPaysError('provider-error', generationText.unreadableReply());
        const task: ProviderTask = { provider: 'bfl', id: reply.id, pollingUrl: reply.polling_url };
        const charge = chargeOf(reply.cost);
        context.onAccepted?.(task, charge);
        context.onBilled?.(); // BFL debits a task's credits when it accepts it, whatever happens after
        const outcome = await this.#finish(task, context, signal, request.prompt, linkLifeMs(request.model));
        // A cost said but beyond reason (a string, negative, absurd) is not the same as none said (`null`).
        const disbelieved = !charge && reply.cost != null ? figureSaid(reply.cost, CREDIT_USD) : undefined;
        return { ...outcome, charge, unreported: !charge && !disbelieved, ...(disbelieved && { disbelieved }) };
      },
      this.id,
    );
  }

  resume(task: ProviderTask, context: RunContext): Promise<ProviderOutcome> {
    return guard(context, (signal) => this.#finish(task, context, signal), this.id);
  }

  /**
   * `GET {endpoint}/v1/credits` with the key → `{ credits }` (BFL's OpenAPI schema, CreditsResponse): 1 credit = $0.01.
   * BFL debits a task's cost from them when it accepts the task (its submit reply says `cost`), so what they fell by
   * is what was spent.
   */
  async balance(context: Parameters<NonNullable<Provider['balance']>>[0]): Promise<KeyBalance | undefined> {
    const url = `${checkEndpoint(context.endpoint)}/v1/credits`;
    const left = await readBalance(
      url,
      { 'x-key': context.apiKey ?? '' },
      context,
      (body) => (inKnownUnit([], body) ? body?.credits : undefined),
      CREDIT_USD,
    );
    return left && { usd: left, spent: left.neg() };
  }

  /**
   * Polls the task until it is Ready, then downloads and measures the image; with the prompt BFL made it from
   * (`result.prompt`) where that is not `sent` (unknown on a resume: whatever BFL says), and, where its link does not
   * say when it ends, `linkMs` from now.
   */
  async #finish(
    task: ProviderTask,
    context: RunContext,
    signal: AbortSignal,
    sent?: string,
    linkMs = linkLifeMs(),
  ): Promise<ProviderOutcome> {
    const { apiKey, onProgress } = context;
    const endpoint = checkEndpoint(context.endpoint);
    const url = checkProviderUrl(task.pollingUrl ?? `${endpoint}/v1/get_result?id=${encodeURIComponent(task.id)}`);
    // get_result needs no key: it goes only to the endpoint's own origin (a user's proxy may want it), never elsewhere.
    const headers: HeadersInit = apiKey && new URL(url).origin === new URL(endpoint).origin ? { 'x-key': apiKey } : {};
    onProgress?.({ status: generationText.queued() });
    /**
     * The wait the last status reply asked for. BFL sends `Retry-After: 0|1` with every Pending reply, alternating in
     * runs of about half a second, and answered the recorded client's ~10 polls a second all the same
     * (test/recorded/bfl-flux-2-{pro,max}.json: 74 and 173 polls, no refusal): a whole-second hint that the
     * widget's own floor of 500 ms between polls already respects. A longer wait on a status reply is honoured, as
     * is any wait on a refusal (429, 5xx: http.ts).
     */
    let wait: number | undefined;
    const result = await pollUntil(
      () => fetchJson(routed(url, context.relay), { headers }, signal, apiKey, (reply) => (wait = retryAfterMs(reply))),
      (
        reply,
      ): {
        done?: { sample?: unknown; seed?: unknown; prompt?: unknown };
        progress?: number | null;
        retryAfterMs?: number;
      } => {
        const { status } = reply;
        // A status is one of BFL's words (StatusResponse in BFL's OpenAPI schema): anything else is a reply this page
        // cannot read, not a task that failed.
        if (typeof status !== 'string') throw new UserPaysError('provider-error', generationText.unreadableReply());
        if (status === 'Ready') return { done: reply.result ?? {} };
        if (!ENDED.includes(status) && !/Moderated/.test(status)) {
          // Pending, or a word for a task under way that BFL says otherwise (FLUX 3's `Reasoning`, `Generating`):
          // polled on until it ends or the wait runs out, never abandoned while BFL may still make it and charge.
          // Real FLUX.2 tasks report `progress: null` on every Pending poll (the 74 and 172 recorded polls of
          // test/recorded/bfl-flux-2-{pro,max}.json): no percentage is shown that BFL did not send. One outside the
          // schema's 0–1 (1e308, -5) is held to it: a percentage is never over 100 or under 0.
          const progress = typeof reply.progress === 'number' ? Math.min(1, Math.max(0, reply.progress)) : undefined;
          onProgress?.(
            progress === undefined
              ? { status: bflText.underWay() }
              : { status: bflText.generatingPercent(Math.round(progress * 100)), progress },
          );
          return { progress, retryAfterMs: wait !== undefined && wait > 1000 ? wait : undefined };
        }
        if (/Moderated/.test(status)) {
          const before = status === 'Request Moderated';
          const said = before ? generationText.promptModerated() : generationText.moderated();
          const error = new UserPaysError('moderated', said, false);
          // Whether BFL returns the credits of a request it refused before generating ('Request Moderated') is not
          // documented: it debited them at acceptance, so it is booked as possibly charged (uncertain), never as
          // nothing (docs/contract.md, Money).
          error.uncertain = before;
          throw error;
        }
        throw new UserPaysError(
          'provider-error',
          status === 'Task not found' ? bflText.taskGone() : generationText.cannotMake(),
        );
      },
      signal,
      context.poll,
    );
    onProgress?.({ status: generationText.downloading(), progress: 1 });
    const image = await downloadImage(result.sample, signal, context);
    if (image.remote) image.remote.expiresAt ??= clock.now() + linkMs;
    const { seed, prompt } = result;
    // The prompt BFL used, where it rewrote the one sent (`prompt_upsampling`: the recorded [pro] task's
    // `result.prompt`, test/recorded/bfl-flux-2-pro.json).
    const revisedPrompt = typeof prompt === 'string' && prompt !== sent ? prompt : undefined;
    return { image: { ...image, seed: typeof seed === 'number' ? seed : undefined, revisedPrompt }, task };
  }
}

/** BFL's adapter, as the registry loads it (registry.ts). */
export const provider = new BflProvider();
