import { isRecord } from '../../base/checks.js';
import { clock } from '../../base/clock.js';
import { UserPaysError } from '../../base/errors.js';
import {
  MAX_IMAGE_BYTES,
  base64Image,
  fetchJson,
  guard,
  measured,
  startOneCall,
  type HttpError,
} from '../engine/http.js';
import { routed } from '../engine/provider-urls.js';
import { chargeOfTokens, tokensSaid } from '../engine/token-charge.js';
import { checkEndpoint } from '../urls.js';
import type { Charge, Conversation, Provider, ProviderOutcome, ProviderRequest, RunContext } from '../provider.js';
import type { TokenRates } from '../../pricing/index.js';
import { generationText } from '../../strings/generation.js';
import { sayer } from '../../strings/strings.js';
import { googleWords } from './words.js';
import { info } from './info.js';
import { conversationOf, replyImages, turnsOf, wireTurn, type ReplyImage } from './turns.js';

const text = sayer('google', googleWords);

/**
 * AI Studio's usage page ("Dashboard > Usage": ai.google.dev/gemini-api/docs/billing), where a key's quota, its tier
 * and its billing are: linked from the quota error (its 429). Here, with the adapter, not in `info.ts` (as a short
 * balance's `fundsUrl`), which loads with the first price: only this error links to it.
 */
const USAGE_URL = 'https://aistudio.google.com/usage';

/**
 * Google's refusal `body` where it says the key's quota is used up (`RESOURCE_EXHAUSTED`, "You exceeded your current
 * quota…", as the Gemini API answers: ai.google.dev/gemini-api/docs/rate-limits), with the wait its `RetryInfo`
 * detail asks ("21s": google.rpc's error model, AIP-193), in whole seconds, where it gives one; else undefined.
 * `daily`: a violation of its `QuotaFailure` detail is of a quota per day (its `quotaId` or `quotaMetric` says
 * "PerDay": `GenerateRequestsPerDayPerProjectPerModel-FreeTier`, as replies quoted in googleapis/python-genai#2044
 * name it, beside the per-minute ones), which no wait of seconds lifts: a day's quota resets at midnight Pacific time
 * (the rate-limits page), though the reply's `RetryInfo` asks for seconds all the same (47 s, in that reply).
 */
function quotaRefusal(body: unknown): { waitSeconds?: number; daily: boolean } | undefined {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error?.status !== 'RESOURCE_EXHAUSTED' || !/quota/i.test(String(error.message))) return undefined;
  const details = Array.isArray(error.details) ? error.details : [];
  const retry = details.find((detail) => isRecord(detail) && String(detail['@type']).endsWith('google.rpc.RetryInfo'));
  const seconds = Number.parseFloat(String(retry?.retryDelay ?? ''));
  const daily = details.some(
    (detail) =>
      isRecord(detail) &&
      String(detail['@type']).endsWith('google.rpc.QuotaFailure') &&
      Array.isArray(detail.violations) &&
      detail.violations.some(
        (violation) => isRecord(violation) && /PerDay/i.test(`${violation.quotaId} ${violation.quotaMetric}`),
      ),
  );
  return { waitSeconds: seconds > 0 && Number.isFinite(seconds) ? Math.ceil(seconds) : undefined, daily };
}

/** Of `details` (`[{modality, tokenCount}]`), the tokens of `modality`; 0 where none is listed, `NaN` where unreadable. */
function modality(details: unknown, name: string): number {
  if (details === undefined) return 0;
  if (!Array.isArray(details)) return NaN;
  return details.reduce(
    (sum: number, detail) => (isRecord(detail) && detail.modality === name ? sum + tokensSaid(detail.tokenCount) : sum),
    0,
  );
}

