import Decimal from 'decimal.js';

/**
 * A charge a provider said beyond reason, as its receipt keeps it (`ProviderOutcome.disbelieved`): a number in USD
 * (`usdPerUnit` each: BFL's credits are a cent), anything else as it was written, cut short.
 */
export function figureSaid(value: unknown, usdPerUnit: Decimal.Value = 1): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? new Decimal(value).times(usdPerUnit).toString()
    : String(JSON.stringify(value)).slice(0, 40);
}
