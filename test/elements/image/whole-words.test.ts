// Whole words: at the narrowest widget of two columns (360 px: a phone) and on a folded phone (280 px:
// the widget 248 px wide), in English and
// in German, with every provider, a fresh widget cuts no words short by accident. A line is either whole, or
// shortened on purpose: cut with "…" and its whole text in its `title`, for a pointer to read (the line under the
// shapes; a model's name on a card under 360 px). The examples to start from are short names of whole prompts (their
// `title` the prompt a click puts in), the sign-in's and the key field's words wrap in the room kept for them.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { everyProvider } from '../../support/every-provider.js';
import { uniqueStorageKey } from '../../support/sim.js';
import { panelsLoaded } from '../../support/widget.js';
import { de } from '../../../src/translations/de.js';

/** The visible elements whose own text is cut (wider than their box), by tag, class and text, but those cut on purpose. */
function cutShort(el: UserPaysImage) {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter(
      (node) =>
        node.checkVisibility() &&
        node.getBoundingClientRect().width > 1 && // not a live region kept out of sight
        [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent!.trim()) &&
        node.scrollWidth > node.clientWidth + 1,
    )
    .filter((node) => node.title.replace(/\s+/g, ' ').trim() !== node.textContent!.replace(/\s+/g, ' ').trim())
    .map((node) => `${node.localName}.${node.className}: ${node.textContent!.replace(/\s+/g, ' ').trim()}`);
}

describe('<userpays-image>: no words cut short by accident', function () {
  this.timeout(30_000);
  for (const language of ['en', 'de'])
    for (const width of [360, 248])
      for (const [provider, attributes] of Object.entries(everyProvider))
        it(`${language}, ${width} px wide: ${provider}`, async () => {
          const box = await fixture<HTMLDivElement>(html`<div lang=${language} style="width: ${width}px"></div>`);
          const el = document.createElement('userpays-image') as UserPaysImage;
          for (const [name, value] of Object.entries({ ...attributes(), 'storage-key': uniqueStorageKey() }))
            el.setAttribute(name, value);
          box.append(el);
          await el.updateComplete;
          await panelsLoaded(el);
          if (language === 'de') expect(el.shadowRoot!.textContent).to.contain(de.widget.generateLabel());
          await new Promise((resolve) => requestAnimationFrame(resolve));
          expect(cutShort(el)).to.deep.equal([]);
        });
});
