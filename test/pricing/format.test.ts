import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { formatUsd, formatUsdLeft, formatUsdRounded } from '../../src/pricing/index.js';

/** Each amount of `table` as `formatUsdRounded` says it in American English: the words beside it. */
function roundedSays(table: [amount: string | Decimal, words: string][]) {
  for (const [amount, words] of table) expect(formatUsdRounded(amount, 'en-US'), String(amount)).to.equal(words);
}

describe('formatUsd', () => {
  it('shows at least cents and every digit the amount has', () => {
    expect(formatUsd('0.015', 'en-US')).to.equal('$0.015');
    expect(formatUsd('0.1', 'en-US')).to.equal('$0.10');
    expect(formatUsd('0', 'en-US')).to.equal('$0.00');
    expect(formatUsd('0.16', 'en-US')).to.equal('$0.16');
    expect(formatUsd('0.075', 'en-US')).to.equal('$0.075');
    expect(formatUsd('12', 'en-US')).to.equal('$12.00');
    expect(formatUsd('1234.5', 'en-US')).to.equal('$1,234.50');
  });

  it('takes a Decimal too', () => {
    expect(formatUsd(new Decimal('0.014'), 'en-US')).to.equal('$0.014');
  });

  it('keeps up to six fraction digits exactly, rounding only beyond', () => {
    expect(formatUsd('0.000001', 'en-US')).to.equal('$0.000001');
    expect(formatUsd('0.0421053', 'en-US')).to.equal('$0.042105');
    // Beyond what a double holds: a Number() on the way would lose the last digits.
    expect(formatUsd('90071992547409.93', 'en-US')).to.equal('$90,071,992,547,409.93');
  });

  it('formats negative differences', () => {
    expect(formatUsd('-0.005', 'en-US')).to.equal('-$0.005');
  });

  it('follows the locale', () => {
    // de-DE puts the symbol after a non-breaking space.
    expect(formatUsd('0.015', 'de-DE')).to.equal('0,015\u00a0$');
    expect(formatUsd('1234.5', 'de-DE')).to.equal('1.234,50\u00a0$');
  });

  it('falls back to the browser locale when the locale is malformed', () => {
    expect(formatUsd('0.1', 'not a locale!')).to.equal(formatUsd('0.1'));
  });
});

describe('formatUsdRounded: money at a glance', () => {
  it('rounds to the cent from $1 up, half up', () => {
    roundedSays([
      ['12.3456', '$12.35'],
      ['1234.5', '$1,234.50'],
      ['1.005', '$1.01'],
      ['0', '$0.00'],
    ]);
  });

  it('keeps three significant digits below $1 (at least cents), so $0.999 left never reads as $1.00', () => {
    roundedSays([
      ['0.999', '$0.999'],
      ['0.651106', '$0.651'],
      ['0.126', '$0.126'],
      ['0.1255', '$0.126'],
      ['0.1', '$0.10'],
      ['0.014', '$0.014'],
      ['0.0421053', '$0.0421'],
      ['0.05', '$0.05'],
      ['0.00123456', '$0.00123'],
      ['0.09996', '$0.10'],
      [new Decimal('0.0421053'), '$0.0421'],
    ]);
  });

  it('follows the locale, and survives a malformed one', () => {
    expect(formatUsdRounded('12.3456', 'de-DE')).to.equal('12,35\u00a0$');
    expect(formatUsdRounded('0.126', 'not a locale!')).to.equal(formatUsdRounded('0.126'));
  });
});

describe('formatUsdLeft: what is left, never more than it is', () => {
  it('rounds down to what matters, so a $2.00 budget or balance with anything taken never reads as untouched', () => {
    const table: [string, string][] = [
      ['1.995', '$1.99'],
      ['1.999999', '$1.99'],
      ['2', '$2.00'],
      ['0.964344', '$0.964'],
      ['0.0999', '$0.0999'],
      ['0.099999', '$0.0999'],
      ['0', '$0.00'],
    ];
    for (const [amount, words] of table) expect(formatUsdLeft(amount, 'en-US'), amount).to.equal(words);
    // Half up said these as untouched.
    expect(formatUsdRounded('1.995', 'en-US')).to.equal('$2.00');
  });
});
