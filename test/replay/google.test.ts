// Google's Gemini API as recorded (test/recorded/gemini/: Imagen 4 Fast, 4 and Ultra as go-vcr cassettes, Imagen 4 at
// 4:3 and a Gemini 3.1 Flash Image reply as vercel/ai's fixtures), replayed through the widget over loopback
// (test/support/replay-server.mjs) with the bundled Google prices: Imagen books its flat price, Gemini the recorded
// `usageMetadata` at the bundled rates, exactly, and its image keeps its part's `thoughtSignature`; the key goes in its
// header only. They are records of what those
// models answered while Google served them: replayed on a day it served them all (the page's clock), since from its
// shutdown a model is never sent.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import '../../src/define.js';
import { ImageStore } from '../../src/images/image-store.js';
import { BUILTIN_PRICE_BOOK } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';
import { recorded } from '../support/recorded.js';
import { unique } from '../support/sim.js';
import { decision, imageWidgetsForgottenAfterEach, panelsLoaded } from '../support/widget.js';

/** What the replay server logged of a run: the request's body as sent, and where its key was. */
async function replayLog(run: string) {
  const response = await fetch('/replay/_log');
  const log: { hasKey: boolean; keyInQuery?: boolean; path: string; asked?: Record<string, any> & { run: string } }[] =
    await response.json();
  return log.filter((entry) => entry.asked?.run === run);
}

/** A cassette's recorded prompt, read from its request's JSON body. */
async function cassettePrompt(recording: string): Promise<string> {
  const text = await (await fetch(`/test/recorded/gemini/${recording}.yaml`)).text();
  return JSON.parse(/body: \|\n\s+(\{"instances".*)\n/.exec(text)![1]).instances[0].prompt;
}

describe('Google’s Gemini API as recorded, replayed through the widget', function () {
  this.timeout(20_000);
  // Imagen 4 was shut down on 2026-08-17, Nano Banana 2 (3.1 Flash) on 2026-10-29: a day more than a month before.
  controlledClock('2026-07-01T12:00:00Z');
  const mount = imageWidgetsForgottenAfterEach();

  const widget = (recording: string, run: string, attributes: Record<string, string | number>) =>
    mount(
      { provider: 'google', endpoint: `${location.origin}/replay/google/${recording}/${run}`, ...attributes },
      { apiKey: 'goog-test-replay' },
    );

  it('Imagen 4 at 1024×768 asks aspectRatio "4:3" and sampleCount 1 as recorded, the key in its header, and books $0.04', async () => {
    const { request } = await recorded<{ request: { body: { instances: { prompt: string }[] } } }>(
      'gemini/imagen-4.0-generate-001-4x3.json',
    );
    const run = unique('imagen-4x3');
    const el = await widget('imagen-4.0-generate-001-4x3', run, {
      model: 'imagen-4',
      width: 1024,
      height: 768,
      prompt: request.body.instances[0].prompt,
    });
    expect(decision(el).price).to.equal('$0.04');
    const result = await el.generate();
    const [sent] = await replayLog(run);
    const { run: _, ...asked } = sent.asked!;
    expect(asked).to.deep.equal(request.body); // the replay answers only the recorded request
    expect(sent).to.include({ hasKey: true, keyInQuery: false });
    expect(result.charged).to.equal('0.04');
    expect(result.images[0]).to.include({ width: 1280, height: 896 });
    expect(el.tally!.spent).to.equal('0.04');
  });

  for (const [recording, model, booked] of [
    ['imagen-4.0-fast-generate-001', 'imagen-4-fast', '0.02'],
    ['imagen-4.0-generate-001', 'imagen-4', '0.04'],
    ['imagen-4.0-ultra-generate-001', 'imagen-4-ultra', '0.06'],
  ] as const) {
    it(`${model}: the recorded reply (a JPEG, no usage) books the flat ${booked}`, async () => {
      const run = unique(model);
      const el = await widget(recording, run, { model, prompt: await cassettePrompt(recording) });
      const result = await el.generate();
      const [sent] = await replayLog(run);
      expect(sent.asked!.parameters).to.deep.equal({ sampleCount: 1, aspectRatio: '1:1' });
      expect(result.charged).to.equal(booked);
      expect(result.images[0]).to.include({ width: 1024, height: 1024 });
    });
  }

  it('Gemini 3.1 Flash Image books its recorded usageMetadata at the bundled rates exactly', async () => {
    const reply = await recorded<{ usageMetadata: Record<string, any> }>('gemini/gemini-3.1-flash-image.json');
    const run = unique('flash');
    const el = await widget('gemini-3.1-flash-image', run, {
      model: 'gemini-3.1-flash-image',
      prompt: 'a nano banana',
    });
    await panelsLoaded(el); // the bound's words are the panels'
    expect(decision(el).price).to.match(/^at most \$[\d.]+$/);
    expect(decision(el).buys).to.match(/^about \$[\d.]+ · /);
    const result = await el.generate();
    const [sent] = await replayLog(run);
    expect(sent.asked!.generationConfig).to.deep.include({
      responseModalities: ['IMAGE'],
      imageConfig: { aspectRatio: '1:1', imageSize: '1K' },
    });
    // The recording: 10 prompt tokens, 1,392 candidates of which 1,120 IMAGE: 272 thinking or text.
    const rule = BUILTIN_PRICE_BOOK['gemini-3.1-flash-image'].google!.rule;
    if (rule.kind !== 'tokens') throw new Error('not a tokens rule');
    const usage = reply.usageMetadata;
    const image = usage.candidatesTokensDetails[0].tokenCount;
    const expected = new Decimal(rule.rates.textIn)
      .mul(usage.promptTokenCount)
      .add(new Decimal(rule.rates.imageOut).mul(image))
      .add(new Decimal(rule.rates.textOut!).mul(usage.candidatesTokenCount - image))
      .div(1e6);
    expect(expected.toString()).to.equal('0.068021'); // 10 × $0.50 + 1,120 × $60 + 272 × $3, per million
    expect(result.charged).to.equal('0.068021');
    expect(result.images[0].receipt).to.deep.include({ basis: 'reported', charged: '0.068021' });
    const note = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    // Said as the preview says prices, to three figures ("at most" rounded up); the receipt has every digit.
    expect(result.quote).to.include({ total: '0.067202', atMost: '0.0770225' });
    expect(note).to.contain('Google charged $0.068, within what the preview said: at most $0.0771, about $0.0672.');
    // The recorded image part carries a thoughtSignature (redacted by its source): the image keeps it, with the turn
    // that made it, for an edit to go on with (src/providers/google/turns.ts).
    const [part] = (reply as unknown as { candidates: { content: { parts: { thoughtSignature: string }[] } }[] })
      .candidates[0].content.parts;
    const [kept] = await new ImageStore({ storageKey: el.storageKey }).list();
    expect(kept.conversation).to.deep.include({ provider: 'google', model: 'gemini-3.1-flash-image' });
    expect(await kept.conversation!.signature.text()).to.equal(part.thoughtSignature);
    expect(kept.conversation!.turns).to.deep.equal([{ role: 'user', parts: [{ text: 'a nano banana' }] }]);
  });
});
