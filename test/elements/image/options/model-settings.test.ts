// SPEC §2, §11: the model's own settings as the page sets them on the widget (`enhance-prompt`,
// `safety-tolerance`, `output-format`) reach the provider under its own names, where the model takes them; one the
// model takes but not as written is refused in words, and nothing is sent or booked. More options shows them, and
// the settings without an attribute ([flex]'s steps and guidance, Ultra's raw and reference strength), as the user
// sets them there.
// Holds: src/elements/image/options/panel/controls/
// Holds: src/providers/engine/controls.ts
// Holds: src/providers/bfl/controls.ts
// Holds: src/providers/fal/controls.ts
// Holds: src/providers/model-settings.ts
// Holds: src/elements/image/options/panel/options-feature.ts
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { bflWidget } from '../../../support/bfl-widget.js';
import { blocked, imageWidget, panelsLoaded, part, words } from '../../../support/widget.js';
import { sleep, until } from '../../../support/wait.js';
import { simEndpoint, simLogOf, submissionsOf, uniqueStorageKey } from '../../../support/sim.js';
import { rejection } from '../../../support/failure.js';

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

describe('<userpays-image>: the model’s own controls, in More options', function () {
  this.timeout(20_000);

  /** The widget at BFL with `model`, its panels and the model's controls drawn, More options open. */
  async function withControls(run: string, model: string) {
    const el = await bflWidget({ scenario: 'pending=50', run, apiKey: 'sim-settings', attributes: { model } });
    await panelsLoaded(el);
    (part(el, 'more') as HTMLDetailsElement).open = true;
    await until(() => el.shadowRoot!.querySelector('.model-controls'));
    return el;
  }
  const control = (el: HTMLElement, name: string) =>
    el.shadowRoot!.querySelector<HTMLInputElement & HTMLSelectElement>(`[name=${name}]`)!;
  /** Changes a control as the user does: its value (or checkbox), then its input and change events. */
  async function choose(el: UserPaysImage, name: string, value: string | boolean) {
    const input = control(el, name);
    if (typeof value === 'boolean') input.checked = value;
    else input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  }
  /** Changes each control named, in turn, as the user does (`choose`). */
  async function chooseEach(el: UserPaysImage, values: Record<string, string | boolean>) {
    for (const [name, value] of Object.entries(values)) await choose(el, name, value);
  }

  it('FLUX.2 [pro]: the rewriting is on, as BFL’s default, and saying so; switched off, BFL receives prompt_upsampling false', async () => {
    const run = uniqueStorageKey();
    const el = await withControls(run, 'flux-2-pro');
    const rewriting = control(el, 'enhancePrompt');
    expect(rewriting.checked).to.equal(true);
    expect(words(rewriting.closest('label'))).to.equal('Let BFL rewrite my prompt first (its default)');
    expect(words(rewriting.closest('.enhance'))).to.contain('the same seed may not make it again');
    await choose(el, 'enhancePrompt', false);
    expect(el.enhancePrompt).to.equal('off');
    expect(words(rewriting.closest('.enhance'))).to.contain('the same seed makes the same image again');
    await el.generate();
    expect(await asked(run)).to.deep.equal({ prompt_upsampling: false, output_format: 'jpeg' });
  });

  it('FLUX.2 [flex]: moderation (with BFL’s note that a moderated result is paid), format, steps and guidance reach BFL as chosen', async () => {
    const run = uniqueStorageKey();
    const el = await withControls(run, 'flux-2-flex');
    const controls = el.shadowRoot!.querySelector('.model-controls')!;
    expect(words(controls)).to.contain('BFL charges for an image its moderation withholds.');
    expect([...control(el, 'safetyTolerance').options].map((option) => words(option))).to.deep.equal([
      '0',
      '1',
      '2 (default)',
      '3',
      '4',
      '5',
    ]);
    expect(control(el, 'steps').placeholder).to.equal('50');
    // The range each takes is in its label, before anything is typed.
    expect(words(control(el, 'steps').closest('label')!)).to.equal('Steps (1–50)');
    expect(words(control(el, 'guidance').closest('label')!)).to.equal('Guidance (1.5–10)');
    await chooseEach(el, { safetyTolerance: '4', outputFormat: 'png', steps: '20', guidance: '3.5' });
    expect([el.safetyTolerance, el.outputFormat]).to.deep.equal([4, 'png']);
    await el.generate();
    expect(await asked(run)).to.deep.equal({
      safety_tolerance: 4,
      output_format: 'png',
      steps: 20,
      guidance: 3.5,
    });
  });

  // Vary is "same prompt and settings, a new seed": not the form's settings as they have become since.
  it('FLUX.2 [flex]: Vary sends the settings its image was made with, and puts them back in the form', async () => {
    const run = uniqueStorageKey();
    const el = await withControls(run, 'flux-2-flex');
    await chooseEach(el, { outputFormat: 'png', steps: '20', guidance: '3.5' });
    await el.generate();
    await chooseEach(el, { outputFormat: 'webp', steps: '30' });
    const vary = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part~=result] [data-action=vary]'));
    vary.click();
    const sent = async () => (await submissionsOf('bfl', `run=${run}`)).map(({ asked }) => asked);
    await until(async () => (await sent()).length === 2, 5_000, 'the variation sent');
    const [first, again] = await sent();
    expect(again).to.deep.equal(first);
    expect(first).to.deep.include({ output_format: 'png', steps: 20, guidance: 3.5 });
    await el.updateComplete;
    expect([el.outputFormat, control(el, 'steps').value, control(el, 'guidance').value]).to.deep.equal([
      'png',
      '20',
      '3.5',
    ]);
  });

  it('FLUX.2 [flex]: steps 100 or guidance 20 disable Generate before the click, say why beside the price, and mark the field', async () => {
    const run = uniqueStorageKey();
    const el = await withControls(run, 'flux-2-flex');
    const submit = part(el, 'submit') as HTMLButtonElement;
    expect(submit.disabled).to.equal(false);
    await choose(el, 'steps', '100');
    const stepsWords = "This model's steps are a whole number from 1 to 50.";
    expect(submit.disabled, 'refused before the click').to.equal(true);
    expect(blocked(el).reason).to.equal(stepsWords);
    const steps = control(el, 'steps');
    expect(steps.getAttribute('aria-invalid')).to.equal('true');
    const under = el.shadowRoot!.getElementById(steps.getAttribute('aria-describedby') ?? '');
    expect(words(under), 'said under the field').to.equal(stepsWords);
    expect(control(el, 'guidance').getAttribute('aria-invalid')).to.equal(null);
    // The fix beside Generate opens More options where it was closed, and puts the focus on the field.
    (part(el, 'more') as HTMLDetailsElement).open = false;
    await el.updateComplete;
    blocked(el).fix!.click();
    expect((part(el, 'more') as HTMLDetailsElement).open).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(steps);

    await choose(el, 'steps', '20');
    expect(steps.getAttribute('aria-invalid')).to.equal(null);
    await choose(el, 'guidance', '20');
    expect(blocked(el).reason).to.equal("This model's guidance is a number from 1.5 to 10.");
    expect(control(el, 'guidance').getAttribute('aria-invalid')).to.equal('true');
    expect(submit.disabled).to.equal(true);
    // Both wrong at once: both marked, each with its own words under it, both said beside Generate.
    await choose(el, 'steps', '100');
    const guidanceWords = "This model's guidance is a number from 1.5 to 10.";
    expect(blocked(el).reason).to.equal(`${stepsWords} ${guidanceWords}`);
    for (const [name, said] of [
      ['steps', stepsWords],
      ['guidance', guidanceWords],
    ]) {
      const field = control(el, name);
      expect(field.getAttribute('aria-invalid'), name).to.equal('true');
      expect(words(el.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!)), name).to.equal(said);
    }
    await choose(el, 'steps', '20');
    await choose(el, 'guidance', '');
    expect(submit.disabled).to.equal(false);
    expect(blocked(el).reason).to.equal('');
    await el.generate();
    expect(await asked(run)).to.deep.equal({ output_format: 'jpeg', steps: 20 });
  });

  it('FLUX.2 [flex]: Steps as typed, before the field is left: 100 refused at once, 30 sent by Ctrl+Enter from it', async () => {
    const run = uniqueStorageKey();
    const el = await withControls(run, 'flux-2-flex');
    const submit = part(el, 'submit') as HTMLButtonElement;
    const steps = control(el, 'steps');
    steps.focus();
    await sendKeys({ type: '100' });
    await el.updateComplete;
    // The caret still in the field: Generate already refuses, and says why.
    expect(el.shadowRoot!.activeElement).to.equal(steps);
    expect(submit.disabled).to.equal(true);
    expect(blocked(el).reason).to.equal("This model's steps are a whole number from 1 to 50.");
    // Ctrl+Enter there: nothing is sent, the focus stays in the field the reason is about, the reason
    // is said once more, and no copy of it appears in the canvas (or takes the page to it).
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(steps);
    expect(el.shadowRoot!.querySelector('[part~=error].error-box')).to.equal(null);
    const said = [...el.shadowRoot!.querySelectorAll('.announce')].map((region) => region.textContent).join(' ');
    expect(said).to.contain("This model's steps are a whole number from 1 to 50.");
    expect(await asked(run)).to.equal(undefined);
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '30' });
    await el.updateComplete;
    expect(submit.disabled).to.equal(false);
    // A number written the user's way stays as they wrote it while they type on.
    const guidance = control(el, 'guidance');
    guidance.focus();
    await sendKeys({ type: '2.0' });
    await el.updateComplete;
    expect(guidance.value).to.equal('2.0');
    await sendKeys({ type: '5' });
    await el.updateComplete;
    expect(guidance.value).to.equal('2.05');
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    // Ctrl+Enter from the field it was typed in: what the field says is what is sent, and the field keeps it.
    steps.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await until(() => asked(run), 10_000, 'the submission');
    expect(await asked(run)).to.deep.equal({ output_format: 'jpeg', steps: 30, guidance: 2 });
    expect([steps.value, guidance.value]).to.deep.equal(['30', '2.0']);
  });

  it('an emptied amount is the provider’s default again, and another model starts from its own defaults', async () => {
    const run = uniqueStorageKey();
    const el = await withControls(run, 'flux-2-flex');
    await choose(el, 'steps', '20');
    await choose(el, 'steps', '');
    await choose(el, 'guidance', '3.5');
    el.model = 'flux-pro-1.1-ultra';
    await el.updateComplete;
    await until(() => el.shadowRoot!.querySelector('[name=raw]'));
    expect(el.shadowRoot!.querySelector('[name=guidance]')).to.equal(null);
    el.model = 'flux-2-flex';
    await el.updateComplete;
    await until(() => el.shadowRoot!.querySelector('[name=guidance]'));
    expect(control(el, 'guidance').value).to.equal('');
    await el.generate();
    expect(await asked(run)).to.deep.equal({ output_format: 'jpeg' });
  });

  it('FLUX1.1 [pro] Ultra: raw and the reference strength reach BFL as chosen', async () => {
    const run = uniqueStorageKey();
    const el = await withControls(run, 'flux-pro-1.1-ultra');
    expect(control(el, 'enhancePrompt').checked, 'FLUX.1 does not rewrite unless asked').to.equal(false);
    await choose(el, 'raw', true);
    await choose(el, 'imagePromptStrength', '0.3');
    await el.generate();
    expect(await asked(run)).to.include({ raw: true, image_prompt_strength: 0.3 });
  });

  it('fal’s FLUX.2 [pro], which rewrites prompts with no switch, says under the seed that it may not repeat', async () => {
    const el = await imageWidget({ provider: 'fal', model: 'flux-2-pro', prompt: 'a fox' });
    await panelsLoaded(el);
    (part(el, 'more') as HTMLDetailsElement).open = true;
    await until(() => el.shadowRoot!.querySelector('.model-controls'));
    expect(el.shadowRoot!.querySelector('[name=enhancePrompt]')).to.equal(null);
    expect(words(part(el, 'more'))).to.contain(
      "fal rewrites this model's prompts itself: the same seed may not make the same image again.",
    );
    el.model = 'flux-2-klein-4b';
    await el.updateComplete;
    await until(() => !words(part(el, 'more')).includes('rewrites'));
  });

  it('Pollinations shows its rewriting switch, off as its default; enhance=true is sent only once it is ticked', async () => {
    const run = uniqueStorageKey();
    const el = await imageWidget(
      {
        provider: 'pollinations',
        model: 'flux-2-klein-4b',
        endpoint: simEndpoint('pollinations', `run=${run}`),
        'storage-key': run,
        prompt: 'a fox',
      },
      { apiKey: `sk_sim-enhance-${run}` },
    );
    await panelsLoaded(el);
    (part(el, 'more') as HTMLDetailsElement).open = true;
    await until(() => control(el, 'enhancePrompt'));
    expect(control(el, 'enhancePrompt').checked, 'Pollinations rewrites only when asked').to.equal(false);
    expect(words(part(el, 'more'))).to.contain('Let Pollinations rewrite my prompt first');
    // Its words in as many lines as they take, never cut: German's are longer than the line of a phone.
    el.style.width = '390px';
    el.lang = 'de';
    await until(() => words(part(el, 'more')).includes('Pollinations darf meinen Prompt zuerst umschreiben'), 5000);
    const label = control(el, 'enhancePrompt').closest('label')!;
    expect(label.scrollWidth, 'the switch’s words whole').to.be.at.most(label.clientWidth);
    el.lang = 'en';
    el.style.width = '';
    await until(() => words(part(el, 'more')).includes('Let Pollinations rewrite'), 5000);
    await el.generate();
    await choose(el, 'enhancePrompt', true);
    expect(el.enhancePrompt).to.equal('on');
    await el.generate();
    // Pollinations reads any text as true (`enhance=false` included): off, the parameter is left out.
    const images = (await simLogOf('pollinations', run)).filter(({ path }) => /\/image\/(?!models)/.test(path));
    const sent = images.map((entry) => new URL(entry.path, location.origin).searchParams.get('enhance'));
    expect(sent).to.deep.equal([null, 'true']);
  });

  it('a provider whose models have no controls of their own shows none', async () => {
    const el = await imageWidget({ provider: 'openai', endpoint: 'http://127.0.0.1:1/v1', prompt: 'a fox' });
    await panelsLoaded(el);
    await sleep(200);
    expect(el.shadowRoot!.querySelector('.model-controls, [name=enhancePrompt]')).to.equal(null);
  });
});
