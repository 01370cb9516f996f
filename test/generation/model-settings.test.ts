// The model's own controls through the pipeline, and the prompt the provider says it
// used. Settings reach the provider as set (runGeneration, the headless call), a value the model does not take as given
// is refused before anything is booked or sent (submit), and BFL's rewrite of the prompt (`result.prompt`, the
// simulator's deterministic paraphrase where `prompt_upsampling` is on) comes back as the image's `revisedPrompt`:
// saved with it, read back after a reload, and in `userpays-result`.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import { runGeneration } from '../../src/generation/run-generation.js';
import { ImageStore } from '../../src/images/image-store.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { providerFor } from '../../src/providers/registry/adapters.js';
import type { GenerationResult } from '../../src/base/types.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { generationJob } from '../support/generation.js';
import { failure } from '../support/failure.js';
import { bflEndpoint, submissionsOf, unique } from '../support/sim.js';
import { imageWidget } from '../support/widget.js';

const PROMPT = 'a lighthouse at dusk';

describe('the model’s own controls and the prompt the provider used, through the pipeline', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  it('runGeneration: BFL’s rewrite is the stored image’s revisedPrompt, read back after a reload; off, there is none', async () => {
    const storageKey = newStorageKey();
    const run = unique('settings');
    const provider = await providerFor('bfl');
    const job = (settings?: { enhancePrompt: boolean }) =>
      generationJob({
        provider,
        endpoint: bflEndpoint(`pending=50;deliveryCors=1;run=${run}`),
        apiKey: unique('sim-settings'),
        request: { model: 'flux-2-pro', prompt: PROMPT, width: 512, height: 512, settings },
        storageKey,
      });
    const rewritten = await runGeneration(job());
    const [image] = rewritten.stored;
    expect(image.prompt).to.equal(PROMPT);
    expect(image.revisedPrompt).to.contain(PROMPT).and.not.equal(PROMPT);
    // A reload: the store read anew from IndexedDB.
    expect((await new ImageStore({ storageKey }).get(image.id))?.revisedPrompt).to.equal(image.revisedPrompt);

    const asSent = await runGeneration(job({ enhancePrompt: false }));
    expect(asSent.stored[0].revisedPrompt).to.equal(undefined);
    const [, second] = await submissionsOf('bfl', run);
    expect(second.asked).to.deep.equal({ prompt_upsampling: false, output_format: 'jpeg' });
  });

  it('UserPays.generate: the settings reach BFL as set, and revisedPrompt is in the result', async () => {
    const run = unique('settings');
    const result = await generate(
      {
        provider: 'bfl',
        model: 'flux-2-flex',
        prompt: PROMPT,
        width: 512,
        height: 512,
        settings: { steps: 20, guidance: 2.5, safetyTolerance: 4, outputFormat: 'png' },
      },
      {
        apiKey: unique('sim-settings'),
        storageKey: newStorageKey(),
        endpoint: bflEndpoint(`pending=50;deliveryCors=1;run=${run}`),
      },
    );
    const [submitted] = await submissionsOf('bfl', run);
    expect(submitted.asked).to.deep.equal({ safety_tolerance: 4, output_format: 'png', steps: 20, guidance: 2.5 });
    expect(result.images[0].revisedPrompt).to.contain(PROMPT).and.not.equal(PROMPT);
    URL.revokeObjectURL(result.images[0].url);
  });

  it('refuses a setting the model does not take as given before anything is booked or sent', async () => {
    const run = unique('settings');
    const storageKey = newStorageKey();
    const options = { apiKey: unique('sim-settings'), storageKey, endpoint: bflEndpoint(`pending=50;run=${run}`) };
    const asked = { provider: 'bfl' as const, model: 'flux-2-pro', prompt: PROMPT };
    for (const [settings, words] of [
      [{ safetyTolerance: 6 }, /moderation level is a whole number from 0 \(strictest\) to 5/],
      [{ outputFormat: 'tiff' }, /makes jpeg, png, webp images, not "tiff"/],
      [{ enhancePrompt: 'no' }, /on or off/],
      ['loud', /settings must be an object/],
    ] as const) {
      const error = await failure(generate({ ...asked, settings: settings as never }, options));
      expect([error.code, error.retryable], String(settings)).to.deep.equal(['invalid-input', false]);
      expect(error.message, String(settings)).to.match(words);
    }
    expect(await submissionsOf('bfl', run)).to.deep.equal([]);
    expect(new LedgerStore({ storageKey }).entries()).to.deep.equal([]);
  });

  it('<userpays-image>: BFL’s rewrite is in userpays-result, beside the prompt sent', async () => {
    const el = await imageWidget({
      provider: 'bfl',
      model: 'flux-2-pro',
      width: 512,
      height: 512,
      prompt: PROMPT,
      'storage-key': newStorageKey(),
      endpoint: bflEndpoint(`pending=50;deliveryCors=1;run=${unique('settings')}`),
    });
    el.apiKey = unique('sim-settings');
    const heard: GenerationResult[] = [];
    el.addEventListener('userpays-result', (event) => heard.push(event.detail));
    await el.generate();
    expect(heard).to.have.length(1);
    expect(heard[0].images[0].revisedPrompt).to.contain(PROMPT).and.not.equal(PROMPT);
  });
});
