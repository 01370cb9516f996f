// The mask painter's tools and painting area: named, their state said (pressed, disabled where they would do
// nothing), each a target 24 px tall at least, its instructions tied to it, in the element's language; and axe finds
// nothing against WCAG 2.2 AA.
import { expect } from '@open-wc/testing';
import { editor } from '../../../../../src/strings/image/editor.js';
import { editor as german } from '../../../../../src/translations/de/image/editor.js';
import { mountPainter, unmountPainters } from '../../../../support/mask-painter.js';
import { expectWcag22 } from '../../../../support/axe.js';

afterEach(unmountPainters);

const names = (root: ShadowRoot) => [...root.querySelectorAll('button')].map((button) => button.textContent!.trim());
const disabled = (root: ShadowRoot) =>
  [...root.querySelectorAll('button')].filter((button) => button.disabled).map((button) => button.textContent!.trim());

describe('the mask painter’s tools', () => {
  it('names each tool, and disables those that would do nothing', async () => {
    const painter = await mountPainter();
    const { root } = painter;
    const tools = root.querySelector('[part~="mask-tools"]')!;
    expect(tools.getAttribute('role')).to.equal('group');
    expect(tools.getAttribute('aria-label')).to.equal(editor.maskTools());
    expect(names(root)).to.deep.equal([
      editor.brush(),
      editor.eraser(),
      editor.undo(),
      editor.redo(),
      editor.clear(),
      editor.invert(),
      editor.markRectangle(),
    ]);
    expect(disabled(root)).to.deep.equal([editor.undo(), editor.redo(), editor.clear()]);
    expect(painter.button('Brush').getAttribute('aria-pressed')).to.equal('true');
    expect(painter.button('Eraser').getAttribute('aria-pressed')).to.equal('false');

    const slider = root.querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(slider.labels![0]!.textContent).to.contain(editor.brushSize());
    expect([slider.min, slider.max, slider.value]).to.deep.equal(['2', '80', '16']);
    expect(slider.getAttribute('aria-valuetext')).to.equal(editor.brushPixels(16));

    await painter.stroke([[100, 100]]);
    expect(disabled(root)).to.deep.equal([editor.redo()]);
    await painter.click('Undo');
    expect(disabled(root)).to.deep.equal([editor.undo(), editor.clear()]);
    await painter.click('Eraser');
    expect(painter.button('Brush').getAttribute('aria-pressed')).to.equal('false');
    expect(painter.button('Eraser').getAttribute('aria-pressed')).to.equal('true');
  });

  it('makes the painting area focusable, named, with its instructions and its share painted said politely', async () => {
    const painter = await mountPainter();
    const { area, root } = painter;
    expect(area.tabIndex).to.equal(0);
    expect(area.getAttribute('aria-label')).to.equal(editor.maskLabel());
    const instructions = root.getElementById(area.getAttribute('aria-describedby')!)!;
    expect(instructions.textContent).to.equal(editor.maskInstructions());
    const status = root.querySelector('[role="status"]')!;
    expect(status.textContent!.trim()).to.equal(editor.nothingPainted());
  });

  it('makes each tool, the brush’s size among them, a target 24 px tall at least (WCAG 2.5.8)', async () => {
    const { root } = await mountPainter();
    const targets = [...root.querySelectorAll<HTMLElement>('[part~="mask-tools"] :is(button, input)')];
    expect(targets.map((target) => target.getBoundingClientRect().height >= 24)).to.deep.equal(targets.map(() => true));
    expect(targets.some((target) => target.matches('input[type="range"]'))).to.equal(true);
  });

  it('passes axe, with nothing painted, with paint, and with the rectangle placed', async () => {
    const painter = await mountPainter();
    await expectWcag22(painter.host);
    await painter.stroke([[100, 100]]);
    await painter.press('Enter');
    await expectWcag22(painter.host);
  });

  it('speaks the element’s language', async () => {
    const painter = await mountPainter({ translation: { editor: german } });
    expect(names(painter.root)).to.deep.equal([
      'Pinsel',
      'Radierer',
      'Rückgängig',
      'Wiederholen',
      'Leeren',
      'Umkehren',
      'Rechteck markieren',
    ]);
    expect(painter.area.getAttribute('aria-label')).to.equal(german.maskLabel());
    await painter.press('Enter');
    await painter.press('Enter');
    expect(painter.said()).to.equal(german.painted('6%'));
  });
});