/**
 * What a Gemini image cost, from the reply's `usageMetadata` (Google's API reference, `GenerateContentResponse`
 * `UsageMetadata`; vercel/ai@ed857f5 packages/google/src/convert-google-usage.ts): `promptTokenCount` (its IMAGE part
 * in `promptTokensDetails` at the image-in rate, the rest text), `candidatesTokenCount` (its IMAGE part in
 * `candidatesTokensDetails` at the image-out rate, the rest text out) and `thoughtsTokenCount` (thinking, apart from
 * the candidates, at the text-out rate), each × its rate per million, exactly. None where the reply has no usage, or one
 * that is not whole numbers of tokens, its parts within its totals (read strictly, as every reported amount): the bound
 * is booked then.
 */
export function chargeOfUsageMetadata(usage: unknown, rates: TokenRates): Charge | undefined {
  if (!isRecord(usage)) return undefined;
  const prompt = tokensSaid(usage.promptTokenCount);
  const candidates = tokensSaid(usage.candidatesTokenCount ?? 0);
  const thoughts = tokensSaid(usage.thoughtsTokenCount ?? 0);
  const imageIn = modality(usage.promptTokensDetails, 'IMAGE');
  const imageOut = modality(usage.candidatesTokensDetails, 'IMAGE');
  const textOut = candidates - imageOut + thoughts;
  return chargeOfTokens({ textIn: prompt - imageIn, imageIn, imageOut, textOut }, rates);
}

/** The type of an image of a reply, as it says it where it is one a browser shows; else PNG, Google's. */
const typeOf = (image: Record<string, any>) =>
  typeof image.mimeType === 'string' && /^image\/(png|jpeg|webp)$/.test(image.mimeType) ? image.mimeType : 'image/png';

/** How far ahead a retirement Google announces in its reply is said to the user. */
const WARN_MS = 30 * 86_400_000;

/**
 * The day Google says in the reply that it retires the model (`modelStatus.retirementTime`, with `modelStage`
 * DEPRECATED, LEGACY or any other: googleapis/js-genai `GenerateContentResponse.modelStatus`), where it is within a
 * month of now; undefined where the reply says none, or a time that is no date.
 */
export function retiringDay(status: unknown, now = clock.now()): string | undefined {
  if (!isRecord(status) || typeof status.retirementTime !== 'string') return undefined;
  const at = Date.parse(status.retirementTime);
  return Number.isFinite(at) && at - now <= WARN_MS ? new Date(at).toISOString().slice(0, 10) : undefined;
}

/**
 * The thinking level sent to each Gemini image model that takes one: its lowest, so that what it thinks (billed at the
 * text-out rate) is as little as the model allows. Nano Banana 2 (3.1 Flash Image) takes `minimal` and `high`,
 * `minimal` its default (modelstream.ai's and myrouter.ai's Nano Banana 2 references, restating Google's image
 * generation guide); Nano Banana 2.1 `minimal`, `medium` (its default) and `high` (docs.laozhang.ai, third-party code,
 * as ../shared catalog §3 records it: unverified, so `minimal`, the one both sources name). Nano Banana Pro thinks
 * always, "enabled by default and cannot be disabled in the API" (Google's image generation guide, as
 * help.apiyi.com quotes it), and no source names a level or a budget for 3.1 Flash Lite: neither is sent a
 * `thinkingConfig`, which Google may refuse. A level is no cap in tokens (`thinkingBudget`, the one that counts them,
 * is Gemini 2.5's: js-genai `ThinkingConfig`; and it was not held to on gemini-3-pro-preview,
 * googleapis/python-genai#1795): the quote's `atMost` keeps its stated ceiling of thinking and text
 * (model-facts.ts `gemini()`).
 */
const THINKING_LEVEL: Readonly<Record<string, string>> = {
  'gemini-3.1-flash-image': 'MINIMAL',
  'gemini-nano-banana-2.1': 'MINIMAL',
};

/** Why a reply holds no image, where Google says it was its safety filters (`finishReason`, `blockReason`). */
const SAFETY = /SAFETY|PROHIBITED|BLOCKLIST|SPII/;

/**
 * What is sent to ask `model` for one image: Imagen's `predict` instance (Google's Imagen guide: one image, at its
 * ratio; Imagen takes no seed from the API key path), else Gemini's `generateContent` asking for an image only, its
 * turns (`turns`: the earlier ones of a conversation it goes on with, then the user's, the instruction beside each image
 * it sends as `inlineData`, turns.ts).
 */
