// Three turns with Nano Banana through the user's Google key, headless (SPEC §13): `UserPays.generate({ edit })` naming
// the previous result by its gallery id goes on with the conversation that made it, each later turn sending every
// earlier turn again, each model image with its `thoughtSignature`; each turn priced for what it sends (its quote
// grows by its inputs) and booked exactly from `usageMetadata`; the tally counts three edits. A record whose earlier
// image lost its signature is refused by Google (400), said in words, nothing booked; an edit priced as going on with a
// conversation its image does not keep is refused before anything is sent.
// Holds: src/images/conversations.ts
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import { generate, tally } from '../../src/api.js';
import { submit } from '../../src/generation/submit.js';
import { LedgerStore } from '../../src/ledger/ledger.js';
import { priceOf } from '../../src/pricing/index.js';
import { EDITS } from '../../src/providers/registry/edit-prices.js';
import { BUILTIN_PRICE_BOOK, priceBookFor } from '../../src/providers/registry/prices.js';
import type { Conversation, Turn } from '../../src/providers/provider.js';
import { MemoryStorage } from '../support/ledger.js';
import type { UserPaysError } from '../../src/base/errors.js';
import { ImageStore } from '../../src/images/image-store.js';
import { controlledClock } from '../support/clock.js';
import { pngBlob, referenceImage } from '../support/images.js';
import { simCharged, simEndpoint, submissionsOf, turnsSent, unique } from '../support/sim.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';

const TODAY = '2026-11-28T12:00:00Z';
const MODEL = 'gemini-nano-banana-2.1';

