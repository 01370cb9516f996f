/**
 * What OpenRouter says the key itself has spent this UTC day, week and month (`GET {endpoint}/api/v1/key`), read with
 * the key, so that the tally's "Reconcile with my account" can set the ledger beside it (generation/reconcile.ts).
 *
 * Source, read 2026-11-29: OpenRouter's OpenAPI document as its own client ships it (OpenRouterTeam/typescript-sdk
 * @cb9393a, 2026-08-22, `.speakeasy/in.openapi.yaml`, operation `getCurrentKey`): 200 `{data: {usage ("Total
 * OpenRouter credit usage (in USD) for the API key"), usage_daily ("… for the current UTC day"), usage_weekly ("… for
 * the current UTC week (Monday-Sunday)"), usage_monthly ("… for the current UTC month"), byok_usage… (the user's own
 * keys' upstream usage, apart), limit, limit_remaining, …}}`, every one of these required, numbers; 401 `{error:
 * {code, message}}`, 500. `GET /api/v1/credits` (the account's whole usage) answers a management key only ("Management
 * key required", the same document, operation `getCredits`: 403 otherwise): it is not read.
 *
 * UNVERIFIED: how late a charge shows in these figures (OpenRouter caches "user and API key data at the edge",
 * openrouter.ai/docs/features/latency-and-performance): the comparison says a difference may be a charge not shown yet.
 */
import Decimal from 'decimal.js';
import { fetchJson, isHttpError } from '../engine/http.js';
import { routed } from '../engine/provider-urls.js';
import { checkEndpoint } from '../urls.js';
import type { KeyUsage, RecordAccess } from '../provider.js';

/** No key spends more than this in a month through a widget: a larger figure is beyond reason. */
const MAX_USD = 1e6;

/** A figure of the reply as an exact decimal, or undefined where it is no amount. */
function amountOf(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_USD) return undefined;
  // A JSON number's float noise is far below the nanodollar OpenRouter bills in.
  return new Decimal(value).toDecimalPlaces(9).toFixed();
}

/** OpenRouter's figures for the key at `access.endpoint` only (through the relay where there is one); never an error. */
export async function readKeyUsage(access: RecordAccess): Promise<KeyUsage> {
  if (!access.apiKey) return { unread: 'key' };
  try {
    // An endpoint that is not one (checkEndpoint refuses it) is asked nothing, and the key goes nowhere.
    const body = await fetchJson(
      routed(`${checkEndpoint(access.endpoint)}/api/v1/key`, access.relay),
      { method: 'GET', headers: { authorization: `Bearer ${access.apiKey}` } },
      access.signal ?? new AbortController().signal,
      access.apiKey,
    );
    const data = body?.data;
    // A reply in another unit than USD, or without every figure, is not read as dollars.
    if (data?.currency !== undefined && data.currency !== 'USD') return { unread: 'unreadable' };
    const [day, week, month] = [data?.usage_daily, data?.usage_weekly, data?.usage_monthly].map(amountOf);
    if (!day || !week || !month) return { unread: 'unreadable' };
    // A day's usage is part of its week's, and the week's since the 1st part of the month's: anything else is no
    // figure of one key (a week that began last month may hold more than the month).
    if (new Decimal(day).gt(week) || new Decimal(day).gt(month)) return { unread: 'unreadable' };
    return { day, week, month };
  } catch (thrown) {
    const status = isHttpError(thrown) ? thrown.status : undefined;
    return { unread: status === 401 || status === 403 ? 'key' : 'unreadable' };
  }
}
