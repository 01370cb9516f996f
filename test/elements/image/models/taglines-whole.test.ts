// Each model's card is two lines: its name, then what it is best for beside its price (one line only where the form
// has a wide one-column widget's whole width). What it is best for is shortened on purpose where it would be cut, and
// wraps once the user has opened the list: here every card of every family stands whole beside the longest price a
// bound gives ("at most $0.0529", "höchstens 0,0529 $", the demo's prompt counted), in English and German, in a 390 px
// phone's widget, a 280 px phone's, and in the column beside the canvas at 1280 px, where one line would cut "Sharp
// text, 4K (Gemini 3 Pro)" to "Sharp text, 4…".
// Holds: src/elements/image/models/model-picker.ts
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import '../../../../src/define.js';
import { PUTER_SRC, puterEndpoint } from '../../../support/puter.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import { imageWidget, panelsLoaded, part } from '../../../support/widget.js';

describe('what each model is best for, whole on its card', function () {
  this.timeout(30_000);

  const accounts: Record<string, () => Record<string, string>> = {
    puter: () => ({ endpoint: puterEndpoint(), 'puter-src': PUTER_SRC }),
    openrouter: () => ({ endpoint: simEndpoint('openrouter') }),
    pollinations: () => ({ endpoint: simEndpoint('pollinations') }),
    google: () => ({ endpoint: simEndpoint('google') }),
  };
  // A 390 px phone's widget, a 280 px phone's, inside the page's margins, and a 1280 px page's (its form beside the
  // canvas).
  for (const width of [366, 256, 1190])
    for (const lang of ['en', 'de'])
      for (const [provider, attributes] of Object.entries(accounts))
        it(`${provider}, ${lang}, ${width} px: no tagline cut`, async () => {
          const el = await imageWidget({
            provider,
            lang,
            style: `width: ${width}px`,
            'storage-key': uniqueStorageKey(),
            prompt: 'A lighthouse on a cliff at dawn, watercolour', // the demo's, which GPT Image 2's bound counts
            ...attributes(),
          });
          await panelsLoaded(el);
          // Every model of every family (Google's three are all shown at once).
          part(el, 'model')!.querySelector<HTMLButtonElement>('button.link[aria-expanded=false]')?.click();
          await waitUntil(
            () => el.shadowRoot!.querySelectorAll('.model-choice').length >= (provider === 'google' ? 3 : 8),
            'every model shown',
          );
          await el.updateComplete;
          const cut = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.model-choice .best')]
            .filter((best) => best.scrollWidth > best.clientWidth + 1)
            .map((best) => `${best.textContent} (${best.scrollWidth} px in ${best.clientWidth} px)`);
          expect(cut).to.deep.equal([]);
        });

  // At 280 px, "Real-time, high volume" may be cut to "Real-time, high vol…", and the pixel line "≈ 1024 × 1024, the
  // provider's pick" too. The cards shown before any click keep to the line the first paint keeps for each, so nothing
  // on them may be cut; then every FLUX model, once the user has opened the list.
  const cutIn = (elements: HTMLElement[]) =>
    elements
      .filter((text) => text.scrollWidth > text.clientWidth + 1)
      .map((text) => `${text.textContent} (${text.scrollWidth} px in ${text.clientWidth} px)`);
  for (const lang of ['en', 'de'])
    for (const provider of ['bfl', 'fal', 'huggingface', 'openrouter'] as const)
      it(`${provider}, ${lang}, a 280 px phone: no FLUX tagline and no pixel line cut`, async () => {
        const el = await imageWidget({
          provider,
          lang,
          style: 'width: 256px', // a 280 px phone's widget, inside the page's margins
          'storage-key': uniqueStorageKey(),
          endpoint: simEndpoint(provider),
        });
        await panelsLoaded(el);
        const flux = () =>
          [...el.shadowRoot!.querySelectorAll<HTMLElement>('.model-choice')].filter((card) =>
            card.querySelector<HTMLInputElement>('input')!.value.startsWith('flux'),
          );
        const taglines = () => flux().map((card) => card.querySelector<HTMLElement>('.best')!);
        const pixels = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.pixels')];
        expect(cutIn([...taglines(), ...pixels])).to.deep.equal([]);
        part(el, 'model')!.querySelector<HTMLButtonElement>('button.link')?.click(); // every FLUX model
        await el.updateComplete;
        if (provider === 'bfl' || provider === 'fal') expect(flux().length).to.be.greaterThan(5);
        expect(cutIn(taglines())).to.deep.equal([]);
      });
});
