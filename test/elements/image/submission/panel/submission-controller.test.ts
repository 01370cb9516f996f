// SubmissionController, modelled on @lit/task: its status as one submission runs and ends, with what the widget draws in
// each (the progress, the result, the error), a second click joining the one in flight, and Cancel aborting that one
// run's own signal. Its work (the task) is this test's: each run ends when the test says, with no provider and no timer.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { UserPaysError } from '../../../../../src/base/errors.js';
import type { GenerationResult } from '../../../../../src/base/types.js';
import type { Submitted } from '../../../../../src/generation/submit.js';
import {
  SubmissionController,
  SubmissionStatus,
  type SubmissionRun,
} from '../../../../../src/elements/image/submission/panel/submission-controller.js';

/** One run of the task as the controller began it, and how the test ends it. */
interface Begun {
  /** What the task was given to work on: the host's `standing` as it was at the call, or what the call gave. */
  args: string;
  run: SubmissionRun;
  resolve(submitted: Submitted): void;
  reject(error: unknown): void;
}

class SubmissionHost extends LitElement {
  readonly runs: Begun[] = [];
  /** What the controller reads as its args, as `<userpays-image>` reads its fields at the click. */
  standing = 'as at first';
  readonly submission = new SubmissionController(
    this,
    (args: string, run) => new Promise<Submitted>((resolve, reject) => this.runs.push({ args, run, resolve, reject })),
    () => this.standing,
    { translation: undefined, locale: undefined },
  );
}
customElements.define('submission-controller-host', SubmissionHost);

/** A run that was to fail resolved: never a value the test looks at. */
const notExpected = (): UserPaysError => {
  throw new Error('expected the submission to fail');
};

const result = { charged: '0.014', images: [] } as unknown as GenerationResult;

/** Every event of `types` the host fires, by name, in order. */
function eventsOf(host: HTMLElement, ...types: string[]) {
  const fired: string[] = [];
  for (const type of types) host.addEventListener(type, () => fired.push(type));
  return fired;
}

/** What the widget draws of the submission in each status, as a word (with what it draws): its `render()`. */
const drawn = (submission: SubmissionController<string>) =>
  submission.render({
    initial: () => 'idle',
    pending: (progress) => `pending ${progress?.status ?? ''}`.trim(),
    complete: (value) => `complete ${value.charged}`,
    error: (error) => `error ${error.code}`,
  });

