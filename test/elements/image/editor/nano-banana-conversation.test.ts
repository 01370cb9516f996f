// Three turns with Nano Banana through the user's Google key, in the widget, as a user edits (SPEC §13): an image of
// their own, then Edit on each result goes on with the conversation that made it (said in the editor, with what it
// sends again and the most that adds), each later turn sending every earlier image with its `thoughtSignature`, each
// turn's quote grown by its inputs, the tally counting three edits; the user may start afresh instead. An earlier
// image whose signature was lost is refused by Google (400): the widget says so in words, and nothing is booked.
// Holds: src/elements/image/editor/panel/conversation.ts
import { expect, oneEvent } from '@open-wc/testing';
import Decimal from 'decimal.js';
import '../../../../src/define.js';
import type { ErrorDetail, GenerationResult } from '../../../../src/base/types.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { ImageStore } from '../../../../src/images/image-store.js';
import { expectWcag22 } from '../../../support/axe.js';
import { controlledClock } from '../../../support/clock.js';
import { pngBlob } from '../../../support/images.js';
import { simEndpoint, turnsSent, unique } from '../../../support/sim.js';
import { until, waitUntil } from '../../../support/wait.js';
import {
  decision,
  generateButton,
  imageAction,
  imageWidgetsForgottenAfterEach,
  part,
  tiles,
  words,
} from '../../../support/widget.js';

const TODAY = '2026-11-28T12:00:00Z';
const MODEL = 'gemini-nano-banana-2.1';

/** The editor's line that says it goes on with the image's conversation, and its box. */
const goesOn = (el: UserPaysImage) => part(el, 'editor')?.querySelector<HTMLLabelElement>('.edit-goes-on');

/** Edit on the newest image, as a user clicks it: the editor open on it, its instruction typed. */
async function editNewest(el: UserPaysImage, instruction: string) {
  const tile = tiles(el)[0];
  (imageAction(tile, 'edit') as HTMLButtonElement).click();
  await until(() => goesOn(el), 10_000, 'the editor opens, going on with the conversation');
  const box = part(el, 'editor')!.querySelector<HTMLTextAreaElement>('#edit-instruction')!;
  box.value = instruction;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return tile.dataset.id!;
}

/**
 * Generate clicked, a gesture of its own (`later`: the widget's clock moved on past the one before): the result's detail,
 * or the error's, where it was refused.
 */
async function send(el: UserPaysImage, later: () => void) {
  later();
  const outcome: Promise<{ result?: GenerationResult; error?: ErrorDetail }> = Promise.race([
    oneEvent(el, 'userpays-result').then((event) => ({ result: event.detail })),
    oneEvent(el, 'userpays-error').then((event) => ({ error: event.detail })),
  ]);
  generateButton(el).click();
  return outcome;
}

