// Issue 32 (SPEC §2, §11): the model's own settings as the page sets them on the widget (`enhance-prompt`,
// `safety-tolerance`, `output-format`) reach the provider under its own names, where the model takes them; one the
// model takes but not as written is refused in words, and nothing is sent or booked.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { bflWidget } from '../support/bfl-widget.js';
import { submissionsOf, uniqueStorageKey } from '../support/sim.js';
import { rejection } from '../support/failure.js';

/** What BFL's simulator received of the controls in the one submission of `run` (its log's `asked`). */
const asked = async (run: string) => (await submissionsOf('bfl', `run=${run}`))[0]?.asked;

describe('<userpays-image>: the model’s own settings, as the page sets them', function () {
  this.timeout(20_000);

  for (const [attributes, sent] of [
    [
      { model: 'flux-2-pro', 'enhance-prompt': 'off' },
      { prompt_upsampling: false, output_format: 'jpeg' },
    ],
    [
      { model: 'flux-2-pro', 'enhance-prompt': 'on' },
      { prompt_upsampling: true, output_format: 'jpeg' },
    ],
    [{ model: 'flux-2-klein-4b' }, { output_format: 'jpeg' }],
    [
      { model: 'flux-2-klein-4b', 'output-format': 'webp', 'safety-tolerance': '4' },
      { safety_tolerance: 4, output_format: 'webp' },
    ],
  ] as const)
    it(`${JSON.stringify(attributes)} → BFL receives ${JSON.stringify(sent)}`, async () => {
      const run = uniqueStorageKey();
      const el = await bflWidget({ scenario: 'pending=50', run, apiKey: 'sim-settings', attributes });
      await el.generate();
      expect(await asked(run)).to.deep.equal(sent);
    });

  it('a setting the model takes, but not as written, is refused in words before anything is sent or booked', async () => {
    const run = uniqueStorageKey();
    const el = await bflWidget({ run, apiKey: 'sim-settings', attributes: { 'safety-tolerance': '9' } });
    const error = (await rejection(el.generate()))!;
    expect([error.code, error.message]).to.deep.equal([
      'invalid-input',
      "This model's moderation level is a whole number from 0 (strictest) to 5.",
    ]);
    expect(await submissionsOf('bfl', `run=${run}`)).to.deep.equal([]);
    expect(el.tally?.spent ?? '0').to.equal('0');
  });
});
