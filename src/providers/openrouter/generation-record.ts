/**
 * OpenRouter's own record of one generation, read by its id with the key after the fact (`GET
 * {endpoint}/api/v1/generation?id=…`): what OpenRouter charged for it, so that a charge the ledger holds uncertain
 * can be settled from it (generation/record-settlement.ts).
 *
 * Sources, read 2026-11-29: OpenRouter's OpenAPI document as its own client ships it (OpenRouterTeam/typescript-sdk
 * @cb9393a, 2026-08-22, `.speakeasy/in.openapi.yaml`, operation `getGeneration`; src/funcs/generationsGetGeneration.ts):
 * `id` a required query parameter; 200 `{data: {id, total_cost: number ("Total cost of the generation in USD",
 * required), is_byok: boolean, upstream_inference_cost: number | null ("Cost charged by the upstream provider"),
 * cancelled, api_type, …}}`; errors 401, 402, 404 ("Not Found - Generation not found" in OpenRouter's docs, llms-full
 * 2025-11-08), 429, 500, 502, 524, 529, each `{error: {code, message}}`. The id is the `id` of a chat completion's
 * reply ("Note the `id` field in the response", OpenRouter's docs, "Usage Accounting", the same copy); the image
 * API's reply carries none (its schema there has no `id`, and the recorded reply
 * test/recorded/openrouter/images_generate_qwen-image-3_1K.json has none).
 *
 * UNVERIFIED: when a record appears. Third-party clients say "a few seconds after the request finishes" (the OCaml
 * `openrouter_api` 0.1.0 docs) and wait before asking (Cline's 500 ms); no source of OpenRouter's says. A 404 is
 * therefore "not found yet", never "not charged": the entry stays uncertain and may be asked again later. What a
 * BYOK record's `total_cost` holds beside `upstream_inference_cost` is not said either: such a record settles nothing.
 */
import Decimal from 'decimal.js';
import { fetchJson, isHttpError } from '../engine/http.js';
import { routed } from '../engine/provider-urls.js';
import { checkEndpoint } from '../urls.js';
import type { GenerationRecord, RecordAccess } from '../provider.js';

/** No image costs more than this (as adapter.ts holds a reply's `usage.cost`): a larger figure is beyond reason. */
const MAX_USD = 100;

/** What the record's `data` says was charged, or why it settles nothing. */
function chargedOf(data: any, id: string): GenerationRecord {
  // A record of another generation than the one asked for is no record of it.
  if (data?.id !== id) return { unread: 'unreadable' };
  if (data.is_byok === true) return { unread: 'byok' };
  const cost = data.total_cost;
  if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0 || cost > MAX_USD) return { unread: 'unreadable' };
  // A JSON number's float noise is far below the nanodollar OpenRouter bills in.
  const usd = new Decimal(cost).toDecimalPlaces(9);
  return usd.isZero() ? { void: true } : { charged: usd.toString() };
}

/**
 * OpenRouter's record of the generation `id`, read with the key at `endpoint` only (through the relay where there is
 * one); never an error: offline, refused or beyond reason, it says why it settles nothing.
 */
export async function readGenerationRecord(id: string, access: RecordAccess): Promise<GenerationRecord> {
  if (!id || !access.apiKey) return { unread: 'missing' };
  try {
    // An endpoint that is not one (checkEndpoint refuses it) is asked nothing, and the key goes nowhere.
    const url = `${checkEndpoint(access.endpoint)}/api/v1/generation?${new URLSearchParams({ id })}`;
    const body = await fetchJson(
      routed(url, access.relay),
      { method: 'GET', headers: { authorization: `Bearer ${access.apiKey}` } },
      access.signal ?? new AbortController().signal,
      access.apiKey,
    );
    return chargedOf(body?.data, id);
  } catch (thrown) {
    const status = isHttpError(thrown) ? thrown.status : undefined;
    if (status === 404) return { unread: 'missing' };
    if (status === 401 || status === 403) return { unread: 'key' };
    return { unread: 'unreadable' };
  }
}
