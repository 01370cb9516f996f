// The generation pipeline (`generation/submit`: the checks, the ledger's entries, the provider calls) is a click's one
// lazy step, on the built files as a static site uses them: a visit that never comes near Generate does not load it;
// the pointer or the focus on Generate loads it ahead of the click, and with it what it shares with the engine.
// Holds: src/lazy/generation.ts
import { expect } from '@open-wc/testing';
import { builtPagesRemovedAfterEach, partsLoaded } from '../support/built.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { sleep, until } from '../support/wait.js';
import { bflWidgetIn, part } from '../support/widget.js';

describe('the generation pipeline loads at Generate (the built files)', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();
  const page = builtPagesRemovedAfterEach();

  it('not with the panels; ahead of the click, once the focus comes to Generate', async () => {
    const view = await page();
    const el = await bflWidgetIn(view, newStorageKey(), 'sim-pipeline-key');
    await until(() => part(el, 'more'), 10_000); // the panels
    await sleep(300);
    expect(partsLoaded(view)).to.not.include('generation/submit');
    part(el, 'submit')!.focus();
    await until(() => partsLoaded(view).includes('generation/submit'), 10_000, 'the pipeline is prefetched');
    expect(partsLoaded(view)).to.include('lazy/engine');
  });

  it('not with the panels; ahead of the click, once the pointer comes over Generate', async () => {
    const view = await page();
    const el = await bflWidgetIn(view, newStorageKey(), 'sim-pipeline-key');
    await until(() => part(el, 'more'), 10_000);
    await sleep(300);
    expect(partsLoaded(view)).to.not.include('generation/submit');
    part(el, 'submit')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await until(() => partsLoaded(view).includes('generation/submit'), 10_000, 'the pipeline is prefetched');
  });
});