describe('UserPays.generate: three turns with Nano Banana at Google', function () {
  this.timeout(60_000);
  controlledClock(TODAY);
  const newStorageKey = storageKeysForgottenAfterEach();

  /** A turn: `prompt` over `image` (a Blob, or the gallery id of the previous result), at the simulator under `run`. */
  const turn = (image: Blob | string, prompt: string, options: object) =>
    generate({ provider: 'google', model: MODEL, prompt, edit: { image, kind: 'instruction' } }, options);

  /** The newest image the gallery of `storageKey` keeps. */
  const newest = async (storageKey: string) => (await new ImageStore({ storageKey }).list())[0];

  it('each later turn carries every earlier image’s signature, is priced for it, and the tally counts three edits', async () => {
    const storageKey = newStorageKey();
    const run = unique('nb-headless');
    const apiKey = unique('goog-headless');
    const options = {
      apiKey,
      storageKey,
      endpoint: simEndpoint('google', `now=${TODAY};pending=20;run=${run}`, { crossOrigin: true }),
    };
    const first = await turn(await pngBlob(512, 512), 'make the sky purple', options);
    const one = await newest(storageKey);
    const second = await turn(one.id, 'add a moon', options);
    expect(second.editOf).to.equal(one.id);
    const two = await newest(storageKey);
    const third = await turn(two.id, 'and a lighthouse', options);
    expect(third.editOf).to.equal(two.id);
    const three = await newest(storageKey);

    const [sentFirst, sentSecond, sentThird] = await turnsSent(run);
    expect(sentFirst.map((each) => each.role)).to.deep.equal(['user']);
    expect(sentSecond.map((each) => each.role)).to.deep.equal(['user', 'model', 'user']);
    expect(sentThird.map((each) => each.role)).to.deep.equal(['user', 'model', 'user', 'model', 'user']);
    // Every earlier image the model made goes back with the signature Google gave it, as its record keeps it.
    // (The store keeps each signature in a Blob, which a read of the gallery does not load.)
    const [signedOne, signedTwo] = await Promise.all([one, two].map((image) => image.conversation!.signature.text()));
    expect(sentSecond[1].parts[0].thoughtSignature).to.equal(signedOne);
    expect([sentThird[1], sentThird[3]].map((each) => each.parts[0].thoughtSignature)).to.deep.equal([
      signedOne,
      signedTwo,
    ]);
    expect(sentThird[0].parts[1].inlineData, 'the first image, sent again').to.deep.include({ width: 512 });
    expect(three.conversation!.turns).to.have.length(5);

    // Each turn's quote grows by what it sends again: a line for each earlier image, and the earlier words.
    const labels = (result: typeof first) => result.quote.lines.map((line) => line.label);
    expect(labels(first).some((label) => label.startsWith('Earlier'))).to.equal(false);
    expect(labels(second).filter((label) => label.startsWith('Earlier image'))).to.have.length(1);
    expect(labels(third).filter((label) => label.startsWith('Earlier image'))).to.deep.equal([
      'Earlier image 1 sent again: about 1,120 tokens (may vary, at most 1,120)',
      'Earlier image 2 sent again: about 1,120 tokens (may vary, at most 1,120)',
    ]);
    expect(labels(third)).to.include('Earlier instructions sent again: about 8 tokens (may vary, at most 29)');
    const most = [first, second, third].map((result) => new Decimal(result.quote.atMost!));
    expect(most[1].gt(most[0]) && most[2].gt(most[1]), 'each turn at most more than the last').to.equal(true);
    // Each booked exactly what Google billed, within what its quote said at most.
    const charged = [first, second, third].map((result) => result.charged);
    expect(Decimal.sum(...charged).toString()).to.equal(await simCharged('google', apiKey));
    charged.forEach((each, index) => expect(new Decimal(each).lte(most[index])).to.equal(true));
    expect(await tally(storageKey)).to.deep.include({ images: 3, spent: Decimal.sum(...charged).toString() });
  });

  it('a later turn whose earlier image lost its signature: Google refuses it (400), said in words, nothing booked', async () => {
    const storageKey = newStorageKey();
    const run = unique('nb-unsigned');
    const apiKey = unique('goog-unsigned');
    const options = {
      apiKey,
      storageKey,
      endpoint: simEndpoint('google', `now=${TODAY};pending=20;run=${run}`, { crossOrigin: true }),
    };
    await turn(await pngBlob(512, 512), 'make the sky purple', options);
    await turn((await newest(storageKey)).id, 'add a moon', options);
    // The record of the second image keeps the first's turn without its signature (as a store that lost it would).
    const store = new ImageStore({ storageKey });
    const two = await newest(storageKey);
    const [part] = two.conversation!.turns[1].parts;
    if (!('image' in part)) throw new Error('the model’s turn is its image');
    delete part.signature;
    await store.put(two);
    const before = await tally(storageKey);
    const refused = await turn(two.id, 'and a lighthouse', options).then(
      () => expect.fail('Google refuses a model image without its signature'),
      (error: UserPaysError) => error,
    );
    expect(refused.code).to.equal('invalid-input');
    expect(refused.message).to.match(/^Google would not go on with the conversation that made this image/);
    expect(refused.message).to.contain('Nothing was charged.');
    const [, , third] = await turnsSent(run);
    expect(third[1].parts[0].thoughtSignature).to.equal(undefined);
    expect(await tally(storageKey)).to.deep.include({ images: before.images, spent: before.spent });
    expect((await tally(storageKey)).uncertain).to.equal(undefined);
  });

  it('an edit priced as going on with a conversation its image does not keep is refused in words, nothing sent', async () => {
    const storageKey = newStorageKey();
    const run = unique('nb-not-kept');
    const endpoint = simEndpoint('google', `now=${TODAY};pending=20;run=${run}`, { crossOrigin: true });
    const ledger = new LedgerStore({ storageKey, storage: new MemoryStorage() });
    const asked = {
      provider: 'google' as const,
      model: MODEL,
      prompt: 'add a moon',
      width: 1024,
      height: 1024,
      count: 1,
      inputs: [referenceImage(1024, 1024)],
      edit: { kind: 'instruction' as const, earlier: { images: 1, textBytes: 19 } },
    };
    /** `asked` with `conversation` submitted: what it was refused with. */
    const refusal = (conversation?: Conversation) =>
      submit({
        asked: { ...asked, ...(conversation && { conversation }) },
        priced: priceOf({ ...asked, endpoint }, priceBookFor(endpoint, BUILTIN_PRICE_BOOK, 'google'), undefined, EDITS),
        endpoint,
        relay: '',
        apiKey: unique('goog-not-kept'),
        budget: null,
        budgetProblem: '',
        ledger,
        images: Promise.resolve(new ImageStore({ storageKey })),
        signal: new AbortController().signal,
        urlOf: ({ blob }) => URL.createObjectURL(blob),
      }).then(
        () => expect.fail('an edit priced so is refused'),
        (error: UserPaysError) => error,
      );
    const turns: Turn[] = [
      { role: 'user', parts: [{ text: 'make the sky purple' }, { image: { mimeType: 'image/png', data: 'AA==' } }] },
    ];
    const ofAnother: Conversation = { provider: 'google', model: 'gemini-3-pro-image', turns, signature: 's' };
    for (const conversation of [undefined, ofAnother, { ...ofAnother, model: MODEL, turns: [] }]) {
      const error = await refusal(conversation);
      expect(error.code).to.equal('invalid-input');
      expect(error.message).to.equal(
        'This edit was priced as going on with the conversation that made its image, but that image keeps no such conversation with this model here: choose the image again.',
      );
    }
    expect(await submissionsOf('google', run)).to.deep.equal([]);
    expect(ledger.entries()).to.deep.equal([]);
  });
});
