// The shadow parts custom-elements.json declares for <userpays-image> are exactly those it draws, over the states
// that draw them all (idle, custom size, running, result and history, lightbox, a paid failure, a charge that may have
// been made, an image not saved,
// a key's balance, Puter's account, the form before a capped sign-in, the editor and an edit's versions): no part
// documented that does not exist, none
// drawn that is not documented.
// Holds: src/elements/image/panels/image-panels.ts
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { UserPaysImage } from '../../../src/elements/image/userpays-image.js';
import { bflWidget } from '../../support/bfl-widget.js';
import { uniqueStorageKey } from '../../support/sim.js';
import { imageWidget } from '../../support/widget.js';
import { until } from '../../support/wait.js';
import { typeInstruction } from '../../support/editor.js';

const RUN = uniqueStorageKey();

/**
 * The panels load after the first paint, balances and images come from the simulator over HTTP: seconds, not
 * waitUntil's default second, on a busy machine.
 */

describe('<userpays-image>: its shadow parts', function () {
  this.timeout(30_000);

  it('are exactly the ones custom-elements.json declares', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const declared: string[] = manifest.modules
      .flatMap(
        (module: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }) => module.declarations ?? [],
      )
      .find((declaration: { tagName?: string }) => declaration.tagName === 'userpays-image')
      .cssParts.map((part: { name: string }) => part.name);
    const seen = new Set<string>();
    const look = (el: UserPaysImage) => {
      for (const node of el.shadowRoot!.querySelectorAll('[part]')) for (const name of node.part) seen.add(name);
    };
    const bfl = (scenario: string, prompt = 'a red fox') =>
      bflWidget({ scenario: `${scenario}`, run: RUN, prompt, apiKey: 'sim-test-key' });

    const el = await bfl('pending=1500;progress=moving');
    await until(
      () => el.shadowRoot!.querySelector('[part~=more]') && el.shadowRoot!.querySelector('[part~=balance]'),
      10_000,
    );
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details.details')!.open = true; // the price details
    await el.updateComplete;
    look(el);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.link')]
      .find((button) => button.textContent!.trim() === 'Custom size')!
      .click();
    await el.updateComplete;
    look(el);
    const running = el.generate();
    await until(() => el.shadowRoot!.querySelector('[part~=placeholder]'), 10_000);
    look(el);
    await running;
    el.prompt = 'a grey wolf';
    await el.generate();
    await until(() => el.shadowRoot!.querySelector('[part~=gallery]'), 10_000);
    el.shadowRoot!.querySelector<HTMLElement>('[part~=result] [data-action=open]')!.click();
    look(el);
    el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.lightbox')!.close();

    // Editing the latest image: the editor, its painting area and tools; the edit made, its versions.
    el.shadowRoot!.querySelector<HTMLElement>('[part~=result] [data-action=edit]')!.click();
    await until(() => el.shadowRoot!.querySelector('[part~=editor]'), 10_000);
    // Extending it: the extension, its own part, loaded at that choice.
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~=editor] input[value=extend]')!.click();
    await until(() => el.shadowRoot!.querySelector('[part~=extend]'), 10_000);
    look(el);
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~=editor] input[value=mask]')!.click();
    await el.updateComplete;
    const area = el.shadowRoot!.querySelector<HTMLElement>('[part~=mask]')!;
    for (const key of ['Enter', 'Enter'])
      area.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    await typeInstruction(el, 'a red door');
    look(el);
    await el.generate();
    await until(() => el.shadowRoot!.querySelector('[part~=versions]'), 10_000);
    look(el);

    const failed = await bfl('fault=content-moderated;pending=60'); // paid for, and no image
    await failed.generate().catch(() => {});
    await until(() => failed.shadowRoot!.querySelector('[part~=failures]'), 10_000);
    look(failed);

    // Moderated at the submit, after BFL's credits fell by its cost: it may have been charged, for the user to say.
    const uncertain = await bfl('fault=request-moderated;pending=60');
    await uncertain.generate().catch(() => {});
    await until(() => uncertain.shadowRoot!.querySelector('[part~=uncertain]'), 10_000);
    look(uncertain);

    // Its host refuses the page the bytes: shown from BFL's link, not saved.
    const refused = await imageWidget({
      provider: 'bfl',
      endpoint: `${location.origin}/sim/bfl/s/pending=60;run=${RUN}`,
      prompt: 'a fox',
    });
    refused.apiKey = 'sim-test-key';
    await refused.generate();
    await until(() => refused.shadowRoot!.querySelector('[part~=not-saved]'), 10_000);
    look(refused);

    const puter = await imageWidget({ provider: 'puter' });
    await until(() => puter.shadowRoot!.querySelector('[part~=sign-in]'), 10_000); // Puter's account part has loaded
    look(puter); // signed out: Sign in
    expect(puter.shadowRoot!.querySelector('[part~=sign-in]')!.getAttribute('data-provider')).to.equal('puter');
    expect(puter.shadowRoot!.querySelector('[part~=account]')).to.exist;

    // OpenRouter caps the key its sign-in gives: its button first asks how much the site may spend (once the sign-in's
    // part, which its click loads, is here).
    const openrouter = await imageWidget({ provider: 'openrouter', endpoint: `${location.origin}/sim/openrouter` });
    const signIn = await until(() => openrouter.shadowRoot!.querySelector<HTMLElement>('[part~=sign-in]'), 10_000);
    signIn.click();
    await until(() => openrouter.shadowRoot!.querySelector('[part~=grant]'), 10_000);
    look(openrouter);

    // Drawn only after a sign-in through the account system's own page (a window of its own): seen there.
    const elsewhere: Record<string, string> = {
      revoke: 'test/elements/image/accounts/sign-in.test.ts, after signing in with OpenRouter',
      'kept-outside': 'test/elements/image/editor/edit-an-image.test.ts, after a GPT Image edit with a mask',
    };
    expect([...seen, ...Object.keys(elsewhere)].sort()).to.deep.equal([...declared].sort());
  });
});
