// Pollinations' other families (SPEC §12), as a user goes, in the demo against Pollinations' simulator: signed in to Pollinations,
// GPT Image 2 asked at 1254×1254 is quoted and shown at the 1024² Pollinations makes, at "at most" (a price in
// tokens), sent at that size and quality, and booked at what the key's budget fell by (the page cannot read
// `x-pollen-cost`).
import { expect } from '@open-wc/testing';
import { LedgerStore } from '../../src/ledger/ledger.js';
import {
  authorize,
  demoForgottenAfterEach,
  demoWidget,
  openDemo,
  signInButton,
  signInPage,
  withPopup,
} from '../support/demo.js';
import { simCharges, simLog } from '../support/sim.js';
import { until } from '../support/wait.js';
import { decision, part, words, panelsLoaded } from '../support/widget.js';

describe('Pollinations’ other families (the demo, its simulator)', function () {
  this.timeout(60_000);
  demoForgottenAfterEach();

  it('gpt-image-2 at 1254×1254: quoted and shown at 1024², sent so, booked from the budget it took', async () => {
    const view = await openDemo(1280);
    const widget = await demoWidget(view, 'pollinations');
    const { button } = await signInButton(view, 'pollinations');
    button.click();
    const leave = await until(() => part(widget, 'grant')?.querySelector<HTMLElement>('button.secondary'));
    const popup = await withPopup(view, () => leave.click());
    await signInPage(() => popup);
    await authorize(() => popup);
    await until(() => words(part(widget, 'account')).startsWith('Signed in with Pollinations'), 8000);

    Object.assign(widget, { model: 'gpt-image-2', width: 1254, height: 1254, prompt: 'a fox at dusk' });
    await until(() => widget.quote?.atMost, 10_000);
    const quote = widget.quote!;
    // 1,756 image tokens at medium (Pollinations' 22.5 pollen per million), the prompt's 4 tokens expected, 13 at most.
    expect(quote).to.include({ total: '0.039525', atMost: '0.03955875', exact: false });
    await panelsLoaded(widget);
    expect(decision(widget).price).to.equal('at most $0.0396');
    expect(decision(widget).buys).to.match(/^about \$0\.0395 · /);
    // The size Pollinations makes is the one shown (the canvas's frame) and said (Price details).
    const frame = widget.shadowRoot!.querySelector('svg.frame')!;
    expect([frame.getAttribute('width'), frame.getAttribute('height')]).to.deep.equal(['1024', '1024']);
    expect(quote.note).to.equal('This provider makes 1:1 at 1024×1024, whatever the size asked.');

    const result = await widget.generate();
    const [sent] = (await simLog('pollinations'))
      .filter((e) => e.path.includes(`/image/${encodeURIComponent('a fox at dusk')}?model=gpt-image-2`))
      .slice(-1);
    const query = new URL(sent.path, location.origin).searchParams;
    expect([query.get('model'), query.get('width'), query.get('height'), query.get('quality')]).to.deep.equal([
      'gpt-image-2',
      '1024',
      '1024',
      'medium',
    ]);
    // The simulator bills Pollinations' usage: its prompt tokens are its own (one per 4 bytes), here 4, as expected.
    const taken = (await simCharges('pollinations', widget.apiKey)).usd;
    expect(taken).to.equal('0.039525');
    expect(result.charged).to.equal(taken);
    expect(result.images[0].receipt).to.include({ basis: 'reported', quoted: '0.039525' });
    expect([result.images[0].width, result.images[0].height]).to.deep.equal([1024, 1024]);
    const [entry] = new LedgerStore({ storageKey: widget.storageKey }).entries();
    expect([entry.status, entry.charged]).to.deep.equal(['charged', taken]);
  });
});
