// What a form field's event says, read from the field it came from: its text, whether it is ticked, and nothing from
// an element that is no field.
import { expect } from '@open-wc/testing';
import { checkedOf, valueOf } from '../../../src/elements/shared/fields.js';

/** The event `type` as `target` fires it. */
function firedBy(target: EventTarget, type = 'input'): Event {
  let fired: Event | undefined;
  target.addEventListener(type, (event) => (fired = event));
  target.dispatchEvent(new Event(type));
  if (!fired) throw new Error('the event did not fire');
  return fired;
}

describe('a field read from its event', () => {
  it('gives the text of an input, a text area and a select', () => {
    const input = Object.assign(document.createElement('input'), { value: 'a fox' });
    const area = Object.assign(document.createElement('textarea'), { value: 'two\nlines' });
    const select = document.createElement('select');
    select.append(new Option('1:1', '1024x1024'), new Option('16:9', '1344x768', true, true));
    expect(valueOf(firedBy(input))).to.equal('a fox');
    expect(valueOf(firedBy(area))).to.equal('two\nlines');
    expect(valueOf(firedBy(select, 'change'))).to.equal('1344x768');
  });

  it('says whether a checkbox is ticked', () => {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: true });
    expect(checkedOf(firedBy(box, 'change'))).to.equal(true);
    box.checked = false;
    expect(checkedOf(firedBy(box, 'change'))).to.equal(false);
  });

  it('reads nothing from an element that is no field', () => {
    const button = document.createElement('button');
    button.value = 'not a field';
    expect(valueOf(firedBy(button, 'click'))).to.equal('');
    expect(checkedOf(firedBy(button, 'click'))).to.equal(false);
  });
});
