// OpenAI's Image API as recorded (test/recorded/openai/*.yaml: one real api.openai.com exchange each, GPT Image 2,
// 1.5, 1 and 1-mini), replayed through the widget over loopback (test/support/replay-server.mjs) with the bundled
// api.openai.com prices: the booked amount is the recorded `usage` at the bundled rates, exactly. The recordings sent
// neither quality nor size; the widget always sends both, which the replay logs and the test holds it to. They are
// records of what those models answered while OpenAI served them: replayed on a day it served all four (the page's
// clock), since from its shutdown a model is never sent.
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import '../../src/define.js';
import { mergePriceBook } from '../../src/pricing/index.js';
import type { PriceBook } from '../../src/pricing/index.js';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from '../../src/providers/registry/prices.js';
import { controlledClock } from '../support/clock.js';
import { recorded } from '../support/recorded.js';
import { unique } from '../support/sim.js';
import { decision, imageWidgetsForgottenAfterEach, panelsLoaded } from '../support/widget.js';

/** A recording's request and reply, as the replay server reads the cassette (go-vcr v2). */
interface Cassette {
  interactions: { request: { body: string }; response: { body: string } }[];
}

/** The cassettes are YAML; the replay server parses them, and answers its log of what the widget sent. */
async function replayLog(run: string) {
  const response = await fetch('/replay/_log');
  const log: { asked?: Record<string, unknown> & { run: string } }[] = await response.json();
  return log.filter((entry) => entry.asked?.run === run).map((entry) => entry.asked!);
}

/** The recorded prompt and usage, read from the cassette's text the way a person would (its JSON bodies). */
async function recording(model: string) {
  const text = await (await fetch(`/test/recorded/openai/${model}.yaml`)).text();
  const request = /body: \|\n\s+(\{"prompt".*)\n/.exec(text)![1];
  const usage = /"usage": (\{[\s\S]*?\n {14}\})/.exec(text)![1];
  return { prompt: JSON.parse(request).prompt as string, usage: JSON.parse(usage) };
}

/** OpenAI's prices by host, laid over the built-in ones, for the replay's loopback endpoint. */
const OPENAI_BOOK: PriceBook = mergePriceBook(BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS['api.openai.com']);

const CASES = [
  // model, quality and size the widget sends, what the recorded usage costs at the bundled rates, and the note said
  {
    model: 'gpt-image-1',
    quality: 'medium',
    width: 1024,
    height: 1024,
    booked: '0.04343',
    said: 'charged $0.0434, within what the preview said: at most $0.0478, about $0.0436.',
  }, // 238×5 + 1056×40
  { model: 'gpt-image-2', quality: 'medium', width: 1248, height: 1248, booked: '0.06293', said: undefined }, // 238×5 + 2058×30
  {
    model: 'gpt-image-1.5',
    quality: 'high',
    width: 1024,
    height: 1024,
    booked: '0.13851',
    said: 'charged $0.139, within what the preview said: at most $0.159, about $0.135.',
  }, // +4160×32 + 420×10
  { model: 'gpt-image-1-mini', quality: 'high', width: 1024, height: 1024, booked: '0.033756', said: undefined }, // 238×2 + 4160×8
];

describe('OpenAI’s Image API as recorded, replayed through the widget', function () {
  this.timeout(20_000);
  // GPT Image 1 was refused from 2026-10-23, 1.5 and 1-mini from 2026-12-01: a day more than a month before.
  controlledClock('2026-09-01T12:00:00Z');
  const widget = imageWidgetsForgottenAfterEach();

  it('the replay serves the recordings as published (their usage, and a stand-in image)', async () => {
    const cassette = await (await fetch('/test/recorded/openai/gpt-image-1.5.yaml')).text();
    expect(cassette).to.contain('"text_tokens": 420');
    expect(cassette).to.contain('url: https://api.openai.com/v1/images/generations');
    // The replay reads YAML: the JSON helper refuses it, the replay route answers it.
    await recorded<Cassette>('openai/gpt-image-1.5.yaml').then(
      () => expect.fail('a cassette is YAML, not JSON'),
      () => {},
    );
  });

  for (const { model, quality, width, height, booked, said } of CASES) {
    it(`${model} at ${quality} ${width}×${height}: sends quality and size, books the recorded usage exactly (${booked})`, async () => {
      const { prompt, usage } = await recording(model);
      const run = unique(model);
      const el = await widget(
        {
          provider: 'openai',
          model,
          quality,
          width,
          height,
          prompt,
          endpoint: `${location.origin}/replay/openai/${model}/${run}`,
        },
        { priceBook: OPENAI_BOOK, apiKey: 'sk-test-replay' },
      );
      // The price before the click is a bound, led by the most it can cost: "at most $…", then "about $…".
      await panelsLoaded(el); // the bound's words are the panels'
      expect(decision(el).price).to.match(/^at most \$[\d.]+$/);
      expect(decision(el).buys).to.match(/^about \$[\d.]+ · /);
      const result = await el.generate();
      expect(result.charged).to.equal(booked);
      expect(result.images[0].receipt).to.deep.include({ basis: 'reported', charged: booked });
      const [asked] = await replayLog(run);
      expect(asked).to.deep.include({ model, quality, size: `${width}x${height}`, n: 1 });
      // What the recording says, at the bundled rates, to the cent's fraction.
      const rates = OPENAI_BOOK[model].openai!.rule;
      if (rates.kind !== 'tokens') throw new Error('not a tokens rule');
      const textOut = usage.output_tokens_details?.text_tokens ?? 0;
      const expected = new Decimal(rates.rates.textIn)
        .mul(usage.input_tokens)
        .add(new Decimal(rates.rates.imageOut).mul(usage.output_tokens - textOut))
        .add(new Decimal(rates.rates.textOut ?? rates.rates.imageOut).mul(textOut))
        .div(1e6);
      expect(expected.toString()).to.equal(booked);
      // What was charged, as within what the preview said (the most and what it expected), as the preview says them (three
      // figures, "at most" rounded up); nothing where the charge is the expected to those figures.
      expect(result.quote.atMost).to.be.a('string');
      const note = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      if (said) expect(note).to.contain(said);
      else expect(note).not.to.contain('within what the preview said');
      const tally = el.tally!;
      expect(tally.spent).to.equal(booked);
    });
  }
});
