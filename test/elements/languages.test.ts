// An element speaks the language of its closest `lang` (its own, else an ancestor's, across shadow
// roots, followed as it changes, as native controls do), with German bundled and loaded only when asked for; amounts
// and dates in that language unless `locale` says otherwise; a `strings` property over it, sentence by sentence; and
// what the layers below say (a provider's refusal, a size the model cannot make) said again in the element's words.
// Holds: src/elements/shared/language-controller.ts
// Holds: src/elements/shared/userpays-element.ts
// Holds: src/strings/sentence.ts
// Holds: src/strings/strings.ts
// Holds: src/translations/languages.ts
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { waitUntil } from '../support/wait.js';
import '../../src/define.js';
import type { UserPaysCost } from '../../src/elements/cost/userpays-cost.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import type { UserPaysTally } from '../../src/elements/tally/userpays-tally.js';
import type { ErrorDetail } from '../../src/base/types.js';
import type { Translation } from '../../src/strings/strings.js';
import { widget } from '../../src/strings/image/widget.js';
import { de } from '../../src/translations/de.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { image } from '../support/ledger.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { bflEndpoint } from '../support/sim.js';
import { panelsLoaded, part, words } from '../support/widget.js';

const newStorageKey = storageKeysForgottenAfterEach();

/** What a `<userpays-image>` shows as its prompt's label and on Generate (without its shortcut). */
const form = (el: HTMLElement) => ({
  label: words(el.shadowRoot!.querySelector('label[for=prompt]')),
  generate: words(part(el, 'submit')).replace(/ (Ctrl|Strg)\+↵$/, ''),
});
/** `<userpays-cost>`'s words, as read. */
const costWords = (el: HTMLElement) => words(part(el, 'cost'));

/**
 * The `<userpays-image>` of `template` inside lang="de", a key entered, its update done; and its next `userpays-error`.
 */
async function keyedInGerman(template: TemplateResult) {
  const box = await fixture<HTMLDivElement>(html`<div lang="de">${template}</div>`);
  const el = box.querySelector<UserPaysImage>('userpays-image')!;
  el.apiKey = 'sim-k';
  await el.updateComplete;
  return { el, emitted: oneEvent(el, 'userpays-error') as Promise<CustomEvent<ErrorDetail>> };
}

