// Two real api.bfl.ai tasks (FLUX.2 [pro] and [max], 256×256, seed 42), replayed through the whole widget: the
// recorded submit reply, every recorded poll (progress null throughout, Retry-After 0 or 1, the polling host
// another than the API's), and the delivered JPEG, from test/recorded/ (test/support/replay-server.mjs). The
// widget must make the image, show it and save it (through the site's relay: BFL's delivery host answers no CORS),
// book exactly what BFL said it cost, and show no progress BFL did not report.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserPaysImage } from '../../src/elements/image/userpays-image.js';
import { ImageStore } from '../../src/images/image-store.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import type { ProgressDetail } from '../../src/base/types.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { controlledClock } from '../support/clock.js';
import { relayUrl } from '../support/relay.js';
import { unique } from '../support/sim.js';
import { failure } from '../support/failure.js';
import { recorded } from '../support/recorded.js';

interface Recording {
  model: string;
  submit: { request: { prompt: string; width: number; height: number; seed: number }; body: string };
  polls: { code: number; retryAfter: string; body: string }[];
  delivery: { base64: string; md5: string };
}
interface ReplayEntry {
  method: string;
  path: string;
  host: string;
  hasKey: boolean;
  at: number;
  retryAfter?: string;
}

const replayLog = async (run: string): Promise<ReplayEntry[]> =>
  ((await (await fetch('/replay/_log')).json()) as ReplayEntry[]).filter((entry) => entry.path.includes(run));

/** A widget at the replay of `task`, its key entered: `size` and `relay` as the test asks. */
async function replayed(task: string, storageKey: string, size: number, relay = '') {
  const run = unique('replay');
  const el = await fixture<UserPaysImage>(html`
    <userpays-image
      provider="bfl"
      model=${task}
      locale="en-US"
      width=${size}
      height=${size}
      seed="42"
      storage-key=${storageKey}
      endpoint=${`${location.origin}/replay/bfl/${task}/${run}`}
      relay=${relay}
      prompt="A doodle of a shiba inu eating a pink ice-cream cone"
    ></userpays-image>
  `);
  el.apiKey = 'bfl-replay-key';
  return { el, run };
}

describe('real BFL tasks, replayed through the widget', function () {
  this.timeout(30_000);
  controlledClock();
  const storageKey = storageKeysForgottenAfterEach();

  for (const [task, charged, credits] of [
    ['flux-2-pro', '0.03', '3'],
    ['flux-2-max', '0.07', '7'],
  ] as const) {
    it(`${task}: shown and saved, ${charged} booked as BFL reported it, no progress BFL did not send`, async () => {
      const recording = await recorded<Recording>(`bfl-${task}.json`);
      const { width, height, seed } = recording.submit.request;
      expect([width, height, seed]).to.deep.equal([256, 256, 42]);
      const key = storageKey();
      const { el, run } = await replayed(task, key, width, await relayUrl());
      const progress: ProgressDetail[] = [];
      el.addEventListener('userpays-progress', (event) => progress.push(event.detail));

      const result = await el.generate();
      // The image: made, shown and saved, the very bytes BFL delivered.
      expect(result.images).to.have.length(1);
      expect(result.images[0]).to.include({ saved: true, width, height });
      const [stored] = await new ImageStore({ storageKey: key }).list();
      const bytes = new Uint8Array(await stored.blob!.arrayBuffer());

      // The prompt BFL made it from: rewritten (`prompt_upsampling` is on by default), as the recorded Ready reply's
      // `result.prompt` says, in the result and saved with the image.
      const ready = JSON.parse(recording.polls.at(-1)!.body);
      expect(ready.status).to.equal('Ready');
      expect(ready.result.prompt).to.not.equal(recording.submit.request.prompt);
      expect(result.images[0].revisedPrompt).to.equal(ready.result.prompt);
      expect(stored.revisedPrompt).to.equal(ready.result.prompt);
      expect(stored.prompt).to.equal('A doodle of a shiba inu eating a pink ice-cream cone');
      const want = Uint8Array.from(atob(recording.delivery.base64), (c) => c.charCodeAt(0));
      expect(bytes.length).to.equal(want.length);
      expect(bytes.every((byte, i) => byte === want[i])).to.equal(true);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~=image] img, img[part~=image]'), 'shown').to.exist;
      // And shown with it: what BFL made it from; Reuse offers it too.
      const shown = el.shadowRoot!.querySelector('[part~=result]')!;
      expect(shown.textContent!.replace(/\s+/g, ' ')).to.contain(`BFL made this from: ${ready.result.prompt}`);
      expect(shown.querySelector('[data-action=reuse-revised]')!.textContent!.trim()).to.equal("Reuse BFL's prompt");

      // The money: BFL's own `cost` (recorded as 3.0 and as 7.000000000000001 credits), exactly.
      expect(JSON.parse(recording.submit.body).cost).to.be.closeTo(Number(credits), 1e-9);
      expect(result.charged).to.equal(charged);
      expect(result.quote.total).to.equal(charged);
      const [entry] = new LedgerStore({ storageKey: key }).entries();
      expect(entry).to.include({ status: 'charged', charged, credits });
      expect(el.tally).to.include({ spent: charged, images: 1 });

      // Progress: BFL reported none (null on every recorded Pending poll): no number but the download's 1, no
      // percentage in words.
      expect(progress.length).to.be.greaterThan(1);
      expect(progress.filter((p) => p.progress !== undefined && p.progress !== 1)).to.deep.equal([]);
      expect(progress.filter((p) => /%/.test(p.status))).to.deep.equal([]);
      expect(progress.some((p) => p.status === 'Under way at BFL (it does not say how far along)')).to.equal(true);

      // The wire: the key only to the API host, polls on the recorded polling host (remapped to the other loopback
      // name), at most two a second: the recorded Retry-After 0|1 is a hint BFL did not hold its recorded client to
      // (~10 polls a second, all answered), and the widget's 500 ms floor respects it (providers/bfl/adapter.ts).
      const log = await replayLog(run);
      // The credits read before it.
      const [submit] = log.filter((e) => e.method === 'POST');
      const polls = log.filter((e) => e.path.includes('/get_result'));
      expect(submit).to.include({ method: 'POST', host: location.host, hasKey: true });
      expect(polls.length).to.be.greaterThan(0);
      for (const poll of polls) expect(poll, poll.path).to.include({ hasKey: false });
      expect(new Set(polls.map((p) => p.host)).has(location.host), 'polled on the other host').to.equal(false);
      polls.forEach((poll, i) => i && expect(poll.at - polls[i - 1].at, `poll ${i}`).to.be.at.least(490));
    });
  }

  it('without a relay, shows the image from its link (not saved), books it, and says so', async () => {
    const { el } = await replayed('flux-2-pro', storageKey(), 256);
    const result = await el.generate();
    expect(result.images[0]).to.include({ saved: false, width: 256, height: 256 });
    expect(result.images[0].url).to.match(/\/replay\/bfl-delivery\/flux-2-pro\/results\//);
    expect(result.charged).to.equal('0.03');
  });

  it('answers only the recorded request: another size is refused, and nothing is booked', async () => {
    const { el } = await replayed('flux-2-pro', storageKey(), 512);
    const error = await failure(el.generate());
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.contain('width 256');
    expect(el.tally).to.include({ spent: '0' });
  });
});
