// Instruction edits with Nano Banana at Google (SPEC §13), the adapter against the simulator's Google over real HTTP
// across origins, and the simulator itself asked as a client of Google's API asks: the image goes as `inlineData`
// beside the instruction (Gemini takes no mask), booked exactly from `usageMetadata`, its input image tokens among it;
// each image Nano Banana makes keeps the turns that made it and its `thoughtSignature`, and a later turn sends them all
// again, each model image with its signature, as Google requires (else its 400, said in words, nothing booked).
// Holds: src/providers/google/turns.ts
// Holds: src/providers/google/edit-prices.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import type { UserPaysError } from '../../src/base/errors.js';
import { mergePriceBook, priceOf, referenceRule } from '../../src/pricing/index.js';
import { EDITS } from '../../src/providers/registry/edit-prices.js';
import { GoogleProvider } from '../../src/providers/google/adapter.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from '../../src/providers/registry/prices.js';
import type { ProviderImage, ProviderRequest, ReferenceImage } from '../../src/providers/provider.js';
import { referenceImage } from '../support/images.js';
import { pageFetch, simCharged, simEndpoint, submissionsOf, unique } from '../support/sim.js';

/** A day Google sells Nano Banana 2.1, Pro and 2 Lite (and no longer 3.1 Flash nor Imagen). */
const TODAY = '2026-11-28T12:00:00Z';
const MODEL = 'gemini-nano-banana-2.1';
const RATES = { textIn: '1.50', imageIn: '1.50', imageOut: '30', textOut: '7.50' };

/** The simulator's Google today under `run`, on the other loopback name: across origins, as Google is. */
const googleAt = (run: string) => simEndpoint('google', `now=${TODAY};pending=20;run=${run}`, { crossOrigin: true });

/** What Google bills at Nano Banana 2.1's rates for `words` tokens of words, `sent` images sent, one 1K image made. */
const billed = (words: number, sent: number) =>
  new Decimal(RATES.textIn)
    .mul(words)
    .add(new Decimal(RATES.imageIn).mul(1120 * sent))
    .add(new Decimal(RATES.imageOut).mul(1120))
    .add(new Decimal(RATES.textOut).mul(272))
    .div(1e6)
    .toString();

/** An edit by Nano Banana 2.1 of `inputs` (the image to edit first) under `run`, with `apiKey`, as the pipeline asks. */
function edit(
  run: string,
  apiKey: string,
  prompt: string,
  inputs: ReferenceImage[],
  more: Partial<ProviderRequest> = {},
) {
  return new GoogleProvider().generate(
    {
      model: MODEL,
      prompt,
      width: 1024,
      height: 1024,
      ratio: '1:1',
      quality: '1K',
      inputs,
      edit: { kind: 'instruction' },
      wiring: { model: MODEL, rates: RATES },
      ...more,
    },
    { endpoint: googleAt(run), apiKey, signal: new AbortController().signal },
  );
}

/** An image made, as the pipeline sends it on: a data URL of its bytes, at its size. */
async function asSent(image: ProviderImage): Promise<ReferenceImage> {
  const dataUrl = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsDataURL(image.blob!);
  });
  return { dataUrl, width: image.width, height: image.height };
}

/** The turns the simulator received in each generation under `run`, oldest first, as its log keeps them. */
const turnsSent = async (run: string) =>
  (await submissionsOf('google', run)).map((entry) => entry.asked!.contents as { role: string; parts: any[] }[]);