describe('<userpays-image>: three turns with Nano Banana at Google', function () {
  this.timeout(60_000);
  const clock = controlledClock(TODAY);
  const later = () => clock.advance(1000);
  const mount = imageWidgetsForgottenAfterEach();

  async function widget(run: string) {
    const storageKey = unique('nb-widget');
    const el = await mount(
      {
        provider: 'google',
        model: MODEL,
        locale: 'en-US',
        'storage-key': storageKey,
        prompt: 'make the sky purple',
        endpoint: simEndpoint('google', `now=${TODAY};pending=20;run=${run}`, { crossOrigin: true }),
      },
      { apiKey: unique('goog-widget') },
    );
    return { el, storageKey };
  }

  it('each Edit goes on with the conversation: every earlier signature sent, the quote grown, three edits counted', async () => {
    const run = unique('nb-three');
    const { el } = await widget(run);
    const first = await el.generate({ edit: { image: await pngBlob(512, 512), kind: 'instruction' } });
    await waitUntil(() => tiles(el)[0] && !part(el, 'editor'), 'the first edit is shown');

    const one = await editNewest(el, 'add a moon');
    const line = goesOn(el)!;
    expect(line.querySelector('input')!.checked).to.equal(true);
    expect(words(line)).to.match(
      /^Go on with the conversation that made this image: sends its earlier image again, at most \$0\.00\d+ more$/,
    );
    const secondSent = await send(el, later);
    expect(secondSent.result!.editOf).to.equal(one);
    await waitUntil(() => tiles(el)[0]?.dataset.id !== one && !part(el, 'editor'), 'the second edit is shown');
    // Its instruction was the edit's own: the form's prompt and model are as they were.
    expect([el.prompt, el.model]).to.deep.equal(['make the sky purple', MODEL]);

    const two = await editNewest(el, 'and a lighthouse');
    expect(words(goesOn(el))).to.match(/sends its 2 earlier images again, at most \$0\.00\d+ more$/);
    await expectWcag22(el);
    // Another model keeps no part of this conversation: it edits the image afresh, and says nothing of going on.
    el.model = 'gemini-3-pro-image';
    await el.updateComplete;
    expect(goesOn(el)).to.equal(null);
    el.model = MODEL;
    await el.updateComplete;
    // Starting afresh sends the image alone: the price falls; going on again brings it back.
    const goingOn = decision(el).price;
    goesOn(el)!.querySelector('input')!.click();
    await el.updateComplete;
    expect(decision(el).price).to.not.equal(goingOn);
    goesOn(el)!.querySelector('input')!.click();
    await el.updateComplete;
    expect(decision(el).price).to.equal(goingOn);
    const thirdSent = await send(el, later);
    expect(thirdSent.result!.editOf).to.equal(two);

    const [, second, third] = await turnsSent(run);
    expect(second.map((turn) => turn.role)).to.deep.equal(['user', 'model', 'user']);
    expect(third.map((turn) => turn.role)).to.deep.equal(['user', 'model', 'user', 'model', 'user']);
    for (const model of [second[1], third[1], third[3]])
      expect(model.parts[0].thoughtSignature, 'each earlier image with its signature').to.be.a('string');
    expect(third[1].parts[0].thoughtSignature).to.equal(second[1].parts[0].thoughtSignature);
    expect(third[4].parts).to.deep.equal([{ text: 'and a lighthouse' }]);
    const most = [first, secondSent.result!, thirdSent.result!].map((result) => new Decimal(result.quote.atMost!));
    expect(most[1].gt(most[0]) && most[2].gt(most[1]), 'each turn’s quote grows by its inputs').to.equal(true);
    expect(el.tally?.images).to.equal(3);
    expect(el.tally?.uncertain).to.equal(undefined);

    // A new image, made from the prompt alone, starts a conversation of its own.
    await until(() => !part(el, 'editor'), 10_000, 'the third edit is shown');
    el.prompt = 'a harbour at noon';
    later();
    await el.generate();
    const [, , , fresh] = await turnsSent(run);
    expect(fresh).to.deep.equal([{ role: 'user', parts: [{ text: 'a harbour at noon' }] }]);
  });

  it('an earlier image without its signature: Google’s 400, said in words, nothing booked', async () => {
    const run = unique('nb-unsigned');
    const { el, storageKey } = await widget(run);
    await el.generate({ edit: { image: await pngBlob(512, 512), kind: 'instruction' } });
    await waitUntil(() => tiles(el)[0] && !part(el, 'editor'), 'the first edit is shown');
    await editNewest(el, 'add a moon');
    await send(el, later);
    await waitUntil(() => !part(el, 'editor') && tiles(el).length === 2, 'the second edit is shown');
    // The second image's record keeps the first's turn without its signature, as a store that lost it would.
    const store = new ImageStore({ storageKey });
    const record = (await store.list())[0];
    const [made] = record.conversation!.turns[1].parts;
    if (!('image' in made)) throw new Error('the model’s turn is its image');
    delete made.signature;
    await store.put(record);
    const spent = el.tally!.spent;
    await editNewest(el, 'and a lighthouse');
    const { error } = await send(el, later);
    expect(error!.code).to.equal('invalid-input');
    const said = words(part(el, 'error'));
    expect(said).to.contain('Google would not go on with the conversation that made this image');
    expect(said).to.contain('Nothing was charged.');
    await el.updateComplete;
    expect(el.tally).to.deep.include({ images: 2, spent });
    expect(el.tally?.uncertain).to.equal(undefined);
  });

  it('says it in German on a German page', async () => {
    const run = unique('nb-german');
    const { el } = await widget(run);
    el.setAttribute('lang', 'de');
    await el.generate({ edit: { image: await pngBlob(256, 256), kind: 'instruction' } });
    await waitUntil(() => tiles(el)[0] && !part(el, 'editor'), 'the edit is shown');
    (imageAction(tiles(el)[0], 'edit') as HTMLButtonElement).click();
    await until(() => goesOn(el), 10_000, 'the editor opens, going on with the conversation');
    await el.updateComplete;
    expect(words(goesOn(el))).to.match(
      /^Das Gespräch fortsetzen, aus dem dieses Bild stammt: sendet sein früheres Bild erneut, höchstens \$0\.00\d+ mehr$/,
    );
  });
});
