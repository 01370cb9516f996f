// German is bundled as a chunk of its own (src/translations/languages.ts), loaded the first time an element's closest
// `lang` asks for it: an English page, its three elements drawn whole (the panels too), never loads it; a page that
// turns German does, and its elements speak it. On the built files, in a page of their own (an iframe).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { de } from '../../src/translations/de.js';
import { builtFiles, builtPage, partName, partsLoaded } from '../support/built.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { part, words } from '../support/widget.js';

type Built = HTMLElement & { updateComplete: Promise<boolean> };

describe('German, a chunk of its own (the built files)', function () {
  this.timeout(20_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));
  const newStorageKey = storageKeysForgottenAfterEach();

  it('its words are in its part alone (translations/de), not in the entry', async () => {
    const files = [...(await builtFiles())];
    // A sentence of ASCII alone: the test server serves the built files as esbuild writes them (\u00e4 for ä).
    const carriers = files.filter(([, source]) => source.includes(de.widget.promptLabel())).map(([url]) => url);
    expect(carriers.map(partName)).to.deep.equal(['translations/de']);
  });

  it('an English page never loads it; the page turned German does, and its elements speak German', async () => {
    const { frame, view } = await builtPage();
    frames.push(frame);
    await view.customElements.whenDefined('userpays-image');
    const storageKey = newStorageKey();
    const els = ['userpays-image', 'userpays-cost', 'userpays-tally'].map((tag) => {
      const el = view.document.createElement(tag) as Built;
      el.setAttribute('provider', 'bfl');
      el.setAttribute('storage-key', storageKey);
      view.document.body.append(el);
      return el;
    });
    await Promise.all(els.map((el) => el.updateComplete));
    const [image] = els;
    await waitUntil(() => part(image, 'more'), 'the widget’s panels load');
    await Promise.all(els.map((el) => el.updateComplete));
    expect(partsLoaded(view)).to.include('elements/image/panels/index');
    expect(partsLoaded(view)).to.not.include('translations/de');
    const label = () => words(image.shadowRoot!.querySelector('label[for=prompt]'));
    expect(label()).to.equal('Describe the image');

    view.document.documentElement.lang = 'de';
    await waitUntil(() => label() === de.widget.promptLabel(), 'the widget speaks German');
    expect(partsLoaded(view)).to.include('translations/de');
  });
});