describe('Nano Banana edits at Google', function () {
  this.timeout(20_000);

  it('an instruction edit sends the image as inlineData beside the instruction, booked exactly from usageMetadata', async () => {
    const run = unique('google-edit');
    const apiKey = unique('goog-edit');
    const result = await edit(run, apiKey, 'make the sky purple', [referenceImage(1024, 768)]);
    const [turns] = await turnsSent(run);
    expect(turns).to.have.length(1);
    expect(turns[0].role).to.equal('user');
    expect(turns[0].parts[0]).to.deep.equal({ text: 'make the sky purple' });
    expect(turns[0].parts[1].inlineData).to.deep.include({ mimeType: 'image/png', width: 1024, height: 768 });
    expect(turns[0].parts).to.have.length(2);
    // 19 bytes of words: 5 tokens; the image sent, 1,120 tokens at the image-in rate; the image made, 1,120 at the
    // image-out rate; 272 of text written: booked as Google billed it, to the last digit.
    expect(result.charge?.usd).to.equal(billed(5, 1));
    expect(result.charge?.usd).to.equal(await simCharged('google', apiKey));
  });

  it('reference images of a generation go the same way, each an inlineData part after the words, each billed', async () => {
    const run = unique('google-references');
    const apiKey = unique('goog-references');
    const result = await edit(
      run,
      apiKey,
      'these two, side by side',
      [referenceImage(64, 64), referenceImage(96, 64)],
      {
        edit: undefined,
      },
    );
    const [[turn]] = await turnsSent(run);
    expect(turn.parts.map((part) => part.text ?? [part.inlineData.width, part.inlineData.height])).to.deep.equal([
      'these two, side by side',
      [64, 64],
      [96, 64],
    ]);
    // 23 bytes of words: 6 tokens; two images sent.
    expect(result.charge?.usd).to.equal(billed(6, 2));
  });

  it('the image made keeps the turns that made it and its thoughtSignature; a later turn sends them all again', async () => {
    const run = unique('google-turns');
    const apiKey = unique('goog-turns');
    const first = await edit(run, apiKey, 'make the sky purple', [referenceImage(512, 512)]);
    const kept = first.image.conversation!;
    expect(kept.provider).to.equal('google');
    expect(kept.model).to.equal(MODEL);
    expect(kept.signature).to.be.a('string').and.not.equal('');
    expect(kept.turns.map((turn) => turn.role)).to.deep.equal(['user']);
    expect(kept.turns[0].parts.map((part) => ('text' in part ? part.text : part.image.mimeType))).to.deep.equal([
      'make the sky purple',
      'image/png',
    ]);
    const second = await edit(run, apiKey, 'add a moon', [await asSent(first.image)], { conversation: kept });
    const [, turns] = await turnsSent(run);
    expect(turns.map((turn) => turn.role)).to.deep.equal(['user', 'model', 'user']);
    // The model's image, as it was made, with the signature its reply gave it; the new turn, the instruction alone.
    expect(turns[1].parts).to.have.length(1);
    expect(turns[1].parts[0].thoughtSignature).to.equal(kept.signature);
    expect(turns[1].parts[0].inlineData).to.deep.include({ width: 1024, height: 1024 });
    expect(turns[2].parts).to.deep.equal([{ text: 'add a moon' }]);
    // Both turns' words (29 bytes: 8 tokens) and both images sent, the first's again.
    expect(second.charge?.usd).to.equal(billed(8, 2));
    // The new image keeps every turn, its own signature beside them.
    const next = second.image.conversation!;
    expect(next.turns.map((turn) => turn.role)).to.deep.equal(['user', 'model', 'user']);
    expect(next.turns[1].parts[0]).to.deep.include({ signature: kept.signature });
    expect(next.signature).to.not.equal(kept.signature);
  });

  it('a model image sent back without its signature: Google’s 400, said in words, nothing booked', async () => {
    const run = unique('google-unsigned');
    const apiKey = unique('goog-unsigned');
    const first = await edit(run, apiKey, 'make the sky purple', [referenceImage(512, 512)]);
    const charged = await simCharged('google', apiKey);
    const unsigned = { ...first.image.conversation!, signature: '' };
    const refused = await edit(run, apiKey, 'add a moon', [await asSent(first.image)], {
      conversation: unsigned,
    }).then(
      () => expect.fail('Google refuses a model image without its signature'),
      (error: UserPaysError) => error,
    );
    expect(refused.code).to.equal('invalid-input');
    expect(refused.answered).to.equal(true);
    expect(refused.message).to.equal(
      'Google would not go on with the conversation that made this image: an earlier image of it came back without the signature Google gave it. To edit the image afresh, download it and choose it with “Edit an image of your own”.',
    );
    expect(await simCharged('google', apiKey)).to.equal(charged);
  });
});

