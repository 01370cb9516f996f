/**
 * What the Puter user signed in on this page has spent on this site this month, for the tally's "Reconcile with my
 * account" (docs/ledger.md, "Reconcile"): Puter's own figure for the app it made for the site, read through the SDK
 * the page already has (the image widget's), never loading it, never signing anyone in.
 */
import Decimal from 'decimal.js';
import { isRecord } from '../../base/checks.js';
import type { SiteUsage } from '../provider.js';

/** Puter's metering counts microcents: $1 = 10⁸ (toMicroCents, src/backend/services/metering/utils.ts at 8307e8c). */
const MICROCENTS_PER_USD = 1e8;

/** A month's total as Puter sends it: microcents, a finite number not below 0. */
const amount = (value: unknown): Decimal | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? new Decimal(value) : undefined;

/**
 * This site's app's total this month, microcents, from `/metering/usage`'s `appTotals`; undefined where the reply does
 * not say it. Read 2026-11-29 (HeyPuter/puter@8307e8c src/backend/services/metering/MeteringService.ts,
 * getActorCurrentMonthUsageDetails, and its test "filters appTotals by actor.app.uid and rolls others into
 * 'others'"): every charge is added to the month's total of the app it was made as (`actor.app.uid`; a website's
 * sign-in makes its token an app's, the app Puter made for the site's origin), the month `YYYY-MM` of the UTC clock
 * (`monthYearString`); an app's token reads its own app's totals, absent where it spent nothing, and every other app's
 * summed under `others`, always present; no app at all where nothing was spent this month (`{}`). A reply listing apps
 * without `others` answers a token that is no app's (a user's own, filed under `os-global`): it says nothing of this site.
 * `appId`: the app the SDK read from the token (`puter.appID`, its `app_uid` claim), where it did: the reply's own app
 * must be that one.
 */
function siteTotal(appTotals: unknown, appId: unknown): Decimal | undefined {
  if (!isRecord(appTotals)) return undefined;
  const apps = Object.keys(appTotals);
  if (!apps.length) return new Decimal(0);
  if (!apps.includes('others')) return undefined;
  const own = apps.filter((app) => app !== 'others');
  if (own.length > 1 || (typeof appId === 'string' && appId && own.length && own[0] !== appId)) return undefined;
  if (!own.length) return new Decimal(0);
  const totals = appTotals[own[0]];
  return isRecord(totals) ? amount(totals.total) : undefined;
}

/**
 * What the Puter user signed in on this page (its SDK, `window.puter`, pointed at `endpoint`) spent on this site this
 * UTC month, USD to the microcent: `signed-out` where the page has no SDK, none signed in, or the SDK serves another
 * Puter (the tally never points the widget's SDK elsewhere); `credits` where the deployment counts in credits
 * (`allowanceInfo.unit`: account.ts, readUsage), whose worth this does not guess.
 */
export async function puterSiteUsage(endpoint: string): Promise<SiteUsage> {
  const puter = (globalThis as { puter?: any }).puter;
  const at = String(puter?.APIOrigin ?? '').replace(/\/+$/, '');
  if (!puter?.auth?.isSignedIn?.() || at !== endpoint) return { unread: 'signed-out' };
  try {
    const { appTotals, allowanceInfo } = await puter.auth.getMonthlyUsage();
    if (allowanceInfo?.unit === 'credits') return { unread: 'credits' };
    if (!isRecord(allowanceInfo) || allowanceInfo.unit !== undefined) return { unread: 'unreadable' };
    const total = siteTotal(appTotals, puter.appID);
    return total ? { month: total.div(MICROCENTS_PER_USD).toDecimalPlaces(8).toFixed() } : { unread: 'no-site' };
  } catch {
    return { unread: 'unreadable' }; // offline, or the session just ended
  }
}