describe('the elements speak the language of their closest lang', function () {
  this.timeout(20_000);

  it('inside lang="de": <userpays-image> in German, its amounts as German writes them', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <userpays-image provider="bfl" model="flux-2-pro" storage-key=${newStorageKey()}></userpays-image>
      </div>`,
    );
    const el = box.querySelector<UserPaysImage>('userpays-image')!;
    await el.updateComplete;
    expect(form(el)).to.deep.equal({ label: de.widget.promptLabel(), generate: de.widget.generateLabel() });
    expect(el.quote?.total).to.equal('0.03');
    expect(words(part(el, 'cost')!.querySelector('.total strong'))).to.equal('0,03 $');
    expect(words(el.shadowRoot!.querySelector('#reason span'))).to.equal(de.widget.describeFirst());
    await panelsLoaded(el);
    expect(words(part(el, 'more')), 'the panels too').to.contain(de.moreOptions.seedLabel());
  });

  it('inside lang="de": <userpays-cost> and <userpays-tally> in German', async () => {
    const storageKey = newStorageKey();
    const ledger = new LedgerStore({ storageKey });
    ledger.settle(ledger.open({ ...image, quoted: '0.03' }).id, { charged: '0.03' });
    const box = await fixture<HTMLDivElement>(
      html`<div lang="de-DE">
        <userpays-cost provider="bfl" model="flux-2-pro"></userpays-cost>
        <userpays-tally storage-key=${storageKey}></userpays-tally>
      </div>`,
    );
    const cost = box.querySelector<UserPaysCost>('userpays-cost')!;
    const tally = box.querySelector<UserPaysTally>('userpays-tally')!;
    await cost.updateComplete;
    await waitUntil(() => part(tally, 'tally'), 'the tally draws');
    await tally.updateComplete;
    expect(costWords(cost)).to.contain('0,03 $');
    expect(costWords(cost)).to.contain(de.prices.forImages(1));
    expect(words(part(tally, 'tally'))).to.contain('0,03 $ ausgegeben für 1 Bild');
  });

  it('follows an ancestor’s lang as it changes, and across a shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<userpays-image provider="bfl"></userpays-image>';
    const el = shadow.querySelector<UserPaysImage>('userpays-image')!;
    el.storageKey = newStorageKey();
    await el.updateComplete;
    expect(form(el).label).to.equal(widget.promptLabel());
    host.lang = 'de';
    await waitUntil(() => form(el).label === de.widget.promptLabel(), 'German, from the shadow host’s lang');
    host.lang = 'en-GB';
    await waitUntil(() => form(el).label === widget.promptLabel(), 'English again');
  });

  it('moved into a shadow root, it follows a lang that changes there; taken out and put back, it follows again', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div lang="de"><userpays-cost provider="bfl" model="flux-2-pro"></userpays-cost></div>`,
    );
    const el = box.querySelector<UserPaysCost>('userpays-cost')!;
    await el.updateComplete;
    expect(costWords(el)).to.contain(de.prices.forImages(1));
    const host = document.createElement('div');
    box.after(host);
    const inner = Object.assign(document.createElement('p'), { lang: 'en' });
    host.attachShadow({ mode: 'open' }).append(inner);
    inner.append(el);
    await waitUntil(() => costWords(el).includes('for 1 image'), 'English, inside the shadow root');
    inner.lang = 'de';
    await waitUntil(
      () => costWords(el).includes(de.prices.forImages(1)),
      'German: a lang changed inside the shadow root',
    );
    el.remove();
    inner.lang = 'en';
    inner.append(el);
    await waitUntil(() => costWords(el).includes('for 1 image'), 'English, put back');
    inner.lang = 'de';
    await waitUntil(
      () => costWords(el).includes(de.prices.forImages(1)),
      'German again: followed after it was put back',
    );
    host.remove();
  });

  it('its own lang wins over its ancestors’, and locale over the language for amounts', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <userpays-cost lang="en" provider="bfl" model="flux-2-pro"></userpays-cost>
        <userpays-cost locale="en-US" provider="bfl" model="flux-2-pro"></userpays-cost>
      </div>`,
    );
    const [english, germanInDollars] = box.querySelectorAll<UserPaysCost>('userpays-cost');
    await english.updateComplete;
    await germanInDollars.updateComplete;
    expect(costWords(english)).to.contain('for 1 image');
    expect(costWords(germanInDollars)).to.contain(de.prices.forImages(1));
    expect(costWords(germanInDollars)).to.contain('$0.03');
    expect(costWords(germanInDollars)).to.not.contain('0,03');
    english.lang = 'de';
    await waitUntil(() => costWords(english).includes(de.prices.forImages(1)), 'its own lang, changed');
    expect(costWords(english)).to.contain('0,03 $');
  });

  it('a strings property changes the words it gives and leaves the rest, over English and over German', async () => {
    const strings: Translation = { widget: { generateLabel: () => 'Make it', promptLabel: () => 'Your picture' } };
    const box = await fixture<HTMLDivElement>(
      html`<div>
        <userpays-image provider="bfl" storage-key=${newStorageKey()} .strings=${strings}></userpays-image>
        <userpays-image lang="de" provider="bfl" storage-key=${newStorageKey()} .strings=${strings}></userpays-image>
      </div>`,
    );
    const [english, german] = box.querySelectorAll<UserPaysImage>('userpays-image');
    await english.updateComplete;
    await german.updateComplete;
    expect(form(english)).to.deep.equal({ label: 'Your picture', generate: 'Make it' });
    expect(form(german)).to.deep.equal({ label: 'Your picture', generate: 'Make it' });
    expect(words(english.shadowRoot!.querySelector('#reason span'))).to.equal(widget.describeFirst());
    expect(words(german.shadowRoot!.querySelector('#reason span'))).to.equal(de.widget.describeFirst());
    english.strings = null;
    await english.updateComplete;
    expect(form(english)).to.deep.equal({ label: widget.promptLabel(), generate: widget.generateLabel() });
  });

  it('a provider’s refusal, said below the elements, is shown and emitted in German inside lang="de"', async () => {
    const storageKey = newStorageKey();
    const { el, emitted } = await keyedInGerman(html`
      <userpays-image
        provider="bfl"
        model="flux-2-klein-4b"
        storage-key=${storageKey}
        endpoint=${bflEndpoint(`fault=403;deliveryCors=1;run=${storageKey}`)}
        prompt="a fox"
      ></userpays-image>
    `);
    const thrown = await el.generate().then(
      () => undefined,
      (error: Error) => error,
    );
    const { detail } = await emitted;
    await el.updateComplete;
    expect(thrown, 'generate() rejects').to.be.instanceOf(Error);
    expect(detail.message).to.contain(de.generation.keyRejected('bfl'));
    expect(detail.message).to.not.equal(thrown!.message);
    expect(words(el.shadowRoot!.querySelector('#key-error'))).to.contain(de.generation.keyRejected('bfl'));
    el.lang = 'en';
    await el.updateComplete;
    expect(words(el.shadowRoot!.querySelector('#key-error')), 'and again in English').to.contain(thrown!.message);
  });

  it('a size the model cannot make, said by the pricing, in German inside lang="de"', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <userpays-cost provider="bfl" width="1000"></userpays-cost>
      </div>`,
    );
    const el = box.querySelector<UserPaysCost>('userpays-cost')!;
    await el.updateComplete;
    expect(el.quote?.problem).to.equal(de.prices.multipleOf(de.prices.width(), 16, 'FLUX.2 [klein] 4B', 992, 1008));
    expect(words(part(el, 'error'))).to.equal(el.quote!.problem);
  });

  it('an endpoint the page may not use, said by the address checks: userpays-error in German inside lang="de"', async () => {
    const { el, emitted } = await keyedInGerman(html`
      <userpays-image
        provider="bfl"
        storage-key=${newStorageKey()}
        endpoint="http://example.com"
        prompt="a fox"
      ></userpays-image>
    `);
    await el.generate().catch(() => {});
    expect((await emitted).detail.message).to.equal(de.errors.endpointInsecure());
    await el.updateComplete;
    expect(words(part(el, 'error'))).to.contain(de.errors.endpointInsecure());
  });
});

