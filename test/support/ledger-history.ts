import Decimal from 'decimal.js';
import { clock } from '../../src/base/clock.js';

const MODELS = ['flux-2-klein-4b', 'flux-2-klein-9b', 'flux-2-pro', 'flux-2-flex', 'flux-2-max'];
const PRICES = ['0.014', '0.015', '0.03', '0.05', '0.07'];
const CREDITS = ['1.4', '1.5', '3', '5', '7'];
const DAY = 864e5;

/**
 * A v1 ledger document (the format before compaction: every entry a row `[id, at, provider, model, width,
 * height, quoted, status, settledAt, charged?, credits?, error?]`) of `entries` entries spread evenly over
 * the `days` days before `now`, the newest ten minutes old: mostly charged, every 50th void, every 97th a paid
 * failure. Returns it with the USD it adds up to and the images it counts.
 */
export function v1History(entries = 10_000, days = 90, now = clock.now()) {
  let spent = new Decimal(0);
  let images = 0;
  const rows = Array.from({ length: entries }, (_, i) => {
    const model = i % MODELS.length;
    const at = now - 6e5 - Math.floor(((entries - i) / entries) * days * DAY);
    const row: unknown[] = [
      crypto.randomUUID(),
      at,
      'bfl',
      MODELS[model],
      1024,
      1024,
      PRICES[model],
      1,
      at + 4000,
      PRICES[model],
      CREDITS[model],
    ];
    if (i % 50 === 0) {
      row.length = 9;
      row[7] = 2; // void
      row.push(null, null, 'moderated');
    } else {
      spent = spent.plus(PRICES[model]);
      if (i % 97 === 0) row.push('timeout');
      else images++;
    }
    return row;
  });
  return {
    raw: JSON.stringify({ v: 1, since: now - (days + 1) * DAY, entries: rows }),
    spent: spent.toFixed(),
    images,
  };
}
