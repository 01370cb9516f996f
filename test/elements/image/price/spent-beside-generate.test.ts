// The session's spend under Generate, in the pinned row: the tally line is at the foot of the controls, out of view
// after a click at 1280×800 (y 1142) and on a phone (y 1939 of 3404).
import { expect } from '@open-wc/testing';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { panelsLoaded, part, words } from '../../../support/widget.js';

const spent = (el: UserPaysImage) => part(el, 'decision')!.querySelector<HTMLElement>('.spent');

describe('<userpays-image>: what the session spent, under Generate', function () {
  this.timeout(20_000);

  it('says nothing before anything is spent, then "Spent $0.014" under Generate, beside the price', async () => {
    const el = await bflWidget({ apiKey: 'sim-key' });
    await panelsLoaded(el);
    expect(spent(el)).to.equal(null);
    await el.generate();
    await el.updateComplete;
    expect(words(spent(el))).to.equal('Spent $0.014');
    const [brief, submit, cost] = [spent(el)!, part(el, 'submit')!, part(el, 'cost')!].map((node) =>
      node.getBoundingClientRect(),
    );
    expect(brief.top, 'under Generate').to.be.at.least(submit.bottom);
    expect(brief.right, 'aligned with Generate').to.be.closeTo(submit.right, 1);
    expect(brief.top, 'beside the price, not a row of its own').to.be.below(cost.bottom);
    expect(spent(el)!.classList.contains('error')).to.equal(false);
  });

  it('in the danger colour past the budget, as the tally line says it', async () => {
    const el = await bflWidget({ apiKey: 'sim-key' });
    await el.generate();
    el.budget = '0.01';
    await el.updateComplete;
    await el.updateComplete;
    expect(words(part(el, 'tally'))).to.contain('$0.004 over budget');
    expect(words(spent(el))).to.equal('Spent $0.014');
    expect(spent(el)!.classList.contains('error')).to.equal(true);
    expect(getComputedStyle(spent(el)!).color).to.equal(
      getComputedStyle(part(el, 'tally')!.querySelector('.error')!).color,
    );
  });
});
