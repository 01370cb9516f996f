// Typing a custom size: clearing Width (select all, Backspace) must not make the shapes, the sizes, Width/Height and
// the reference area disappear for good ("The image is made at the size of the image to edit.").
// A side being typed is a size not yet valid: every control stays, the price is withheld with the reason, and
// typing the side again brings it back.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/define.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { imageWidget } from '../../../support/widget.js';

const root = (el: UserPaysImage) => el.shadowRoot!;
const field = (el: UserPaysImage, name: string) => root(el).querySelector<HTMLInputElement>(`[name=${name}]`);

/** A FLUX.2 [pro] widget at BFL with `prompt`, its key entered, once More options are here (`what`, as waited for). */
async function proWidget(prompt: string, what = 'the panels') {
  const el = await imageWidget({ provider: 'bfl', model: 'flux-2-pro', locale: 'en-US', prompt });
  el.apiKey = 'sim-test-key';
  await waitUntil(() => root(el).querySelector('[part~=more]'), what);
  return el;
}

describe('<userpays-image>: a custom size being typed', () => {
  it('clearing Width keeps every control, withholds the price, and typing it again brings the price back', async () => {
    const el = await proWidget('a fox', 'More options (with the reference area) are here');
    const custom = [...root(el).querySelectorAll<HTMLButtonElement>('button.link')].find(
      (button) => button.textContent!.trim() === 'Custom size',
    )!;
    custom.click();
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement === field(el, 'width'), 'the focus in Width');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(field(el, 'width')!.value).to.equal('');
    expect(root(el).querySelectorAll('[part~=shape]').length, 'the shapes').to.equal(9);
    expect(field(el, 'height'), 'Height').to.exist;
    expect(root(el).querySelector('[part~=more] .drop'), 'the reference area').to.exist;
    expect(root(el).textContent).not.to.contain('made at the size of the image to edit');
    expect(root(el).querySelector('[part~=cost] strong')!.textContent!.trim()).to.equal('—');
    expect(root(el).querySelector<HTMLButtonElement>('[part~=submit]')!.disabled).to.equal(true);
    expect(root(el).querySelector('#reason')!.textContent!.trim()).not.to.equal('');
    await sendKeys({ type: '768' });
    await el.updateComplete;
    expect([el.width, el.height]).to.deep.equal([768, 1024]);
    expect(root(el).querySelector('[part~=cost] strong')!.textContent).to.match(/^\$0\.0\d+/);
    expect(root(el).querySelector<HTMLButtonElement>('[part~=submit]')!.disabled).to.equal(false);
  });

  it('a size the model cannot make marks Width and Height and says why under them; a good one clears them', async () => {
    const el = await proWidget('a fox');
    el.width = 1000;
    await el.updateComplete;
    const marks = () =>
      ['width', 'height'].map((name) => {
        const input = field(el, name)!;
        const said = root(el).getElementById(input.getAttribute('aria-describedby') ?? '');
        return [input.getAttribute('aria-invalid'), said?.textContent?.trim() ?? ''];
      });
    const reason = root(el).querySelector('#reason span')!.textContent!.trim();
    expect(reason).to.match(/multiple of 16/);
    expect(marks()).to.deep.equal([
      ['true', reason],
      ['true', reason],
    ]);
    el.width = 1008;
    await el.updateComplete;
    expect(marks()).to.deep.equal([
      [null, ''],
      [null, ''],
    ]);
  });

  it('a problem that is not the size (no prompt) marks neither field', async () => {
    const el = await proWidget('');
    el.width = 1008;
    await el.updateComplete;
    expect(field(el, 'width')!.hasAttribute('aria-invalid')).to.equal(false);
  });
});
