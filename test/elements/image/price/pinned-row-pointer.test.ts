// A first click on a disclosure partly under the pinned decision row does what it says. Were the focus a press gives
// scrolled clear of the row (PinnedRowController) between the press and the release, the release would fall elsewhere
// and no click would come. What the keyboard focuses is still scrolled clear (test/e2e/pinned-decision.test.ts).
// Holds: src/elements/image/price/panel/pinned-row.ts
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../../src/define.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import { panelsLoaded } from '../../../support/widget.js';

describe('<userpays-image>: a press on what the pinned row half covers', function () {
  this.timeout(20_000);
  afterEach(() => resetMouse());

  it('opens Price details at the first click, its summary partly under the row', async () => {
    await setViewport({ width: 1280, height: 600 });
    const el = await bflWidget({ scenario: '', apiKey: 'sim-key', storageKey: uniqueStorageKey() });
    await panelsLoaded(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const details = root.querySelector<HTMLDetailsElement>('.details')!;
    const summary = details.querySelector('summary')!;
    const row = root.querySelector<HTMLElement>('[part~=decision]')!;
    // The page scrolled so that the row, stuck at the screen's foot, covers all but the top 6 px of the summary.
    const spacer = document.createElement('div');
    spacer.style.height = '2000px';
    document.body.append(spacer);
    for (let step = 0; step < 3; step++) {
      window.scrollBy(0, summary.getBoundingClientRect().top - (row.getBoundingClientRect().top - 6));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const [box, pinned] = [summary.getBoundingClientRect(), row.getBoundingClientRect()];
    expect(box.top, 'the summary starts above the row').to.be.below(pinned.top);
    expect(box.bottom, 'and ends under it').to.be.above(pinned.top);
    await sendMouse({ type: 'click', position: [Math.round(box.left + 20), Math.round((box.top + pinned.top) / 2)] });
    await el.updateComplete;
    expect(details.open, 'open at the first click').to.equal(true);
    spacer.remove();
  });
});
