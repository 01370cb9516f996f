// Issue 21, 2: one intent, one submission.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
import { bflWidget } from '../support/bfl-widget.js';
import { submissionsSince, simLog, uniqueStorageKey } from '../support/sim.js';

describe('one intent, one submission (real pointer and keys)', function () {
  this.timeout(20_000);
  afterEach(() => resetMouse());

  it('a double click, a stray click at the same point and Enter on Generate make one BFL task', async () => {
    await setViewport({ width: 1280, height: 800 });
    const run = uniqueStorageKey();
    const el = await bflWidget({
      scenario: new URLSearchParams(location.search).get('s') ?? 'pending=0',
      run,
      prompt: 'a fox',
      apiKey: `sim-${run}`,
    });
    const before = (await simLog()).length;
    el.addEventListener('userpays-submit', () => log.push('SUBMIT'));
    const submit = el.shadowRoot!.querySelector<HTMLElement>('[part=submit]')!;
    submit.scrollIntoView();
    const box = submit.getBoundingClientRect();
    const position: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    const log: string[] = [];
    const note = (e: Event) => log.push(`${e.type} ${(e.composedPath()[0] as HTMLElement).outerHTML?.slice(0, 50)}`);
    for (const type of ['click', 'keydown', 'focusin']) document.addEventListener(type, note, true);
    el.addEventListener('userpays-error', (e) => log.push(`error ${(e as CustomEvent).detail.message}`));
    await sendMouse({ type: 'click', position });
    await sendMouse({ type: 'click', position });
    await new Promise((r) => setTimeout(r, 0));
    log.push('stray');
    await sendMouse({ type: 'click', position });
    await sendKeys({ press: 'Enter' });
    await new Promise((r) => setTimeout(r, 3000));
    console.log(log.join('\n'));
    expect((await submissionsSince(before)).filter((entry) => entry.path.includes(run))).to.have.length(1);
  });
});
