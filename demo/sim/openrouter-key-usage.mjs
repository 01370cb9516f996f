// What OpenRouter says a key spent, by period, as the simulator serves it at GET /sim/openrouter/api/v1/key
// (openrouter.mjs mounts it): `usage` (all time), `usage_daily` ("the current UTC day"), `usage_weekly` ("the current
// UTC week (Monday-Sunday)"), `usage_monthly` ("the current UTC month"), every one required, in USD (OpenRouter's
// OpenAPI document as OpenRouterTeam/typescript-sdk@cb9393a ships it, 2026-08-22, `.speakeasy/in.openapi.yaml`,
// operation `getCurrentKey`; read 2026-11-29). No reply of OpenRouter's to /key is recorded.
//   The simulator's own debits count in every period: it runs for a test or a demo, not across a day's end (when a
//   debit shows: `usagelag=` in openrouter.mjs).
//   POST /sim/openrouter/_spend?key=<key>&usd=<usd>&in=day|week|month|earlier  a test plants spend made with the key
//        elsewhere (another site, an app): `day` counts in the day, week, month and all time; `week` earlier this week
//        (week, month, all time); `month` earlier this month (month, all time); `earlier` before this month (all time).
//        It counts against the key's limit as any spend does.
//   Scenario usage=down: /key answers 500 in OpenRouter's shape.
import { parseDecimal, send } from './http.mjs';

const error = (code, message) => ({ error: { code, message } });

/** Which of a key's figures spend planted `in` a period counts in. */
const COUNTS_IN = {
  day: ['day', 'week', 'month', 'total'],
  week: ['week', 'month', 'total'],
  month: ['month', 'total'],
  earlier: ['total'],
};

/** A key's spend made elsewhere, nano-dollars, by the figure it counts in. */
export const noSpendElsewhere = () => ({ day: 0, week: 0, month: 0, total: 0 });

/** `/key`'s usage figures, USD, of what the key shows spent here (`shown`, nano-dollars) and spent `elsewhere`. */
export function usageFigures(shown, elsewhere) {
  const usd = (figure) => (shown + elsewhere[figure]) / 1e9;
  return { usage: usd('total'), usage_daily: usd('day'), usage_weekly: usd('week'), usage_monthly: usd('month') };
}

/** `POST /_spend?key=&usd=&in=`: spend a test plants as made elsewhere with `key` (its account from `accountOf`). */
export function plantSpend(req, res, url, accountOf) {
  const key = url.searchParams.get('key');
  const units = parseDecimal(url.searchParams.get('usd') ?? '', 9);
  const figures = COUNTS_IN[url.searchParams.get('in') ?? 'day'];
  if (!key || !units || units < 0 || !figures)
    return send(req, res, 400, error(400, 'key, usd and in=day|week|month|earlier required.'));
  const account = accountOf(key);
  for (const figure of figures) account.elsewhere[figure] += units;
  account.used += units; // its credits and its limit pay for it as for any spend
  send(req, res, 200, { ok: true });
}
