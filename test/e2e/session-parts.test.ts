// What the size check counts in each provider's whole session (scripts/sessions.mjs, from dist/parts.json), held to
// what the widget does: the parts only some providers' sessions open (`OPENED_BY`)
// are listed for exactly the providers whose info opens them, and what a page with each provider loads by itself, with
// no user action, is inside that provider's session as counted. Each page is one of its own (an iframe).
// Holds: src/providers/bfl/info.ts
// Holds: src/providers/fal/info.ts
// Holds: src/providers/google/info.ts
// Holds: src/providers/huggingface/info.ts
// Holds: src/providers/openai/info.ts
// Holds: src/providers/openrouter/info.ts
// Holds: src/providers/pollinations/info.ts
// Holds: src/providers/puter/info.ts
import { expect } from '@open-wc/testing';
import type { ProviderId } from '../../src/base/types.js';
import { PROVIDERS } from '../../src/providers/registry/registry.js';
import { EDIT_FACTS } from '../../src/providers/registry/edit-prices.js';
import { OPENED_BY, providerAdapters, sessionParts } from '../../scripts/sessions.mjs';
import { builtPage, manifest, partsLoaded } from '../support/built.js';
import { everyProvider } from '../support/every-provider.js';
import { storageKeysForgottenAfterEach } from '../support/storage.js';
import { sleep } from '../support/wait.js';
import { imageWidgetIn } from '../support/widget.js';

const ids = Object.keys(PROVIDERS) as ProviderId[];
const withInfo = (has: (id: ProviderId) => unknown) => ids.filter(has).sort();

/** How long a page must have loaded nothing more, with its idle callback run, to be at rest. */
const QUIET_MS = 1500;

/** Resolves once `view` has loaded nothing for `QUIET_MS` and its idle callback has run with nothing loaded since. */
async function atRest(view: Window) {
  const loaded = () => view.performance.getEntriesByType('resource').length;
  for (let count = loaded(), since = performance.now(); ; await sleep(100)) {
    if (loaded() !== count) [count, since] = [loaded(), performance.now()];
    else if (performance.now() - since >= QUIET_MS) {
      await new Promise((resolve) => view.requestIdleCallback(resolve));
      if (loaded() === count) return;
    }
  }
}

describe('each provider’s whole session, as the size check counts it', function () {
  const newStorageKey = storageKeysForgottenAfterEach();
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('lists the parts only some providers open with exactly the providers whose info opens them', () => {
    const signIn = withInfo((id) => PROVIDERS[id].info.signIn);
    const controls = withInfo((id) => PROVIDERS[id].info.showsControls);
    expect(signIn).to.not.be.empty;
    expect(
      Object.fromEntries(Object.entries(OPENED_BY).map(([module, list]) => [module, [...list].sort()])),
    ).to.deep.equal({
      // Signing in: the sign-in line and its form, and the OAuth flow.
      'src/elements/image/accounts/panel/sign-in/index.ts': signIn,
      'src/providers/engine/oauth.ts': signIn,
      // More options' model controls.
      'src/elements/image/options/panel/controls/index.ts': controls,
      // Puter's account line: the one provider paid from its own account without a key.
      'src/elements/image/accounts/panel/puter/index.ts': withInfo((id) => !PROVIDERS[id].info.needsKey),
      // The editor: where a model of the provider makes any kind of edit (its edit facts).
      'src/elements/image/editor/panel/view/index.ts': withInfo((id) =>
        Object.values(EDIT_FACTS[id] ?? {}).some((facts) => facts.edits?.length),
      ),
      // The editor's extension: where a model of the provider extends an image (its edit facts).
      'src/elements/image/editor/panel/extend/index.ts': withInfo((id) =>
        Object.values(EDIT_FACTS[id] ?? {}).some((facts) => facts.edits?.includes('extend')),
      ),
    });
  });

  it('counts a session for every provider, each with its own adapter and no other', async () => {
    const adapters = providerAdapters(manifest);
    expect([...adapters.keys()].sort()).to.deep.equal([...ids].sort());
    expect(Object.keys(everyProvider).sort(), 'a page of each below').to.deep.equal([...ids].sort());
    const sessions = sessionParts(manifest);
    for (const [provider, adapter] of adapters) {
      expect(sessions[provider], provider).to.include.members([manifest.entry, adapter]);
      expect(
        sessions[provider].filter((name) => [...adapters.values()].includes(name)),
        provider,
      ).to.deep.equal([adapter]);
    }
  });

  for (const provider of Object.keys(everyProvider))
    it(`a page with ${provider} loads by itself, with no user action, only parts of ${provider}’s session`, async function () {
      this.timeout(30_000);
      const session = sessionParts(manifest)[provider];
      expect(session, `a session with ${provider}`).to.be.an('array');
      const { frame, view } = await builtPage();
      frames.push(frame);
      await imageWidgetIn(view, { provider, ...everyProvider[provider](), 'storage-key': newStorageKey() });
      await atRest(view);
      const loaded = partsLoaded(view);
      // The entry and the widget's panels load by themselves on every page: what is counted is what was loaded.
      expect(loaded).to.include.members([manifest.entry, 'elements/image/panels/index']);
      expect(loaded.filter((name) => !session.includes(name))).to.deep.equal([]);
    });
});
