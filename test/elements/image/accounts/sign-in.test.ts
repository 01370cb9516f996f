// Sign in with OpenRouter and with Hugging Face in the demo page (its simulators, under its strict CSP), as a user
// does: by popup (the page stays as it is, the prompt being typed with it) and by redirect where popups are blocked
// (the page leaves for the account system and comes back with its form); the key the sign-in gives pays, the account
// line says what is left, Sign out forgets it, and the key goes only to the provider's own origin.
// Holds: src/elements/image/accounts/panel/accounts.ts
// Holds: src/elements/image/accounts/panel/sign-in-button.ts
// Holds: src/elements/image/accounts/panel/sign-in-on-demand.ts
// Holds: src/elements/image/accounts/panel/sign-in/index.ts
// Holds: src/elements/image/accounts/panel/sign-in/sign-in-controller.ts
// Holds: src/elements/image/accounts/panel/sign-in/sign-in.ts
// Holds: src/providers/engine/oauth.ts
// Holds: src/elements/image/accounts/panel/accounts-feature.ts
// Holds: src/elements/image/accounts/panel/key-field-view.ts
import { expect } from '@open-wc/testing';
import '../../../../src/define.js';
import { countReplies } from '../../../support/record-fetches.js';
import { uniqueStorageKey } from '../../../support/sim.js';
import Decimal from 'decimal.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { LedgerStore } from '../../../../src/ledger/ledger.js';
import { until } from '../../../support/wait.js';
import {
  authorize,
  demoForgottenAfterEach,
  demoSignInButton,
  demoWidget,
  openDemo,
  signInButton,
  signInPage,
  toProvider,
  withPopup,
  signInByPopup,
} from '../../../support/demo.js';
import { accountLine, blocked, generateButton, imageWidget, part, words } from '../../../support/widget.js';
import type { UserPaysError } from '../../../../src/base/errors.js';

/**
 * Once the key has been read again (`reads`, stopped here): the account line still says `provider`'s account has not
 * enough credit for this image, and says nothing is left.
 */
async function stillNotEnoughCredit(widget: UserPaysImage, reads: { stop(): void }, provider: string) {
  reads.stop();
  await widget.updateComplete;
  await widget.updateComplete;
  expect(accountLine(widget)).to.contain(`Your ${provider} account does not have enough credit for this image`);
  expect(accountLine(widget)).not.to.contain('left');
}

