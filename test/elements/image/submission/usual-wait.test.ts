// While an image is made, the widget says how long such an image has usually taken in this browser (the median of the
// last waits of the same provider, model and size: src/generation/durations.ts), beside the seconds it counts.
// Holds: src/elements/image/gallery/panel/running.ts
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { part } from '../../../support/widget.js';

const progressText = (el: HTMLElement) => part(el, 'progress')?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<userpays-image>: how long such an image usually takes here', function () {
  this.timeout(20_000);

  it('says nothing of it before such an image was ever made here', async () => {
    const el = await bflWidget({ scenario: 'pending=60000', apiKey: 'sim-test-key' });
    void el.generate().catch(() => {});
    // Past 'Sending': the provider has the task, and the widget what it knows of such waits.
    await waitUntil(() => / · \d+ s/.test(progressText(el)) && !progressText(el).includes('Sending'), 'under way');
    expect(progressText(el)).not.to.contain('usually');
    el.cancel();
  });

  it('says the median of the waits kept for this provider, model and size', async () => {
    const storageKey = uniqueStorageKey();
    localStorage.setItem(
      `${storageKey}:durations`,
      JSON.stringify({
        'wait bfl flux-2-klein-4b 1': [6000, 8400, 7000],
        'wait bfl flux-2-pro 1': [60_000], // another model: not this one's
      }),
    );
    const el = await bflWidget({ storageKey, scenario: 'pending=60000', apiKey: 'sim-test-key' });
    void el.generate().catch(() => {});
    await waitUntil(() => progressText(el).includes('usually'), 'the usual wait');
    expect(progressText(el)).to.match(/ · usually 7 s/);
    el.cancel();
  });

  it('keeps the wait of each image made, and says it the next time', async () => {
    const storageKey = uniqueStorageKey();
    const el = await bflWidget({ storageKey, scenario: 'pending=60', apiKey: 'sim-test-key' });
    await el.generate();
    const kept = JSON.parse(localStorage.getItem(`${storageKey}:durations`) ?? '{}') as Record<string, number[]>;
    expect(kept['wait bfl flux-2-klein-4b 1']).to.have.length(1);
    expect(kept['wait bfl flux-2-klein-4b 1'][0]).to.be.greaterThan(0);
    el.endpoint = el.endpoint.replace('pending=60', 'pending=60000');
    void el.generate().catch(() => {});
    await waitUntil(() => / · \d+ s · usually \d+ s/.test(progressText(el)), 'the usual wait, learned');
    el.cancel();
  });
});
