// What a model is best for promises an edit ("Edits your image", "Fast edits…", "Fills a masked area") only where the
// widget can send it an image there: where its provider's edit facts (src/providers/<id>/edit-prices.ts) say it edits.
// Elsewhere it says what the model is for without the promise. Checked on every model each provider sells, in the
// picker (English and German) and in the comparison of every provider the demo simulates; and where the facts say a
// model edits, its editing words are said.
// Holds: src/elements/image/models/models-view.ts
// Holds: src/elements/image/shared/best-for.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import type { ProviderId } from '../../../../src/base/types.js';
import { EDIT_FACTS } from '../../../../src/providers/registry/edit-prices.js';
import { models as english } from '../../../../src/strings/image/models.js';
import { models as german } from '../../../../src/translations/de/image/models.js';
import { demoWidget, forgetDemo, openDemo } from '../../../support/demo.js';
import { PUTER_SRC, puterEndpoint } from '../../../support/puter.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import { imageWidget, openPriceDetails, panelsLoaded, part } from '../../../support/widget.js';

/** Words that promise an edit, in English or German. */
const PROMISES_EDIT = /\bedit|\bfills\b|bearbeit|füllt/i;

/** Whether the widget can send `model` an image at `provider`: its edit facts there name a kind of edit. */
const edits = (provider: string, model: string) => !!EDIT_FACTS[provider as ProviderId]?.[model]?.edits?.length;

/** The picker's cards once every model is shown: each model with what it is best for. */
const cards = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.model-choice')].map((card) => ({
    model: card.querySelector<HTMLInputElement>('input')!.value,
    best: card.querySelector('.best')!.textContent!.trim(),
  }));

describe('what a model is best for promises edits only where it edits', function () {
  this.timeout(60_000);

  const attributes: Record<string, () => Record<string, string>> = {
    puter: () => ({ endpoint: puterEndpoint(), 'puter-src': PUTER_SRC }),
    google: () => ({ endpoint: simEndpoint('google') }),
    fal: () => ({ endpoint: simEndpoint('fal') }),
    openrouter: () => ({ endpoint: simEndpoint('openrouter') }),
    pollinations: () => ({ endpoint: simEndpoint('pollinations') }),
    bfl: () => ({ endpoint: simEndpoint('bfl') }),
    openai: () => ({}),
  };
  for (const lang of ['en', 'de'])
    for (const [provider, more] of Object.entries(attributes))
      it(`${provider}, ${lang}: every model's card`, async () => {
        const el = await imageWidget({ provider, lang, 'storage-key': uniqueStorageKey(), ...more() });
        await panelsLoaded(el);
        part(el, 'model')!.querySelector<HTMLButtonElement>('button.link[aria-expanded=false]')?.click();
        await el.updateComplete;
        const shown = cards(el);
        expect(shown.length).to.be.greaterThan(0);
        const words = lang === 'de' ? german : english;
        const promised = shown.filter(({ best }) => PROMISES_EDIT.test(best)).map(({ model }) => model);
        expect(
          promised.filter((model) => !edits(provider, model)),
          'promises an edit it cannot be sent',
        ).to.deep.equal([]);
        // Where it edits, its editing words are said (none lost with the promise).
        const editing = shown.filter(({ model }) => edits(provider, model) && words.bestForEditing(model));
        for (const { model, best } of editing) expect(best, model).to.equal(words.bestForEditing(model));
      });

  it('Kontext says it edits at Puter, where it does; Gemini 3.1 Flash without the promise where it edits nothing', async () => {
    const puter = await imageWidget({ provider: 'puter', 'storage-key': uniqueStorageKey(), ...attributes.puter() });
    await panelsLoaded(puter);
    part(puter, 'model')!.querySelector<HTMLButtonElement>('button.link[aria-expanded=false]')?.click();
    await waitUntil(() => cards(puter).some(({ model }) => model === 'flux-kontext-pro'), 'Kontext shown');
    expect(cards(puter).find(({ model }) => model === 'flux-kontext-pro')!.best).to.equal('Edits your image');
    expect(edits('openrouter', 'gemini-3.1-flash-image')).to.equal(false);
    expect(english.bestFor('gemini-3.1-flash-image')).to.equal('Fast (Gemini 3.1 Flash)');
  });

  describe('the comparison, every provider the demo simulates', () => {
    afterEach(forgetDemo);

    it('says an edit only on the lines of a model that edits at that line’s provider', async () => {
      const view = await openDemo(1280);
      const widget = await demoWidget(view, 'puter');
      await openPriceDetails(widget);
      const compare = widget.shadowRoot!.querySelector<HTMLDetailsElement>('[part~=compare]')!;
      if (!compare.open) compare.querySelector('summary')!.click();
      const family = await until(() => compare.querySelector<HTMLSelectElement>('select'), 10_000, 'the families');
      family.value = ''; // all of them
      family.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      const rows = () => [...compare.querySelectorAll<HTMLElement>('tr[data-provider]')];
      await until(() => rows().some((row) => row.dataset.provider === 'google'), 10_000, 'every provider compared');
      await widget.updateComplete;
      const lines = rows().map((row) => ({
        provider: row.dataset.provider!,
        model: row.dataset.model!,
        best: row.querySelector('.best:not([id$=-why])')?.textContent?.trim() ?? '',
      }));
      expect(lines.length).to.be.greaterThan(20);
      const false_ = lines.filter(({ provider, model, best }) => PROMISES_EDIT.test(best) && !edits(provider, model));
      expect(false_, 'promises an edit it cannot be sent').to.deep.equal([]);
      expect(
        lines.some(({ provider, model, best }) => edits(provider, model) && PROMISES_EDIT.test(best)),
        'an edit still said where it holds',
      ).to.equal(true);
    });
  });
});
