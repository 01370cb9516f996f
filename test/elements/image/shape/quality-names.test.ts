// A quality tier is named alike wherever Nano Banana 2 is sold: Google and OpenRouter send "512" for its smallest
// tier, fal and Puter "0.5K" (each API's own value, sent as it is); the widget would say "0.5K" at Puter beside "512"
// at Google. The radio says "512" everywhere, in English and German; and Puter's "1k" and "2k" (its Seedream and Grok
// tiers) say "1K" and "2K", as Gemini's do.
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import { imageWidget, modelOffered, panelsLoaded, part, radios, words } from '../../../support/widget.js';
import { until } from '../../../support/wait.js';
import { controlledClock } from '../../../support/clock.js';
import { PUTER_SRC, puterEndpoint } from '../../../support/puter.js';

/**
 * The quality tiers `el` shows for `id` once chosen (a model of the other families, which the picker's step loads): each
 * radio's words, and the value it sends.
 */
async function tiersOf(el: UserPaysImage, id: string) {
  await panelsLoaded(el);
  const model = await modelOffered(el, id);
  model.click();
  await el.updateComplete;
  (part(el, 'more') as HTMLDetailsElement).open = true;
  await until(() => part(el, 'quality'), 5_000, 'the quality tiers');
  return {
    labels: radios(el, 'quality').map((radio) => words(radio.closest('label'))),
    values: radios(el, 'quality').map((radio) => radio.value),
  };
}

/** A day Nano Banana 2 was sold, before Google shut it down on 2026-10-29: the page's clock and the simulators'. */
const SOLD = '2026-10-01T12:00:00Z';

describe('the quality tiers of Nano Banana 2, named alike at every provider', function () {
  this.timeout(20_000);
  controlledClock(SOLD);
  for (const provider of ['google', 'fal'] as const)
    for (const lang of ['en', 'de'])
      it(`${provider}, ${lang}: 512, 1K, 2K, 4K`, async () => {
        const el = await imageWidget(
          {
            provider,
            lang,
            endpoint: simEndpoint(provider, `now=${SOLD}`),
            'storage-key': uniqueStorageKey(),
          },
          { apiKey: 'sim-test-key' },
        );
        // fal sells it among its other families, which its step loads.
        const { labels, values } = await tiersOf(el, 'gemini-3.1-flash-image');
        expect(labels).to.deep.equal(['512', '1K', '2K', '4K']);
        expect(values).to.deep.equal(provider === 'fal' ? ['0.5K', '1K', '2K', '4K'] : ['512', '1K', '2K', '4K']);
      });

  for (const lang of ['en', 'de'])
    it(`puter, ${lang}: Grok Imagine's 1k and 2k said as 1K and 2K`, async () => {
      const el = await imageWidget({
        provider: 'puter',
        lang,
        endpoint: puterEndpoint(),
        'puter-src': PUTER_SRC,
        'storage-key': uniqueStorageKey(),
      });
      const { labels, values } = await tiersOf(el, 'grok-imagine');
      expect(labels).to.deep.equal(['1K', '2K']);
      expect(values).to.deep.equal(['1k', '2k']);
    });
});
