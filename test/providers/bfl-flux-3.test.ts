// FLUX 3 Image at BFL (`POST /v1/flux-3-image`), over real HTTP against the BFL simulator (demo/sim/bfl.mjs and
// bfl-flux-3.mjs): quoted per resolution class before the click, sent with only the fields its strict schema names,
// polled through its Reasoning and Generating to Ready, shown, and booked from the `cost` BFL reports.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { generate } from '../../src/api.js';
import type { UserPaysError } from '../../src/base/errors.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { BflProvider } from '../../src/providers/bfl/adapter.js';
import { failure } from '../support/failure.js';
import { pngBlob, referenceImage as reference } from '../support/images.js';
import { providerHarness } from '../support/provider-harness.js';
import { controlledClock } from '../support/clock.js';
import { waitUntil } from '../support/wait.js';
import { decision, imageWidget, tiles } from '../support/widget.js';
import { pageFetch, simCharges, simEndpoint, submissionsOf, submitToBfl, unique } from '../support/sim.js';

const harness = providerHarness(new BflProvider(), {
  keyPrefix: 'test-key-flux-3',
  request: { model: 'flux-3-image', prompt: 'a harbour at dawn', width: 1024, height: 1024, ratio: '1:1', seed: 7 },
});
const { start, completed, asked, refused, newKey } = harness;

/** The status of every poll reply while `run` runs, as BFL said it (the replies read beside the adapter). */
async function statusesSaid<T>(run: () => Promise<T>): Promise<{ outcome: T; said: string[] }> {
  const said: string[] = [];
  const original = window.fetch;
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const reply = await original(...args);
    if (String(args[0]).includes('/get_result')) {
      const { status } = await reply.clone().json();
      if (said.at(-1) !== status) said.push(status);
    }
    return reply;
  };
  try {
    return { outcome: await run(), said };
  } finally {
    window.fetch = original;
  }
}

describe('FLUX 3 Image at BFL', function () {
  this.timeout(20_000);

  it('sends only the fields its route takes, is polled through Reasoning and Generating to Ready, and books its cost', async () => {
    const { outcome: run, said } = await statusesSaid(() =>
      completed('pending=2500;deliveryCors=1', {
        quality: '1.5k',
        settings: { safetyTolerance: 3, outputFormat: 'png', enhancePrompt: true },
        inputs: [reference(512, 384)],
      }),
    );
    // No seed, size, output format, prompt upsampling or input_image: the schema refuses any field it does not name.
    expect(await asked(run)).to.deep.equal({ resolution: '1.5k', aspect_ratio: '1:1', safety_tolerance: 3 });
    expect(said).to.deep.equal(['Reasoning', 'Generating', 'Ready']);
    expect(run.statuses).to.include('Under way at BFL (it does not say how far along)');
    expect(run.charge).to.deep.equal({ credits: '7', usd: '0.07' });
    const bitmap = await createImageBitmap(run.outcome.image.blob!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1536, 1536]);
  });

  it('sends the class priced where the request names none, and the references as images, never input_image', async () => {
    const run = await completed('pending=50', { quality: undefined, ratio: undefined, width: 1920, height: 1080 });
    expect(await asked(run)).to.deep.equal({ resolution: '1k', aspect_ratio: '16:9' });
    expect(run.charge).to.deep.equal({ credits: '4.8', usd: '0.048' });
    const refs = await completed('pending=50', { inputs: [reference(300, 300), reference(640, 480)] });
    expect(await asked(refs)).to.deep.equal({ resolution: '1k', aspect_ratio: '1:1' });
  });

  it('refuses a moderation level over 4 before sending: FLUX 3 takes 0 to 4', async () => {
    expect(harness.provider.controls('flux-3-image')).to.deep.include({
      safetyTolerance: { min: 0, max: 4, default: 2 },
      seedReproduces: false,
    });
    await refused({ settings: { safetyTolerance: 5 } }, /0 \(strictest\) to 4/);
  });

  describe('its link lasts an hour', () => {
    const clock = controlledClock('2026-11-27T12:00:00Z');

    it('where the link does not say when it ends (this browser’s clock far from BFL’s), an hour from now', async () => {
      const run = await completed('pending=50');
      expect(run.outcome.image.remote!.expiresAt).to.equal(clock.now() + 3_600_000);
    });
  });
});

