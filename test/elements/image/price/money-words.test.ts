// What the widget says about money, in words a person can check: why a preview is an estimate, and whether
// reference images add to the price.
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { submissionsOf, uniqueStorageKey } from '../../../support/sim.js';
import { imageWidget, openPriceDetails, priceDetailsText } from '../../../support/widget.js';
import { until } from '../../../support/wait.js';

const widget = (provider: string, model: string) => imageWidget({ provider, model });
const referencesNote = (el: UserPaysImage) => el.shadowRoot!.querySelector('.refs .muted')!.textContent!;

describe('<userpays-image>: money in words', () => {
  it('says in one line why a preview is an estimate, per provider, and nothing where it is exact', async () => {
    expect(await priceDetailsText(await widget('fal', 'flux-2-pro'))).to.contain('fal does not say what it charged');
    expect(await priceDetailsText(await widget('puter', 'flux-2-pro'))).to.contain(
      "An estimate from Puter's price list",
    );
    expect(await priceDetailsText(await widget('bfl', 'flux-2-pro'))).not.to.contain('estimate');
  });

  it('a breakdown adds up to a figure shown: the rounded total beside Generate, and the exact one as its last line', async () => {
    const el = await imageWidget(
      // A gateway the page names, at the price it sets (with no endpoint, the provider is OpenAI's own API).
      { provider: 'openai', model: 'flux-2-klein-9b', locale: 'en-US', endpoint: 'https://gateway.example' },
      {
        priceBook: {
          'flux-2-klein-9b': {
            openai: {
              rule: { kind: 'flat', unit: 'usd', perImage: '0.040' },
              topUpFee: '0.05',
              source: { name: 'A gateway', asOf: '2026-11-01' },
              exact: true,
            },
          },
        },
      },
    );
    await openPriceDetails(el);
    const lines = [...el.shadowRoot!.querySelectorAll('.details-body .lines li')].map((li) =>
      [...li.children].map((cell) => cell.textContent!.trim()),
    );
    expect(lines).to.deep.equal([
      ['Flat price per image', '$0.04'],
      ['Top-up fee (5% of total)', '$0.002106'],
      ['Total', '$0.042106'],
    ]);
    expect(el.shadowRoot!.querySelector('[part~=decision]')!.textContent).to.contain('$0.0421');
  });

  it('says reference images are billed where they are, and included where the price is flat', async () => {
    expect(referencesNote(await widget('bfl', 'flux-2-pro'))).to.contain('billed too');
    const flat = await widget('bfl', 'flux-kontext-pro');
    expect(referencesNote(flat)).to.contain('included in the price');
    expect(referencesNote(flat)).not.to.contain('billed');
  });
});

describe('<userpays-image>: one sentence for each state of a charge', function () {
  this.timeout(20_000);

  it('Cancel while the submit has left and no reply has come: "may have charged", never "nothing more"', async () => {
    const storageKey = uniqueStorageKey();
    const el = await bflWidget({ scenario: 'fault=hang', apiKey: 'sim-key', storageKey });
    const running = el.generate().then(
      () => new Error('generated'),
      (error: Error) => error,
    );
    // The submit is held open at the simulator: it has left, and nothing has answered.
    await until(async () => (await submissionsOf('bfl', storageKey)).length, 15_000, 'the submit at BFL');
    el.cancel();
    const error = await running;
    // BFL's credits, read before the submit and again after the cancel, show nothing: it stays uncertain,
    // and a pasted key's balance is said as a hint only, with why.
    expect(error.message).to.equal(
      'Cancelled after the request left: BFL may have charged $0.014, counted as possibly spent. Your BFL balance shows no charge yet; one can show late.',
    );
    await el.updateComplete;
    expect(el.tally).to.include({ spent: '0', uncertain: '0.014' });
  });
});
