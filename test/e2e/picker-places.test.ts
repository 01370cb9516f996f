// The model and size pickers come with the widget's panels, after its first paint, into places the first paint keeps
// for them (src/elements/image/form-template.ts, `modelsPlace` and `sizePlace`; the pickers: panels/pickers.ts). Each
// place is as tall as what comes into it, so that nothing under them moves when they come: measured on the built
// files, the panels' chunk held back until the places are measured, for each kind of size rule (pixels, sizes,
// ratios with and without levels, the ratio providers' eleven), families named or not, at 1280, 600, 390 and 280 px.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { builtFiles, builtPage, chunkName } from '../support/built.js';
import { PUTER_SRC, puterEndpoint } from '../support/puter.js';
import { simEndpoint, uniqueStorageKey } from '../support/sim.js';

type HeldWindow = Window & typeof globalThis & { panelsHeld: Promise<void> };

/** Where the shapes and More options (the control after the pickers) begin, from the top of the form. */
function layout(el: UserPaysImage) {
  const root = el.shadowRoot!;
  const form = root.querySelector('form')!.getBoundingClientRect().top;
  const top = (selector: string) => {
    const found = root.querySelector(selector);
    return found ? Math.round(found.getBoundingClientRect().top - form) : undefined;
  };
  return { shapes: top('.shapes, .place + .place'), more: top('[part~=more]') };
}

describe('the pickers come into places as tall as they are (the built files)', function () {
  this.timeout(60_000);
  const cases: Record<string, () => Record<string, string>> = {
    'BFL, FLUX.2 [pro] (sizes in pixels, a typed size)': () => ({ provider: 'bfl', model: 'flux-2-pro' }),
    'BFL, FLUX1.1 [pro] Ultra (ratios)': () => ({ provider: 'bfl', model: 'flux-pro-1.1-ultra' }),
    'BFL, FLUX.1 Kontext [pro] (a ratio the provider makes)': () => ({ provider: 'bfl', model: 'flux-kontext-pro' }),
    'OpenRouter (eleven ratios, sizes in levels)': () => ({
      provider: 'openrouter',
      endpoint: simEndpoint('openrouter'),
    }),
    'OpenAI, GPT Image 1 (three sizes; families loaded first)': () => ({ provider: 'openai', model: 'gpt-image-1' }),
    'Google, Imagen 4 (five ratios)': () => ({ provider: 'google', model: 'imagen-4' }),
    'Puter (the default; other families one step away)': () => ({ endpoint: puterEndpoint(), 'puter-src': PUTER_SRC }),
    'Pollinations (prices read live)': () => ({ provider: 'pollinations', endpoint: simEndpoint('pollinations') }),
  };
  const widths = [1280, 600, 390, 280];

  for (const [name, attributes] of Object.entries(cases))
    for (const width of widths)
      it(`${name}, ${width} px: nothing moves when the pickers come`, async () => {
        const panels = [...(await builtFiles()).keys()].find((url) => chunkName(url) === 'image-panels')!;
        // The panels' chunk, through a module that waits for the test's word before it brings the real one.
        const held = `data:text/javascript,await window.panelsHeld;export * from ${JSON.stringify(`${panels}?held`)};`;
        const { frame, view } = await builtPage({ imports: { [panels]: held } });
        try {
          frame.style.width = `${width}px`;
          frame.style.height = '900px';
          let release!: () => void;
          (view as HeldWindow).panelsHeld = new Promise((resolve) => (release = resolve));
          await view.customElements.whenDefined('userpays-image');
          const el = view.document.createElement('userpays-image') as UserPaysImage;
          for (const [attribute, value] of Object.entries({ 'storage-key': uniqueStorageKey(), ...attributes() }))
            el.setAttribute(attribute, value);
          view.document.body.append(el);
          const root = () => el.shadowRoot!;
          // The first paint, with its places (a provider whose models are all of other families shows them once
          // their prices are here: those load without the panels).
          await waitUntil(() => root().querySelector('.place .card') && el.matches(':state(rendered)'), 'the places');
          await new Promise((resolve) => view.requestAnimationFrame(() => view.requestAnimationFrame(resolve)));
          expect(root().querySelector('[part~=model]'), 'the panels are held back').to.equal(null);
          const before = layout(el);
          release();
          await waitUntil(() => root().querySelector('[part~=model]'), 'the pickers');
          await el.updateComplete;
          const after = layout(el);
          expect(root().querySelector('.place'), 'the places are gone').to.equal(null);
          for (const control of ['shapes', 'more'] as const)
            expect(
              Math.abs(after[control]! - before[control]!),
              `${control}: ${JSON.stringify({ before, after })}`,
            ).to.be.at.most(1);
        } finally {
          frame.remove();
        }
      });
});
