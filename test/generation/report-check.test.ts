// What a provider reports an image cost is believed only within reason (src/generation/report-check.ts): an amount of
// at least nothing, not nothing for an image with a price, and within what the path's own rule allows this request.
import { expect } from '@open-wc/testing';
import { TOKENS_MOST, checkReport, reportCeiling } from '../../src/generation/report-check.js';

/** GPT Image 2's rates, USD per million tokens (OpenAI's pricing page, as the price book has them). */
const GPT_RATES = { textIn: '5', imageIn: '8', imageOut: '30' };
const tokenRequest = { rates: GPT_RATES, prompt: 'a fox', inputs: 0, most: '0.0423' };
const perImage = { prompt: 'a fox', inputs: 0, most: '0.04' };

describe('a reported charge, checked', () => {
  it('believes a charge within the ceiling, and one above the quote but within it', () => {
    expect(checkReport({ usd: '0.04224' }, tokenRequest)).to.deep.equal({ charge: { usd: '0.04224' } });
    expect(checkReport({ usd: '0.5' }, tokenRequest)).to.deep.equal({ charge: { usd: '0.5' } });
    expect(checkReport({ usd: '0.04' }, perImage)).to.deep.equal({ charge: { usd: '0.04' } });
  });

  it('takes no report as no report', () => {
    expect(checkReport(undefined, tokenRequest)).to.deep.equal({});
  });

  it("does not believe 2^53−1 tokens' worth, nothing for an image with a price, or a negative amount", () => {
    const huge = String(Number.MAX_SAFE_INTEGER * 30);
    expect(checkReport({ usd: '270215977642.229730' }, tokenRequest)).to.deep.equal({
      disbelieved: '270215977642.22973',
    });
    expect(checkReport({ usd: huge }, perImage).disbelieved).to.be.a('string');
    expect(checkReport({ usd: '0' }, tokenRequest)).to.deep.equal({ disbelieved: '0' });
    expect(checkReport({ usd: '-0.04' }, perImage)).to.deep.equal({ disbelieved: '-0.04' });
    expect(checkReport({ usd: 'NaN' }, perImage)).to.deep.equal({ disbelieved: 'NaN' });
    expect(checkReport({ usd: 'a lot' }, perImage)).to.deep.equal({ disbelieved: 'a lot' });
  });

  it('believes nothing where the image was priced at nothing (a page that sells it free)', () => {
    expect(checkReport({ usd: '0' }, { ...perImage, most: '0' })).to.deep.equal({ charge: { usd: '0' } });
  });

  it('a token path: the prompt at a token a byte, each input and the output at the most a call is billed', () => {
    // $5 × (5 + 1,024) + $30 × 32,768, per million.
    expect(reportCeiling(tokenRequest).toString()).to.equal('0.988185');
    // An input image at the dearer of the input rates, as many tokens at most.
    expect(
      reportCeiling({ ...tokenRequest, inputs: 1 })
        .minus(reportCeiling(tokenRequest))
        .toString(),
    ).to.equal(String((8 * TOKENS_MOST) / 1e6));
  });

  it('a path priced per image: ten times its most, and never under $10 (a page may price it at nothing)', () => {
    expect(reportCeiling({ ...perImage, most: '4' }).toString()).to.equal('40');
    expect(reportCeiling(perImage).toString()).to.equal('10');
    expect(checkReport({ usd: '3999999.96' }, perImage)).to.deep.equal({ disbelieved: '3999999.96' });
    expect(checkReport({ usd: '10.01' }, perImage)).to.deep.equal({ disbelieved: '10.01' });
  });
});
