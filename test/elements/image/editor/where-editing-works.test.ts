// Where an edit cannot be chosen, visible words say why, never a title alone (a touch user never sees one): a kind of
// edit no model of the provider in force makes (Pollinations follows instructions only: no painted area, no erase, no
// extend) is said under the choices, in English and in German, each such choice described by those words; and where no
// model of the provider edits at all (Hugging Face), More options says so where "Edit an image of your own" would be.
// Holds: src/elements/image/editor/panel/view/editor-template.ts
// Holds: src/elements/image/options/panel/more.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import { expectWcag22 } from '../../../support/axe.js';
import { pngBlob } from '../../../support/images.js';
import { simEndpoint, uniqueStorageKey } from '../../../support/sim.js';
import { until } from '../../../support/wait.js';
import { imageWidget, panelsLoaded, part, words } from '../../../support/widget.js';

/** A Pollinations widget in `lang`, the editor open on an image of the user's own (nothing sent). */
async function editingAtPollinations(lang: string) {
  const el = await imageWidget({
    provider: 'pollinations',
    lang,
    locale: 'en-US',
    'storage-key': uniqueStorageKey(),
    endpoint: simEndpoint('pollinations'),
  });
  await panelsLoaded(el);
  await el.editImage(await pngBlob(300, 200));
  const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
  await el.updateComplete;
  return { el, editor };
}

describe('where an edit cannot be chosen, words say why', function () {
  this.timeout(30_000);

  it('the kinds no model at Pollinations makes: said under the choices, seen, and describing each', async () => {
    const { el, editor } = await editingAtPollinations('en');
    const kinds = [...editor.querySelectorAll<HTMLInputElement>('input[name=edit-kind]')];
    expect(kinds.map((kind) => [kind.value, kind.disabled])).to.deep.equal([
      ['instruction', false],
      ['mask', true],
      ['erase', true],
      ['extend', true],
    ]);
    const why = editor.querySelector<HTMLElement>('#edit-kinds-not-here');
    expect(words(why)).to.equal(
      '“Change the painted area”, “Erase the painted area” and “Extend the image”: no model at Pollinations does these.',
    );
    // Seen, not hidden, and not a title's alone.
    const box = why!.getBoundingClientRect();
    expect(box.width * box.height, 'the reason takes room on the page').to.be.greaterThan(0);
    expect(getComputedStyle(why!).visibility).to.equal('visible');
    expect(editor.querySelectorAll('.edit-kind[title], .edit-kind [title]').length, 'no reason in a title').to.equal(0);
    for (const kind of kinds)
      expect(kind.getAttribute('aria-describedby'), kind.value).to.equal(kind.disabled ? 'edit-kinds-not-here' : null);
    await expectWcag22(el);
  });

  it('says it in German too', async () => {
    const { editor } = await editingAtPollinations('de');
    expect(words(editor.querySelector('#edit-kinds-not-here'))).to.equal(
      '„Bemalten Bereich ändern“, „Bemalten Bereich entfernen“ und „Bild erweitern“: Kein Modell bei Pollinations kann das.',
    );
  });

  it('where every kind can be chosen, no reason is said', async () => {
    const el = await imageWidget({ provider: 'bfl', 'storage-key': uniqueStorageKey(), endpoint: simEndpoint('bfl') });
    await panelsLoaded(el);
    await el.editImage(await pngBlob(300, 200));
    const editor = await until(() => part(el, 'editor'), 10_000, 'the editor opens');
    await el.updateComplete;
    expect(
      [...editor.querySelectorAll<HTMLInputElement>('input[name=edit-kind]')].some((kind) => kind.disabled),
    ).to.equal(false);
    expect(editor.querySelector('#edit-kinds-not-here')).to.equal(null);
  });

  it('where no model at the provider edits (Hugging Face), More options says so in place of editing one’s own', async () => {
    const el = await imageWidget({ provider: 'huggingface', locale: 'en-US', 'storage-key': uniqueStorageKey() });
    await panelsLoaded(el);
    const more = part(el, 'more') as HTMLDetailsElement;
    more.open = true;
    await el.updateComplete;
    const why = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.edit-not-here'), 5_000, 'the reason');
    expect(words(why)).to.equal(
      'No model at Hugging Face edits images: choose a provider whose models do, then edit the image.',
    );
    expect(why.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('.edit-own input[type=file]')).to.equal(null);
    // The page turned editing off: its own choice, nothing said of models.
    el.setAttribute('edit', 'off');
    await until(() => !el.shadowRoot!.querySelector('.edit-not-here'), 5_000, 'no reason said of models');
  });
});