describe('SubmissionController', () => {
  let host: SubmissionHost;
  beforeEach(async () => {
    host = await fixture<SubmissionHost>(html`<submission-controller-host></submission-controller-host>`);
  });

  it('idle → preparing → generating → complete, what it draws in each; the events in order', async () => {
    const { submission } = host;
    const fired = eventsOf(host, 'userpays-submit', 'userpays-progress', 'userpays-result', 'userpays-error');
    expect([submission.status, drawn(submission)]).to.deep.equal([SubmissionStatus.INITIAL, 'idle']);
    const generating = submission.run();
    expect([submission.status, submission.pending, drawn(submission)]).to.deep.equal([
      SubmissionStatus.PREPARING,
      true,
      'pending',
    ]);
    const [{ run, resolve }] = host.runs;
    expect(run.onSubmit({ quote: {}, request: {} } as never)).to.equal(true);
    void run.onStage({ stage: 'started' });
    expect(submission.status).to.equal(SubmissionStatus.GENERATING);
    void run.onStage({ stage: 'progress', detail: { status: { text: 'Generating' }, elapsedMs: 10 } });
    expect(drawn(submission)).to.equal('pending Generating');
    resolve({ result });
    expect(await generating).to.equal(result);
    expect([submission.status, submission.pending, drawn(submission)]).to.deep.equal([
      SubmissionStatus.COMPLETE,
      false,
      'complete 0.014',
    ]);
    expect(submission.value, 'its result kept').to.equal(result);
    expect(submission.progress).to.equal(undefined);
    expect(fired).to.deep.equal(['userpays-submit', 'userpays-progress', 'userpays-result']);
  });

  it('an error: shown and fired, status ERROR, drawn; dismissed, idle again', async () => {
    const { submission } = host;
    const fired = eventsOf(host, 'userpays-error');
    const generating = submission.run().then(notExpected, (error: UserPaysError) => error);
    host.runs[0].reject(new UserPaysError('provider-error', 'The provider failed.'));
    expect((await generating).code).to.equal('provider-error');
    expect([submission.status, drawn(submission)]).to.deep.equal([SubmissionStatus.ERROR, 'error provider-error']);
    expect(fired).to.deep.equal(['userpays-error']);
    submission.dismissError();
    expect([submission.status, submission.error]).to.deep.equal([SubmissionStatus.INITIAL, undefined]);
  });

  it('a second click while one is in flight joins it: one run, one promise', async () => {
    const { submission } = host;
    const first = submission.run();
    void host.runs[0].run.onStage({ stage: 'started' });
    const second = submission.run();
    expect(second).to.equal(first);
    expect(host.runs).to.have.length(1);
    host.runs[0].resolve({ result });
    expect(await second).to.equal(result);
    // Once it is over, the next click is a submission of its own.
    const third = submission.run();
    expect(third).not.to.equal(first);
    expect(host.runs).to.have.length(2);
    host.runs[1].resolve({ result });
    await third;
  });

  it('works on its args as they stand at the call, or on those the call gives (a click before it was made)', async () => {
    const { submission } = host;
    const first = submission.run();
    host.standing = 'changed after the click';
    expect(host.runs[0].args).to.equal('as at first');
    host.runs[0].resolve({ result });
    await first;
    const given = submission.run('as at an earlier click');
    expect(host.runs[1].args).to.equal('as at an earlier click');
    host.runs[1].resolve({ result });
    await given;
  });

  it('Cancel aborts the one run’s own signal; the next run has a signal of its own', async () => {
    const { submission } = host;
    const first = submission.run().then(notExpected, (error: UserPaysError) => error);
    const { signal } = host.runs[0].run;
    expect(signal.aborted).to.equal(false);
    submission.requestCancel(); // nothing billed yet: stopped at once
    expect(signal.aborted).to.equal(true);
    host.runs[0].reject(new UserPaysError('cancelled', 'Generation cancelled.'));
    expect((await first).code).to.equal('cancelled');
    void submission.run().catch(() => {});
    expect(host.runs[1].run.signal).not.to.equal(signal);
    expect(host.runs[1].run.signal.aborted).to.equal(false);
    host.runs[1].reject(new UserPaysError('cancelled', 'Generation cancelled.'));
  });

  it('billed: Cancel asks first; stop waiting frees the widget for a new run, the paid one still ends in its result', async () => {
    const { submission } = host;
    const fired = eventsOf(host, 'userpays-result');
    const paid = submission.run();
    const [first] = host.runs;
    void first.run.onStage({ stage: 'started' });
    void first.run.onStage({ stage: 'accepted', charge: { usd: '0.014', credits: '1.4' } });
    expect(submission.billed).to.equal('0.014');
    submission.requestCancel();
    expect([submission.confirmingCancel, first.run.signal.aborted]).to.deep.equal([true, false]);
    submission.stopWaiting('bfl');
    expect([submission.status, drawn(submission)]).to.deep.equal([SubmissionStatus.INITIAL, 'idle']);
    // Still being made, paid: said until it lands.
    expect(submission.finishing).to.deep.equal([{ provider: 'bfl', billed: '0.014' }]);
    const next = submission.run();
    expect(next).not.to.equal(paid);
    expect(submission.status).to.equal(SubmissionStatus.PREPARING);
    first.resolve({ result }); // the paid image lands; the widget still shows the new run
    expect(await paid).to.equal(result);
    await Promise.resolve();
    expect(submission.finishing).to.deep.equal([]);
    expect(fired).to.deep.equal(['userpays-result']);
    expect(submission.status).to.equal(SubmissionStatus.PREPARING);
    host.runs[1].resolve({ result });
    await next;
  });

  it('the page’s veto: nothing said to the user, the widget idle again', async () => {
    const { submission } = host;
    const fired = eventsOf(host, 'userpays-error');
    host.addEventListener('userpays-submit', (event) => event.preventDefault());
    const generating = submission.run().then(notExpected, (error: UserPaysError) => error);
    expect(host.runs[0].run.onSubmit({ quote: {}, request: {} } as never)).to.equal(false);
    host.runs[0].reject(new UserPaysError('cancelled', 'The page stopped this submission before it was sent.', false));
    expect((await generating).code).to.equal('cancelled');
    expect([submission.status, submission.error, fired]).to.deep.equal([SubmissionStatus.INITIAL, undefined, []]);
  });
});