describe('Sign in with OpenRouter and Hugging Face (the demo, its simulators)', function () {
  this.timeout(40_000);
  // What a test's images and ledger left under the demo's storage key is forgotten before the next test (here or in
  // another file: demo.test.ts counts the demo's images) may open the demo.
  demoForgottenAfterEach();

  for (const [provider, name] of [
    ['openrouter', 'OpenRouter'],
    ['huggingface', 'Hugging Face'],
  ] as const) {
    it(`${name} by popup: the page and the prompt being typed stay; the key pays; Sign out forgets it`, async () => {
      const { view, widget, button } = await demoSignInButton(provider);
      expect(words(button)).to.equal(`Sign in with ${name}`);
      widget.prompt = 'a paper lantern on a dark river'; // being typed
      // No key yet: Generate says what is missing, pointing to the sign-in first, and its fix signs in, as the
      // account's own button does (OpenRouter asks for the key's cap first, in the widget; Hugging Face leaves at once).
      const { reason, fix } = blocked(widget);
      expect([reason, words(fix)]).to.deep.equal([`Not signed in to ${name}`, 'Sign in']);
      let popup = await withPopup(view, () => fix!.click());
      if (provider === 'openrouter') {
        expect(popup, 'no popup before the cap').to.equal(null);
        const grant = await until(() => part(widget, 'grant'), 5000);
        await until(() => widget.shadowRoot!.activeElement?.id === 'grant-cap', 2000, 'the cap focused');
        popup = await withPopup(view, () => grant.querySelector<HTMLElement>('button.secondary')!.click());
      } else expect(widget.shadowRoot!.activeElement).to.equal(button);
      expect(popup, 'a popup from the click').to.exist;
      await authorize(() => popup);
      await until(() => accountLine(widget).startsWith(`Signed in with ${name}`), 8000);
      await until(() => popup!.closed, 5000);
      expect(widget.prompt).to.equal('a paper lantern on a dark river');
      expect(view.location.search, 'nothing of the sign-in left in the address').to.equal('');
      expect(widget.apiKey, 'the key the sign-in gave').to.not.equal('');

      // The key pays: the price before the click is what is booked.
      const preview = widget.quote!.total;
      const result = await widget.generate();
      expect(result.images).to.have.length(1);
      expect(result.charged).to.equal(preview);

      // Refused (401): said as the sign-in's key, never as a key to check, which the user never typed; Hugging Face in
      // its own words for it. Either way, that nothing was charged.
      const endpoint = widget.endpoint;
      widget.endpoint = `${new URL(endpoint || `/sim/${provider}`, view.location.href).href.replace(/\/$/, '')}/s/fault=401`;
      const refused = await widget.generate().then(
        () => undefined,
        (thrown: Error) => thrown.message,
      );
      expect(refused).to.equal(
        provider === 'openrouter'
          ? 'OpenRouter no longer accepts the key your sign-in gave (it may have been revoked, or have run out). Sign in again. Nothing was charged.'
          : 'Hugging Face did not accept your sign-in: it may have expired. Sign in with Hugging Face again, then try again. Nothing was charged.',
      );
      widget.endpoint = endpoint;
      await widget.updateComplete;

      // Sign out forgets it, in memory and on disk.
      const key = widget.apiKey;
      const signOut = [...widget.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=account] button')].find(
        (b) => words(b) === 'Sign out',
      )!;
      signOut.click();
      await widget.updateComplete;
      expect(widget.apiKey).to.equal('');
      expect(part(widget, 'sign-in'), 'Sign in again').to.exist;
      const stored = [...Array(view.localStorage.length).keys()].map((i) =>
        view.localStorage.getItem(view.localStorage.key(i)!),
      );
      expect(stored.join('\n')).to.not.contain(key);
      expect(JSON.stringify({ ...view.sessionStorage })).to.not.contain(key);
    });

    it(`${name}: its sign-in page gets no window.opener, and the widget keeps its handle on the window`, async () => {
      const { view, widget, button } = await demoSignInButton(provider);
      const leave = await toProvider(widget, button);
      const popup = await withPopup(view, () => leave.click());
      expect(popup, 'the widget keeps a handle on the window').to.exist;
      const page = await signInPage(() => popup);
      expect(page.location.pathname, 'the account system’s page').to.match(new RegExp(`/sim/${provider}/`));
      // Reverse tabnabbing: the account system's page could otherwise send the site's tab anywhere. (A Window is
      // compared as a boolean: chai would try to print the whole window.)
      expect(page.opener === null, 'window.opener in the account system’s page is null').to.equal(true);
      await authorize(() => popup); // and the answer still comes back to the page that asked
      await until(() => accountLine(widget).startsWith(`Signed in with ${name}`), 8000);
      await until(() => popup!.closed, 5000);
    });

    it(`${name}: a sign-in window closed without an answer is cancelled, in words; its verifier, state and form removed`, async () => {
      const { view, widget, button } = await demoSignInButton(provider);
      widget.prompt = 'a paper lantern on a dark river'; // kept for a redirect: here, removed with the rest
      const leave = await toProvider(widget, button);
      const popup = await withPopup(view, () => leave.click());
      await signInPage(() => popup);
      const pending = () => view.sessionStorage.getItem('userpays:sign-in');
      expect(JSON.parse(pending()!), 'the verifier and the state, while the user signs in').to.have.length(1);

      popup!.close(); // the user closes the window without answering
      const error = () => words(widget.shadowRoot!.querySelector('#key-error'));
      await until(() => error(), 8000);
      expect(error()).to.equal(`Sign-in with ${name} was cancelled. Sign in again, or enter your own key.`);
      expect(pending(), 'the verifier, the state and the form it kept: removed').to.equal(null);
      expect(widget.apiKey).to.equal('');
      expect(widget.prompt, 'the page as it was').to.equal('a paper lantern on a dark river');
      expect(part(widget, 'sign-in'), 'Sign in again').to.exist;
    });

    it(`${name} by redirect where popups are blocked: the page comes back with its form and the key`, async () => {
      const view = await openDemo(1280);
      await demoWidget(view, provider);
      view.history.replaceState(null, '', `${view.location.pathname}?from=redirect-test`); // the page's own query
      const first = await signInButton(view, provider);
      first.widget.prompt = 'a kite over the dunes';
      first.widget.count = 2;
      const leave = await toProvider(first.widget, first.button);
      await withPopup(view, () => leave.click(), true); // the whole page goes
      await authorize(() => (view.location.pathname.includes('/sim/') ? view : null));

      // Back on the demo: a new page, its widget with the form as the user left it, and signed in.
      await until(() => view.location.pathname.endsWith('/demo/index.html') && view.document.readyState === 'complete');
      await until(() => (view.document.querySelector('userpays-image') as UserPaysImage | null)?.shadowRoot);
      const widget = view.document.querySelector('userpays-image') as UserPaysImage;
      await until(() => accountLine(widget).startsWith(`Signed in with ${name}`), 8000);
      expect(widget.prompt).to.equal('a kite over the dunes');
      expect(widget.count).to.equal(2);
      expect(view.location.search, 'the code is gone, the page’s own query back').to.equal('?from=redirect-test');
    });
  }

  it('OpenRouter: before it leaves, the widget asks how much the site may spend (the page’s budget offered); the sign-in asks for that cap, with a callback of no query; the account line says what is left of it ("$0.60 left of your $0.60 cap"), after an image too, and links to revoke the key', async () => {
    const view = await openDemo(1280);
    await demoWidget(view, 'openrouter');
    view.history.replaceState(null, '', `${view.location.pathname}?from=sign-in-test`); // the page's own query
    const { widget, button } = await signInButton(view, 'openrouter');
    button.click(); // the sign-in's part loads, and asks
    const grant = await until(() => part(widget, 'grant'), 5000);
    const field = grant.querySelector<HTMLInputElement>('#grant-cap')!;
    expect(field.value, 'the demo’s budget="1.00"').to.equal('1');
    expect(widget.shadowRoot!.activeElement, 'the focus on the amount').to.equal(field);
    expect(words(grant)).to.contain('How much may this site spend from your OpenRouter account? (US$)');
    field.value = '0,60'; // as a German types it
    const popup = await withPopup(view, () => grant.querySelector<HTMLElement>('button.secondary')!.click());
    const asked = new URL((await signInPage(() => popup)).location.href);
    expect(asked.searchParams.get('limit'), 'the cap chosen').to.equal('0.6');
    expect(asked.searchParams.get('callback_url')).to.equal(view.location.origin + view.location.pathname);
    await authorize(() => popup);
    await until(() => accountLine(widget).includes('$0.60 left of your $0.60 cap at OpenRouter'), 8000);
    expect(part(widget, 'grant'), 'the form gone').to.equal(null);
    // One line says what is left, and no field holds a key the user never typed (Remember stays: it is theirs to tick).
    expect([part(widget, 'key'), part(widget, 'balance')]).to.deep.equal([null, null]);
    expect(part(widget, 'remember')).to.exist;
    expect(view.location.search, 'the page’s own address as it was').to.equal('?from=sign-in-test');
    const revoke = part(widget, 'revoke') as HTMLAnchorElement;
    expect([revoke.href, words(revoke)]).to.deep.equal(['https://openrouter.ai/settings/keys', 'Revoke this key ↗']);

    const result = await widget.generate();
    // What is left of the cap, read from OpenRouter again after the image.
    const left = new Decimal('0.6').minus(result.charged);
    await until(() => accountLine(widget).includes(`$${left.toString()} left of your $0.60 cap at OpenRouter`), 8000);
  });

  it('OpenRouter: a cap below the price is said as what is left, once (never "$0.014 of your $0.01"), and Generate says why not', async () => {
    const view = await openDemo(1280);
    // The demo starts on Puter: its account part is loaded, and stays, before the user switches (what is left is then
    // OpenRouter's, not the Puter account's, which has no balance while another provider is in force).
    const first = view.document.querySelector('userpays-image') as HTMLElement;
    await until(() => part(first, 'sign-in')?.dataset.provider === 'puter', 8000);
    await demoWidget(view, 'openrouter');
    const { widget, button } = await signInButton(view, 'openrouter');
    await signInByPopup(view, widget, button, '0.01');
    await until(() => accountLine(widget).includes('$0.01 left'), 8000);
    expect(accountLine(widget)).not.to.contain('of your');
    expect(part(widget, 'balance'), 'one line says it').to.equal(null);
    // What is left is of the cap given to this site, not the account's balance: said so, with the price.
    const price = widget.quote!.total;
    expect(blocked(widget).reason).to.equal(
      `$0.01 is left of the cap you gave this site at OpenRouter (not your balance), and this image costs $${price}`,
    );
  });

  it('OpenRouter: a pasted key capped below the price is said as its own limit, not a balance, with where to raise it', async () => {
    const view = await openDemo(1280);
    const widget = await demoWidget(view, 'openrouter', 'keylimit=0.01');
    widget.model = 'flux-2-max'; // dearer than the limit leaves, and cheaper ones are offered instead
    widget.apiKey = `sk-or-pasted-${Math.random().toString(36).slice(2)}`;
    await until(() => blocked(widget)?.reason.includes('is left of'), 8000);
    const { reason, fix } = blocked(widget);
    expect(reason).to.equal(
      `$0.01 is left of your OpenRouter key’s own limit (not your balance), and this image costs $${widget.quote!.total}`,
    );
    expect(reason).not.to.contain('balance is');
    expect(words(fix)).not.to.match(/credit|dashboard/i); // more credit would not raise the key's limit
    // Under the key as well, what is left is said as what is left of its cap, never as what the account has.
    expect(words(part(widget, 'balance'))).to.equal('$0.01 left of your $0.01 cap at OpenRouter');
    // The cheapest model costs more than the limit leaves as well: the fix is the limit, where keys are.
    widget.model = 'flux-2-klein-4b';
    await until(() => blocked(widget)?.reason.includes(`costs $${widget.quote!.total}`), 8000);
    const raise = blocked(widget).fix as HTMLAnchorElement;
    expect([words(raise), raise.href]).to.deep.equal([
      'Raise the key’s limit at OpenRouter ↗',
      'https://openrouter.ai/settings/keys',
    ]);
  });

  // A 402 with $0.01 left says not enough for this image, which is not "out of credit".
  it('OpenRouter: after a 402, the account line says the account has not enough credit, not what the cap leaves; still after a re-read', async () => {
    const { view, widget, button } = await demoSignInButton('openrouter', 'credits=0.01');
    await signInByPopup(view, widget, button, '1');
    await until(() => accountLine(widget).includes('$1.00 left of your $1.00 cap at OpenRouter'), 8000);
    widget.model = 'flux-2-pro'; // more than the account's $0.01
    await widget.updateComplete;
    // Each read of the key's cap as the widget gets it, its body and all (the page's own fetch, watched).
    const reads = countReplies(view, '/api/v1/key');
    const error = await widget.generate().catch((thrown: UserPaysError) => thrown);
    expect((error as UserPaysError).code).to.equal('insufficient-funds');
    await until(
      () => accountLine(widget).includes('Your OpenRouter account does not have enough credit for this image'),
      8000,
    );
    // The key is read again after the refusal: its cap still says $1.00, and that is not said as money.
    await until(() => reads.replies > 0, 8000);
    await stillNotEnoughCredit(widget, reads, 'OpenRouter');
  });

  // Hugging Face calls its keys access tokens (its settings list "Access Tokens"): the field and the account line say so
  // there, and "API key" elsewhere.
  it('Hugging Face: the key field, its link, its box and the account line say "token"; OpenRouter’s say "key"', async () => {
    const view = await openDemo(1280);
    const label = (widget: UserPaysImage) => words(widget.shadowRoot!.querySelector('label[for=key]'));
    const link = (widget: UserPaysImage) => words(widget.shadowRoot!.querySelector('label[for=key] + a'));
    const remember = (widget: UserPaysImage) =>
      words(widget.shadowRoot!.querySelector('[part~=remember]')?.parentElement);
    for (const [provider, field, line, word] of [
      ['huggingface', 'Your Hugging Face access token', 'or paste your own token below.', 'token'],
      ['openrouter', 'Your OpenRouter API key', 'or paste your own key below.', 'key'],
    ] as const) {
      const widget = await demoWidget(view, provider);
      await until(() => remember(widget) === `Remember my ${word} on this device`, 8000, `${provider}'s box`);
      // The link to make one shows where the key goes to the provider itself (the demo's go to its simulators).
      const own = await imageWidget({ provider, storageKey: uniqueStorageKey() });
      await until(() => link(own) === `Get a ${word} ↗`, 8000, `${provider}'s link`);
      own.remove();
      await signInButton(view, provider);
      await until(() => label(widget) === field && accountLine(widget).endsWith(line), 8000, provider);
    }
  });

  // Its 401 is said in the sign-in's words, as OpenRouter's is, and, as every refusal booked as not charged, with that.
  it('Pollinations: a 401 of the key the sign-in gave says to sign in again, and that nothing was charged', async () => {
    const { view, widget, button } = await demoSignInButton('pollinations');
    await signInByPopup(view, widget, button, '1');
    await until(() => accountLine(widget).startsWith('Signed in with Pollinations'), 8000);
    const endpoint = widget.endpoint;
    widget.endpoint = `${new URL(endpoint || '/sim/pollinations', view.location.href).href.replace(/\/$/, '')}/s/fault=401`;
    const refused = await widget.generate().then(
      () => undefined,
      (thrown: Error) => thrown.message,
    );
    expect(refused).to.equal(
      'Pollinations no longer accepts the key your sign-in gave (it may have been revoked, or have run out). Sign in again. Nothing was charged.',
    );
  });

  // Pollinations' key reads only its own budget (`pollenBudget`), which a 402 for the account's pollen leaves as it was:
  // the read after the refusal must not bring back "$1.00 left" beside "does not have enough credit".
  it('Pollinations: after a 402 for the account, the account line says it has not enough credit; still after the key’s budget is read again', async () => {
    const { view, widget, button } = await demoSignInButton('pollinations', 'pollen=0');
    await signInByPopup(view, widget, button, '1');
    // The key's budget, said as the key's: an account with no pollen may stand behind it.
    await until(() => accountLine(widget).includes('$1.00 left of this key’s budget at Pollinations'), 8000);
    const reads = countReplies(view, '/account/key');
    const error = await widget.generate().catch((thrown: UserPaysError) => thrown);
    expect((error as UserPaysError).code).to.equal('insufficient-funds');
    // The read after the refusal (not one before sending): the key's budget still says $1.00, not said as money.
    const sent = reads.replies;
    await until(() => reads.replies > sent, 8000);
    await stillNotEnoughCredit(widget, reads, 'Pollinations');
  });

  it('OpenRouter: a key made without the cap asked for is said to have none, and no amount is shown for what is left', async () => {
    const { view, widget, button } = await demoSignInButton('openrouter', 'limit=ignored');
    await signInByPopup(view, widget, button);
    await until(() => accountLine(widget).includes('OpenRouter set no cap on this key'), 8000);
    expect(accountLine(widget)).not.to.match(/\$\d/);
    expect(part(widget, 'balance'), 'no amount in the key field either').to.equal(null);
  });

  it('OpenRouter: a cap that is no amount above zero is said under its field, and nothing leaves; Cancel goes back', async () => {
    const { view, widget, button } = await demoSignInButton('openrouter');
    const opened: unknown[] = [];
    const leave = await toProvider(widget, button);
    for (const typed of ['', 'five', '0', '-2', '1e3']) {
      widget.shadowRoot!.querySelector<HTMLInputElement>('#grant-cap')!.value = typed;
      opened.push(await withPopup(view, () => leave.click()));
      await widget.updateComplete;
      const field = widget.shadowRoot!.querySelector<HTMLInputElement>('#grant-cap')!;
      expect(words(part(widget, 'grant')!.querySelector('[part~=error]')), typed).to.equal(
        'Enter an amount in US dollars above zero, such as 5 or 2.50.',
      );
      expect([field.getAttribute('aria-invalid'), field.value], typed).to.deep.equal(['true', typed]);
      expect(widget.shadowRoot!.activeElement, 'the focus back on the amount').to.equal(field);
    }
    expect(opened, 'no window opened, nothing sent').to.deep.equal([null, null, null, null, null]);
    expect(view.sessionStorage.getItem('userpays:sign-in'), 'no sign-in begun').to.equal(null);
    [...part(widget, 'grant')!.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => words(b) === 'Cancel')!
      .click();
    await widget.updateComplete;
    expect(part(widget, 'grant')).to.equal(null);
    expect(widget.shadowRoot!.activeElement, 'back on the sign-in button').to.equal(part(widget, 'sign-in'));
  });

  // "1,000" (or German "1.000") may be a thousand or one; it is refused in words, and the cap that leaves is written in
  // plain decimals, however large or small.
  it('OpenRouter: a cap with a thousands separator is refused in words; a huge or tiny one leaves in plain decimals', async () => {
    const { view, widget, button } = await demoSignInButton('openrouter');
    const leave = await toProvider(widget, button);
    const opened: unknown[] = [];
    for (const typed of ['1,000', '1.000', '25.000']) {
      widget.shadowRoot!.querySelector<HTMLInputElement>('#grant-cap')!.value = typed;
      opened.push(await withPopup(view, () => leave.click()));
      await widget.updateComplete;
      const field = widget.shadowRoot!.querySelector<HTMLInputElement>('#grant-cap')!;
      expect(words(part(widget, 'grant')!.querySelector('[part~=error]')), typed).to.equal(
        `“${typed}” could be a thousand or more, or a few dollars: write it without a thousands separator, such as 1000 or 2.50.`,
      );
      expect([field.getAttribute('aria-invalid'), field.value], typed).to.deep.equal(['true', typed]);
    }
    expect(opened, 'no window opened, nothing sent').to.deep.equal([null, null, null]);
  });

  for (const [typed, sent] of [
    ['99990000000000000000000', '99990000000000000000000'],
    ['0,0000001', '0.0000001'],
  ]) {
    it(`OpenRouter: a cap typed "${typed}" leaves as limit=${sent}, in plain decimals`, async () => {
      const { view, widget, button } = await demoSignInButton('openrouter');
      const leave = await toProvider(widget, button, typed);
      const popup = await withPopup(view, () => leave.click());
      // The address the window went to (the simulator refuses a limit finer than a micro-dollar or past what it
      // counts, as it is unsure OpenRouter takes one: what was asked is what matters here).
      const asked = await until(() => {
        const address = popup?.location.href ?? '';
        return address.includes('/sim/openrouter/auth') && popup!.document.readyState === 'complete'
          ? address
          : undefined;
      }, 8000);
      expect(new URL(asked).searchParams.get('limit')).to.equal(sent);
    });
  }

  it('UserPays.signIn: the cap the page’s own form asked for is the one asked of OpenRouter; one that is no amount is refused in words', async () => {
    const view = await openDemo(1280);
    const { UserPays } = view as unknown as typeof globalThis;
    const endpoint = `${view.location.origin}/sim/openrouter`;
    let signedIn: Promise<void> | undefined;
    const popup = await withPopup(view, () => {
      signedIn = UserPays.signIn('openrouter', { endpoint, cap: '2.50' });
    });
    const asked = new URL((await signInPage(() => popup)).location.href);
    expect(asked.searchParams.get('limit')).to.equal('2.5');
    await authorize(() => popup);
    await signedIn;
    for (const cap of ['nothing', '0', 5 as unknown as string]) {
      const refused = await UserPays.signIn('openrouter', { endpoint, cap }).catch((thrown: unknown) => thrown);
      expect(refused, String(cap)).to.include({
        code: 'invalid-input',
        message:
          'cap must be an amount of dollars above zero written as text, such as "5" or "2.50": the most the key may spend.',
      });
    }
  });

  it('Hugging Face: a free account is told before the click what it takes to pay, Generate is refused with why, and the 402 says the same way out', async () => {
    const { view, widget, button } = await demoSignInButton('huggingface');
    const popup = await withPopup(view, () => button.click()); // its key carries no cap: no form before it
    await authorize(() => popup, 'authorize-free');
    await until(() => accountLine(widget).startsWith('Signed in with Hugging Face'), 8000);
    const note = await until(() =>
      [...widget.shadowRoot!.querySelectorAll('p.muted')].find((p) => /cannot pay for images yet/.test(words(p))),
    );
    expect(words(note)).to.match(/no credits and no payment method\. Buy credits or a subscription there first/);
    expect(note.querySelector('a')!.getAttribute('href')).to.equal('https://huggingface.co/settings/billing');

    widget.prompt = 'a paper lantern on a dark river';
    await widget.updateComplete;
    // Hugging Face's free accounts have no included credits and pay only with credits bought (huggingface/hub-docs
    // docs/inference-providers/pricing.md): the click would be refused with a 402, so it is refused before, with why.
    await until(() => blocked(widget).reason);
    expect(blocked(widget).reason).to.equal('Your Hugging Face account cannot pay for images yet');
    expect(blocked(widget).fix!.getAttribute('href')).to.equal('https://huggingface.co/settings/billing');
    expect(generateButton(widget).disabled).to.equal(true);
    // The page's own call is not refused before it is sent: Hugging Face's 402 says the same way out.
    const error = await widget.generate().then(
      () => undefined,
      (thrown: { code: string; message: string }) => thrown,
    );
    expect(error).to.include({ code: 'insufficient-funds' });
    expect(error!.message).to.match(/buy credits or subscribe to PRO/i);
    const last = new LedgerStore({ storageKey: widget.storageKey }).entries().at(-1)!;
    expect([last.status, last.provider], 'nothing booked').to.deep.equal(['void', 'huggingface']);
  });
  // Where the key in force was made by this site's sign-in, no key field holds it, not even once the provider refuses
  // it (a 403 after Hugging Face's sign-in drew the token in a field labelled "key"); and the box says "Stay signed in
  // on this device" where it would remember a typed key. The sign-in's word is kept with the key: after a reload with
  // the key kept, still no field.
  it('Hugging Face: after the sign-in, no key field even after a 403, and the box keeps the sign-in, after a reload too', async () => {
    const { view, widget, button } = await demoSignInButton('huggingface');
    const popup = await withPopup(view, () => button.click());
    await authorize(() => popup);
    await until(() => accountLine(widget).startsWith('Signed in with Hugging Face'), 8000);
    const keyField = () => widget.shadowRoot!.querySelector('[part~=key]');
    const box = () => widget.shadowRoot!.querySelector<HTMLInputElement>('[part~=remember]')!;
    expect(keyField(), 'signed in: no key field').to.equal(null);
    expect(words(box().closest('label')!)).to.equal('Stay signed in on this device');

    // The provider refuses the token (403): the error says so, and still no field shows the token as a key.
    const endpoint = widget.endpoint;
    widget.endpoint = `${new URL(endpoint || '/sim/huggingface', view.location.href).href.replace(/\/$/, '')}/s/fault=403`;
    widget.prompt = 'a paper lantern on a dark river';
    await widget.updateComplete;
    const error = await widget.generate().then(
      () => undefined,
      (thrown: { code: string }) => thrown,
    );
    expect(error?.code).to.match(/^auth-/);
    await widget.updateComplete;
    expect(keyField(), 'no field for the token after a 403').to.equal(null);
    expect(words(box().closest('label')!)).to.equal('Stay signed in on this device');
    // Said beside the way on: sign in again, which has the focus, or sign out to paste a key. In Hugging Face's own
    // words for a 403, which say what signing in again needs.
    const refused =
      'Hugging Face did not allow this page to make images for you. Sign in with Hugging Face again and allow inference (or use an access token that may call Inference Providers), then try again. Nothing was charged.';
    expect((error as unknown as Error).message).to.equal(refused);
    await until(() => widget.shadowRoot!.activeElement?.matches('[part~=sign-in]'), 3000, 'the focus on Sign in again');
    const signInAgain = widget.shadowRoot!.activeElement as HTMLButtonElement;
    expect(words(signInAgain)).to.equal('Sign in again with Hugging Face');
    const describedBy = signInAgain.getAttribute('aria-describedby')!;
    expect(words(widget.shadowRoot!.getElementById(describedBy)!)).to.equal(refused);
    expect(widget.shadowRoot!.querySelector('#key-error'), 'said once, in the sign-in line').to.equal(null);
    // Generate says it cannot go on until a new sign-in, rather than sending the refused key again, and its fix is
    // Sign in again.
    const submit = () => widget.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!;
    const reason = () => words(widget.shadowRoot!.querySelector('#reason'));
    expect(submit().disabled).to.equal(true);
    // Said as the message says it: the sign-in did not give the permission, not "refused the key".
    expect(reason()).to.equal('Your Hugging Face sign-in did not allow making images Sign in');
    widget.shadowRoot!.querySelector<HTMLButtonElement>('#reason button')!.click();
    expect(widget.shadowRoot!.activeElement).to.equal(signInAgain);
    // Signed in again: the refusal was of the key before it, and goes with it.
    const secondPopup = await withPopup(view, () => signInAgain.click());
    await authorize(() => secondPopup);
    await until(() => !submit().disabled, 8000, 'Generate, with the new key');
    expect(widget.shadowRoot!.querySelector('#sign-in-refused')).to.equal(null);

    // Kept on this device, it is still the sign-in's on the next visit: no field.
    widget.endpoint = endpoint;
    await widget.updateComplete;
    box().click();
    await widget.updateComplete;
    view.location.reload();
    await until(() => view.document.readyState === 'complete' && view.document.querySelector('userpays-image'), 8000);
    const again = await demoWidget(view, 'huggingface');
    await until(() => again.apiKey, 8000);
    await again.updateComplete;
    expect(again.shadowRoot!.querySelector('[part~=key]'), 'a kept sign-in after a reload: no field').to.equal(null);
  });
});
