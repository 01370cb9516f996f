// A calm first screen: a fresh widget greets the visitor with what to do, not with an error. With every
// provider, before anyone has done anything, the form's next step ("Describe the image first", "Not signed in to
// OpenRouter") is a hint in the muted colour, nothing is marked `aria-invalid`, and nothing is in
// the error colour; what cannot be priced, made or paid is still said as an error (part `error`, the error colour).
// And at 280 px (a folded phone), no part of a fresh widget reaches past its edge: each model in two
// lines, the line under the shapes cut short with "…".
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { everyProvider } from '../../support/every-provider.js';
import { simEndpoint } from '../../support/sim.js';
import { waitUntil } from '../../support/wait.js';
import { imageWidget, openPriceDetails, panelsLoaded, part, themeColour } from '../../support/widget.js';

/** The visible elements of the widget that draw text of their own in `colour`, by tag and class. */
function drawnIn(el: UserPaysImage, colour: string) {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter(
      (node) =>
        node.checkVisibility() &&
        [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent!.trim()),
    )
    .filter((node) => getComputedStyle(node).color === colour)
    .map((node) => `${node.localName}.${node.className}: ${node.textContent!.trim().slice(0, 40)}`);
}

/** The visible elements of the widget that draw text of their own under 13 px, by tag, class and size. */
function smallText(el: UserPaysImage) {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter(
      (node) =>
        node.checkVisibility() &&
        [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent!.trim()),
    )
    .filter((node) => parseFloat(getComputedStyle(node).fontSize) < 12.95)
    .map(
      (node) =>
        `${node.localName}.${node.className} ${getComputedStyle(node).fontSize}: ${node.textContent!.trim().slice(0, 30)}`,
    );
}

describe('<userpays-image>: a calm first screen', function () {
  this.timeout(30_000);

  for (const [provider, attributes] of Object.entries(everyProvider))
    it(`${provider}: the next step is a hint; nothing is marked wrong or drawn in the error colour`, async () => {
      const el = await imageWidget(attributes());
      const reason = el.shadowRoot!.querySelector<HTMLElement>('#reason')!;
      expect(reason, 'a fresh widget says its next step').to.not.equal(null);
      expect(getComputedStyle(reason).color).to.equal(themeColour(el, '--_muted'));
      expect(reason.hasAttribute('part'), 'not an error part').to.equal(false);
      expect(
        [...el.shadowRoot!.querySelectorAll('[aria-invalid=true]')].map((node) => node.id || node.localName),
      ).to.deep.equal([]);
      expect(drawnIn(el, themeColour(el, '--_danger'))).to.deep.equal([]);
      // Quiet, never small: no text of the fresh widget under 13 px, its hints and the sign-in's line under it too.
      await panelsLoaded(el);
      expect(smallText(el)).to.deep.equal([]);
    });

  // The small print of a price decision is where it matters most that it can be read: the comparison's heads, its
  // "about" lines and what each model is best for, at full width and at 280 px (two columns, the provider under the
  // model).
  for (const width of ['auto', '248px'])
    it(`with the price details and the comparison open (${width}), no text under 13 px either`, async () => {
      const el = await imageWidget({
        provider: 'bfl',
        endpoint: simEndpoint('bfl'),
        providers: 'puter openai google',
        prompt: 'a fox',
        style: `width: ${width}`,
      });
      await openPriceDetails(el);
      await waitUntil(() => part(el, 'compare'), 'the comparison', { timeout: 10_000 });
      part(el, 'compare')!.querySelector('summary')!.click();
      await waitUntil(() => part(el, 'compare')!.querySelector('.expected'), 'a bound and its expected price', {
        timeout: 10_000,
      });
      expect(smallText(el)).to.deep.equal([]);
    });

  it('what cannot be made is still an error: a size the model refuses, in the error colour, as part error', async () => {
    const el = await imageWidget({ provider: 'bfl', endpoint: simEndpoint('bfl'), prompt: 'a fox', width: 100 });
    const reason = el.shadowRoot!.querySelector<HTMLElement>('#reason')!;
    expect(reason.getAttribute('part')).to.equal('error');
    expect(getComputedStyle(reason).color).to.equal(themeColour(el, '--_danger'));
  });
});

describe('<userpays-image>: on a 280 px screen (248 px wide), nothing reaches past its edge', function () {
  this.timeout(30_000);
  for (const [provider, attributes] of Object.entries(everyProvider))
    it(provider, async () => {
      const el = await imageWidget({ ...attributes(), style: 'width: 248px' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const edge = el.getBoundingClientRect().right;
      const past = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
        .filter((node) => node.checkVisibility() && node.getBoundingClientRect().width > 0)
        .filter((node) => node.getBoundingClientRect().right > edge + 0.5)
        .map((node) => `${node.localName}.${node.className} +${Math.round(node.getBoundingClientRect().right - edge)}`);
      expect(past).to.deep.equal([]);
    });
});