describe('the widget on FLUX 3 Image', function () {
  this.timeout(30_000);

  it('quotes the class chosen before the click, shows the image, and books what BFL says it cost', async () => {
    const run = unique('flux-3');
    const apiKey = unique('test-key-flux-3');
    const el = await imageWidget(
      {
        provider: 'bfl',
        endpoint: simEndpoint('bfl', `run=${run};pending=300`),
        model: 'flux-3-image',
        quality: '2k',
        width: '1024',
        height: '1024',
        prompt: 'a harbour at dawn',
      },
      { apiKey },
    );
    await waitUntil(() => decision(el).price?.includes('$0.10'), 'the 2k class quoted');
    el.quality = '768sq';
    await waitUntil(() => decision(el).price?.includes('$0.041'), 'the 768sq class quoted');
    await el.generate();
    const [sent] = await submissionsOf('bfl', run);
    expect(sent.asked).to.deep.equal({ resolution: '768sq', aspect_ratio: '1:1' });
    await waitUntil(() => tiles(el).length === 1, 'the image shown');
    expect(tiles(el)[0].querySelector('img')).to.exist;
    expect((await simCharges('bfl', apiKey)).credits).to.equal('4.1');
    expect(el.tally).to.include({ spent: '0.041', images: 1 });
  });
});

describe('UserPays.generate on FLUX 3 Image, its references', function () {
  this.timeout(20_000);
  const newStorageKey = storageKeysForgottenAfterEach();

  it('refuses a reference under 256×256 before anything is sent, in words, where BFL would answer 422', async () => {
    const run = unique('flux-3');
    const error = (await generate(
      { provider: 'bfl', model: 'flux-3-image', prompt: 'a harbour', references: [await pngBlob(200, 300)] },
      { apiKey: newKey(), storageKey: newStorageKey(), endpoint: simEndpoint('bfl', `run=${run}`) },
    ).catch((thrown: unknown) => thrown)) as UserPaysError;
    expect([error.code, error.message]).to.deep.equal([
      'invalid-input',
      'Image 1 is 200×300 pixels as sent, and FLUX 3 Image takes images of at least 256×256 — choose a larger one.',
    ]);
    expect(await submissionsOf('bfl', run), 'nothing sent').to.deep.equal([]);
  });
});

describe('the BFL simulator refuses what FLUX 3’s strict schema refuses, and charges nothing for it', () => {
  const sim = simEndpoint('bfl');
  const refusal = async (body: object) => {
    const key = newKey();
    const { status, body: reply } = await submitToBfl(sim, key, 'flux-3-image', { prompt: 'p', ...body });
    expect((await simCharges('bfl', key)).credits, JSON.stringify(body)).to.equal('0');
    return { status, said: reply.detail?.map((d: any) => `${d.loc.at(-1)}: ${d.type}`) };
  };

  it('a field its schema does not name: 422 naming it', async () => {
    expect(await refusal({ seed: 42 })).to.deep.equal({ status: 422, said: ['seed: extra_forbidden'] });
    for (const field of ['width', 'height', 'input_image', 'output_format', 'prompt_upsampling'])
      expect((await refusal({ [field]: field === 'prompt_upsampling' ? true : 'x' })).said).to.deep.equal([
        `${field}: extra_forbidden`,
      ]);
  });

  it('a class, a ratio or a moderation level it has not, and more than 10 images: 422', async () => {
    expect(await refusal({ resolution: '8k' })).to.deep.equal({ status: 422, said: ['resolution: enum'] });
    expect((await refusal({ aspect_ratio: '3:1' })).said).to.deep.equal(['aspect_ratio: enum']);
    expect((await refusal({ safety_tolerance: 5 })).said).to.deep.equal(['safety_tolerance: less_than_equal']);
    const image = reference(256, 256).dataUrl.split(',')[1];
    expect((await refusal({ images: Array(11).fill(image) })).said).to.deep.equal(['images: too_long']);
    expect((await refusal({ images: [reference(200, 300).dataUrl.split(',')[1]] })).said).to.deep.equal([
      '0: value_error',
    ]);
  });

  it('a task it takes says Reasoning, then Generating, and costs its class in credits', async () => {
    const key = newKey();
    // never-ready: a 4k image is 16 MP, which the test has no need to draw.
    const { status, body } = await submitToBfl(simEndpoint('bfl', 'fault=never-ready'), key, 'flux-3-image', {
      prompt: 'p',
      resolution: '4k',
      aspect_ratio: '9:21',
    });
    expect([status, body.cost]).to.deep.equal([200, 60.7]);
    expect((await simCharges('bfl', key)).credits).to.equal('60.7');
    const poll = await (await pageFetch(body.polling_url)).json();
    expect(poll.status).to.equal('Reasoning');
  });

  it('a failure at submit maps to invalid-input with BFL’s words, naming the field', async () => {
    const error = await failure(start('', { model: 'flux-3-image', quality: '8k' }).promise);
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.contain('resolution');
  });
});
