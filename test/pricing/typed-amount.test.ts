import { expect } from '@open-wc/testing';
import { typedAmount, typedForm } from '../../src/pricing/typed-amount.js';

const read = (typed: string, locale?: string) => typedAmount(typed, locale)?.toFixed();

/** Each amount of `table` as typed in its locale, read as the amount beside it (undefined: refused). */
function reads(table: [typed: string, locale: string, amount: string | undefined][]) {
  for (const [typed, locale, amount] of table) expect(read(typed, locale), `${typed} in ${locale}`).to.equal(amount);
}

describe('typedAmount: an amount as a person types it in a locale', () => {
  it('reads the locale’s own decimal mark: "2,50" in German, "2.50" in English; spaces around allowed', () => {
    reads([
      ['2,50', 'de', '2.5'],
      [' 2,5 ', 'de-DE', '2.5'],
      ['2.50', 'en-US', '2.5'],
      ['3', 'de', '3'],
      ['0,007', 'de', '0.007'],
      [',5', 'de', '0.5'],
      ['2.', 'en-US', '2'],
    ]);
  });

  it('refuses the mark the locale groups thousands with, which could be a thousand times off', () => {
    reads([
      ['2.50', 'de', undefined],
      ['1.000', 'de', undefined],
      ['2,50', 'en-US', undefined],
      ['1,000', 'en-US', undefined],
      ['1.000,50', 'de', undefined],
    ]);
  });

  it('takes point and comma both where the locale groups with neither (French: a narrow space)', () => {
    reads([
      ['2,50', 'fr', '2.5'],
      ['2.50', 'fr', '2.5'],
      ['2 500', 'fr', undefined],
    ]);
  });

  it('refuses what is no amount: letters, a sign, a currency, an exponent, two marks, nothing', () => {
    for (const typed of ['abc', '-5', '+5', '$3', '3 $', '1e3', '2,5,0', '2..5', '.', '', '   ', '٣'])
      for (const locale of ['en-US', 'de'])
        expect(read(typed, locale), `${JSON.stringify(typed)} in ${locale}`).to.equal(undefined);
  });

  it('reads every digit exactly, as a Decimal (no binary floating point on the way)', () => {
    expect(read('90071992547409,93', 'de')).to.equal('90071992547409.93');
    expect(read('0,1', 'de')).to.equal('0.1');
  });

  it('writes an amount as it is typed in the locale, and reads it back', () => {
    expect(typedForm('2.5', 'de')).to.equal('2,5');
    expect(typedForm('2.50', 'en-US')).to.equal('2.50');
    expect(typedForm('5', 'de')).to.equal('5');
    for (const locale of ['de', 'en-US', 'fr', 'de-CH', 'ar-EG', undefined])
      expect(read(typedForm('12.75', locale), locale), String(locale)).to.equal('12.75');
  });
});