/** A generation posted straight to the simulator's Google today, as a client of its API posts it. */
async function post(model: string, contents: object[]) {
  const response = await pageFetch(`${googleAt(unique('google-raw'))}/v1beta/models/${model}:generateContent`, {
    method: 'POST',
    headers: { 'x-goog-api-key': 'sim-key', 'content-type': 'application/json' },
    body: JSON.stringify({
      contents,
      generationConfig: { responseModalities: ['IMAGE'], candidateCount: 1, imageConfig: { imageSize: '1K' } },
    }),
  });
  return { status: response.status, body: await response.json() };
}

/** An image as Google takes it in a turn. */
const inline = (image = referenceImage(64, 64)) => ({
  inlineData: { mimeType: 'image/png', data: image.dataUrl.slice(image.dataUrl.indexOf(',') + 1) },
});

describe('the simulator’s Google, asked a conversation', function () {
  this.timeout(20_000);

  it('gives each image it makes a signature, and refuses a later turn whose model image comes without it', async () => {
    const made = await post(MODEL, [{ role: 'user', parts: [{ text: 'a fox' }, inline()] }]);
    expect(made.status).to.equal(200);
    const [part] = made.body.candidates[0].content.parts;
    expect(part.thoughtSignature).to.be.a('string');
    expect(made.body.usageMetadata.promptTokensDetails).to.deep.equal([
      { modality: 'TEXT', tokenCount: 2 },
      { modality: 'IMAGE', tokenCount: 1120 },
    ]);
    const user = { role: 'user', parts: [{ text: 'a fox' }] };
    const again = (model: object) => post(MODEL, [user, model, { role: 'user', parts: [{ text: 'at night' }] }]);
    const signed = await again({ role: 'model', parts: [part] });
    expect(signed.status).to.equal(200);
    const unsigned = await again({ role: 'model', parts: [{ inlineData: part.inlineData }] });
    expect(unsigned.status).to.equal(400);
    expect(unsigned.body.error).to.deep.equal({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: 'Image part is missing a thought_signature in content position 2, part position 1.',
    });
    // A signature it never gave, or one it gave another model, is refused too (stricter than any source says).
    const forged = await again({ role: 'model', parts: [{ ...part, thoughtSignature: btoa('{"model":"x"}') }] });
    expect(forged.status).to.equal(400);
    const otherModel = await post('gemini-3-pro-image', [user, { role: 'model', parts: [part] }, user]);
    expect(otherModel.status).to.equal(400);
    expect(otherModel.body.error.message).to.contain('is none gemini-3-pro-image gave');
  });

  it('bills each image sent at the model’s count (Pro 560), and takes no more than 14 in a request', async () => {
    const pro = await post('gemini-3-pro-image', [{ role: 'user', parts: [{ text: 'two cats' }, inline(), inline()] }]);
    expect(pro.body.usageMetadata.promptTokensDetails[1]).to.deep.equal({ modality: 'IMAGE', tokenCount: 1120 });
    const many = Array.from({ length: 15 }, () => inline());
    const tooMany = await post(MODEL, [{ role: 'user', parts: [{ text: 'a collage' }, ...many] }]);
    expect(tooMany.status).to.equal(400);
    expect(tooMany.body.error.message).to.contain('15 images in one request');
    const notAnImage = await post(MODEL, [
      { role: 'user', parts: [{ text: 'x' }, { inlineData: { mimeType: 'image/png', data: 'bm90IGFuIGltYWdl' } }] },
    ]);
    expect(notAnImage.status).to.equal(400);
  });
});