function requestBody(request: ProviderRequest, model: string, turns?: ReturnType<typeof turnsOf>) {
  if (!turns) {
    return { instances: [{ prompt: request.prompt }], parameters: { sampleCount: 1, aspectRatio: request.ratio } };
  }
  return {
    contents: [...turns.earlier, turns.asked].map(wireTurn),
    generationConfig: {
      responseModalities: ['IMAGE'],
      // One answer, not several billed at once (Google's API reference, `GenerationConfig.candidateCount`:
      // unset, it is 1; sent, so that it is never another's choice). It caps the answers, not the images one
      // answer carries: those are each kept (below).
      candidateCount: 1,
      // The ratio and the tier priced, always: a missing tier is Google's choice and its price.
      imageConfig: { aspectRatio: request.ratio, imageSize: request.quality },
      ...(Object.hasOwn(THINKING_LEVEL, model) && {
        thinkingConfig: { thinkingLevel: THINKING_LEVEL[model] },
      }),
      seed: request.seed,
    },
  };
}

/**
 * The error to throw for a call Google refused (`error`, with `refusal`, the body it refused with), saying what
 * Google said: a key it does not know, or a quota used up; else as it is.
 */
function refusedCall(error: HttpError, refusal: unknown): UserPaysError {
  // Google answers a key it does not know with a 400 (`API_KEY_INVALID`), not a 401.
  if (/API_KEY_INVALID|API key not valid/.test(JSON.stringify(refusal ?? ''))) {
    const rejected = new UserPaysError('auth-failed', generationText.keyRejected(), false);
    rejected.answered = true;
    return rejected;
  }
  // Its 429 says a quota, per minute or per day by the key's plan, not a moment's crowd: "wait 1 s" would send
  // the user round again and again (its rate-limits page; the wait, where it gives one, in `RetryInfo`). A day's
  // quota is said as one, with no wait of seconds, which would not lift it. Either way, the error links to the
  // key's usage and billing in AI Studio, where its plan is raised.
  const quota = error.status === 429 ? quotaRefusal(refusal) : undefined;
  if (quota?.daily) {
    error.say(text.dailyQuotaUsed());
    error.retryable = false; // not today: Try again would be refused again, and say so again
  } else if (quota) {
    if (quota.waitSeconds) error.retryAfterMs = quota.waitSeconds * 1000;
    error.say(text.quotaUsed(error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : undefined));
  }
  if (quota) error.billingUrl = USAGE_URL;
  // A later turn of a conversation whose earlier image came without its signature (Google's 400, "Image part is
  // missing a thought_signature…"): said as what it is, and how to go on, rather than in Google's words alone.
  if (error.status === 400 && /thought_signature|thought signature/i.test(JSON.stringify(refusal ?? '')))
    error.say(text.conversationRefused());
  return error;
}

/**
 * Every image of the reply: one prompt may make several, each billed in its usage (Google: output images "limited to
 * 32,768 output tokens"), and none billed is dropped. Imagen's first prediction, where it made one.
 */
function imagesOf(reply: any, imagen: boolean): ReplyImage[] {
  if (imagen) return (reply.predictions?.slice(0, 1) ?? []).map((inlineData: Record<string, any>) => ({ inlineData }));
  return replyImages(reply);
}

/**
 * The reply's other images (`more`), paid for with the first: each one a browser can read, kept with it and with the
 * conversation it goes on (`keeps`, by its own signature).
 */
async function otherImages(more: ReplyImage[], keeps: (signature?: string) => Conversation | undefined) {
  const others = await Promise.all(
    more.map(async ({ inlineData: other, signature }) => {
      if (other.data.length > (MAX_IMAGE_BYTES * 4) / 3) return undefined;
      try {
        const image = await measured(base64Image(other.data, typeOf(other)), undefined);
        const conversation = keeps(signature);
        return conversation ? { ...image, conversation } : image;
      } catch {
        return undefined; // one no browser reads is no image to show
      }
    }),
  );
  return others.filter((other) => other !== undefined);
}