// A `lang` that names a property every object has (`constructor`, `__proto__`, `toString`) is a
// language like any other the widget does not bundle: English, and no error.
describe('a lang named like a property of every object', function () {
  this.timeout(20_000);

  for (const lang of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`lang="${lang}": every element speaks English and nothing throws`, async () => {
      const thrown: unknown[] = [];
      const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
      const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onRejection);
      try {
        const box = await fixture<HTMLDivElement>(
          html`<div lang=${lang}>
            <userpays-image provider="bfl" model="flux-2-pro" storage-key=${newStorageKey()}></userpays-image>
            <userpays-cost provider="bfl" model="flux-2-pro"></userpays-cost>
            <userpays-tally storage-key=${newStorageKey()}></userpays-tally>
          </div>`,
        );
        const el = box.querySelector<UserPaysImage>('userpays-image')!;
        const cost = box.querySelector<UserPaysCost>('userpays-cost')!;
        const tally = box.querySelector<UserPaysTally>('userpays-tally')!;
        await Promise.all([el.updateComplete, cost.updateComplete, tally.updateComplete]);
        await new Promise((resolve) => setTimeout(resolve, 50)); // a bundle's load, had one been asked for
        await Promise.all([el.updateComplete, cost.updateComplete, tally.updateComplete]);
        expect(form(el)).to.deep.equal({ label: widget.promptLabel(), generate: widget.generateLabel() });
        expect(costWords(cost)).to.contain('$0.03');
        expect(words(tally.shadowRoot!.firstElementChild)).to.not.equal('');
        expect(thrown).to.deep.equal([]);
      } finally {
        removeEventListener('error', onError);
        removeEventListener('unhandledrejection', onRejection);
      }
    });
  }
});