describe('what Nano Banana makes of the images sent to it at Google', () => {
  const book = priceBookFor('', BUILTIN_PRICE_BOOK, 'google');
  const quote = (model: string, inputs: { width: number; height: number }[]) =>
    priceOf(
      { provider: 'google', model, prompt: 'make it dusk', inputs, edit: { kind: 'instruction' } },
      book,
      undefined,
      EDITS,
    );

  it('the models Google sells today follow an instruction, each image sent at most its tokens whatever its size', () => {
    for (const [model, tokens] of [
      ['gemini-nano-banana-2.1', 1120],
      ['gemini-3.1-flash-lite-image', 1120],
      ['gemini-3-pro-image', 560],
    ] as const) {
      const priced = quote(model, [{ width: 4096, height: 4096 }]);
      expect(priced.entry?.edits, model).to.deep.equal(['instruction']);
      expect(priced.fitted?.inputs, `${model}: sent at 1 MP at most`).to.deep.equal([{ width: 1024, height: 1024 }]);
      const line = priced.quote!.lines.find((each) => /Image 1 sent|The image to edit/.test(each.label))!;
      expect(line.label, model).to.contain(`at most ${tokens.toLocaleString('en')})`);
      // Gemini takes no mask: it paints nothing, erases nothing.
      expect(
        priceOf(
          { provider: 'google', model, inputs: [{ width: 64, height: 64 }], edit: { kind: 'mask' } },
          book,
          undefined,
          EDITS,
        ).problem,
      ).to.contain('cannot change only a painted area');
    }
    // 14 images a prompt, Google's card says: a fifteenth is refused before anything is sent.
    expect(
      quote(
        MODEL,
        Array.from({ length: 15 }, () => ({ width: 64, height: 64 })),
      ).problem,
    ).to.match(/14/);
    // Imagen edits nothing here (nor is it sold today).
    expect(BUILTIN_PRICE_BOOK['imagen-4'].google!.references?.max).to.equal(0);
  });

  it('an image sent is at most its tokens whatever its size, where a page lets it go larger than 1 MP', () => {
    const entry = book[MODEL].google!;
    const larger = mergePriceBook(book, { [MODEL]: { google: { ...entry, references: referenceRule(14) } } });
    const priced = priceOf(
      {
        provider: 'google',
        model: MODEL,
        prompt: 'x',
        inputs: [{ width: 2048, height: 1536 }],
        edit: { kind: 'instruction' },
      },
      larger,
      undefined,
      EDITS,
    );
    expect(priced.fitted?.inputs).to.deep.equal([{ width: 2048, height: 1536 }]);
    const line = priced.quote!.lines.find((each) => /Image 1 sent|The image to edit/.test(each.label))!;
    expect(line.label).to.contain('at most 1,120)');
    expect(line.atMost).to.equal(new Decimal(RATES.imageIn).mul(1120).div(1e6).toString());
  });

  it('an edit that goes on with a conversation prices each earlier image and the earlier words, and no more than 14', () => {
    const going = (earlier: unknown, model = MODEL, provider = 'google') =>
      priceOf(
        {
          provider: provider as 'google',
          model,
          prompt: 'and a moon',
          inputs: [{ width: 1024, height: 1024 }],
          edit: { kind: 'instruction', earlier } as never,
        },
        priceBookFor('', BUILTIN_PRICE_BOOK, provider as 'google'),
        undefined,
        EDITS,
      );
    const afresh = going(undefined).quote!;
    const twice = going({ images: 2, textBytes: 40 }).quote!;
    expect(twice.lines.map((line) => line.label).filter((label) => label.startsWith('Earlier'))).to.deep.equal([
      'Earlier image 1 sent again: about 1,120 tokens (may vary, at most 1,120)',
      'Earlier image 2 sent again: about 1,120 tokens (may vary, at most 1,120)',
      'Earlier instructions sent again: about 10 tokens (may vary, at most 40)',
    ]);
    // Two images at $1.50 per million tokens, and 40 tokens of words at most, at the same rate.
    const more = new Decimal(RATES.imageIn).mul(2240).add(new Decimal(RATES.textIn).mul(40)).div(1e6);
    expect(new Decimal(twice.atMost!).minus(afresh.atMost!).toString()).to.equal(more.toString());
    // The image and 13 earlier ones are the 14 a prompt takes; one more is refused before anything is sent.
    expect(going({ images: 13, textBytes: 0 }).problem).to.equal('');
    expect(going({ images: 14, textBytes: 0 }).problem).to.equal(
      'This conversation would send 15 images, more than the 14 Nano Banana 2.1 takes: edit the image afresh, without its conversation.',
    );
    expect(going({ images: 1, textBytes: 0 }, 'flux-2-pro', 'bfl').problem).to.match(/keeps no conversation here/);
    expect(going({ images: -1, textBytes: 0 }).problem).to.contain('`earlier` must be { images, textBytes }');
  });
});