/**
 * Google's Gemini API with the user's own AI Studio key (README.md): Gemini image models by `generateContent`, Imagen 4
 * by `predict`, one synchronous call per image asked, the image as base64 in the reply (a Gemini reply may carry more,
 * each billed: all are returned). The key goes in the
 * `x-goog-api-key` header, only to the endpoint, never in the address. A Gemini image is booked at its
 * `usageMetadata` × the price book's rates; Imagen's flat price is the quote.
 */
export class GoogleProvider implements Provider {
  readonly id = 'google';
  readonly defaultEndpoint = info.defaultEndpoint();
  readonly needsKey = true;

  generate(request: ProviderRequest, context: RunContext): Promise<ProviderOutcome> {
    return guard(
      context,
      async (signal) => {
        const { model = request.model, rates } = request.wiring ?? {};
        const imagen = model.startsWith('imagen-');
        // Gemini takes the images sent as `inlineData` (turns.ts); Imagen's `predict` takes none.
        const key = startOneCall(imagen ? request : {}, context, 'google');
        // The endpoint as Google's SDKs take it, with or without its version (`…/v1beta`).
        const base = checkEndpoint(context.endpoint).replace(/\/v1beta$/, '');
        const url = `${base}/v1beta/models/${encodeURIComponent(model)}:${imagen ? 'predict' : 'generateContent'}`;
        const turns = imagen ? undefined : turnsOf(request);
        const body = requestBody(request, model, turns);
        let refusal: unknown;
        const reply = await fetchJson(
          routed(url, context.relay),
          {
            method: 'POST',
            headers: { 'x-goog-api-key': key, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
          signal,
          key,
          undefined,
          (refused) => (refusal = refused),
        ).catch((error: HttpError) => {
          throw refusedCall(error, refusal);
        });
        const charge = !imagen && rates ? chargeOfUsageMetadata(reply.usageMetadata, rates) : undefined;
        // What Google reports it billed, booked whatever happens to the image now.
        context.onAccepted?.({ provider: 'google', id: '' }, charge);
        const [first, ...more] = imagesOf(reply, imagen);
        const found = first?.inlineData ?? {};
        const data = imagen ? found.bytesBase64Encoded : found.data;
        if (typeof data !== 'string') {
          // Imagen leaves out an image its filters took (its reply `{}`), Gemini says why in `finishReason` or
          // `promptFeedback.blockReason`. Gemini's usage says what that cost (its prompt's tokens); no source says
          // whether Imagen bills an image it filtered: booked as uncertain.
          const why = JSON.stringify([reply.promptFeedback, reply.candidates?.[0]?.finishReason]);
          const error =
            (imagen && !reply.predictions?.length) || SAFETY.test(why)
              ? new UserPaysError('moderated', generationText.moderated(), false)
              : new UserPaysError('provider-error', generationText.unreadableReply());
          error.billed = !!charge; // else accepted with no charge said: booked as uncertain (book-failure.ts)
          throw error;
        }
        context.onBilled?.(); // Google made the image: it bills it, whatever happens to it now
        context.onProgress?.({ status: generationText.downloading(), progress: 1 });
        if (data.length > (MAX_IMAGE_BYTES * 4) / 3) {
          throw new UserPaysError('provider-error', generationText.imageTooLarge());
        }
        const made = await measured(base64Image(data, typeOf(found)), context.onBytes);
        // Each image Nano Banana makes keeps the turns that made it and its signature: an edit of it goes on from there.
        const keeps = (said?: string) => turns && conversationOf(request, turns, said);
        const conversation = keeps(first?.signature);
        const moreImages = await otherImages(more, keeps);
        const retiring = retiringDay(reply.modelStatus);
        return {
          image: conversation ? { ...made, conversation } : made,
          ...(moreImages.length > 0 && { moreImages }),
          task: { provider: 'google', id: '' },
          ...(charge && { charge }),
          ...(retiring && { retiring }),
        };
      },
      this.id,
    );
  }
}

/** Google's adapter, as the registry loads it (registry.ts). */
export const provider = new GoogleProvider();
