// The size check counts, in each provider's session, only the parts that provider's session can open
// (budgets.json, session.openedBy: scripts/sizes.mjs): each list there is held here to the providers' own info, so
// that a provider given a sign-in, More options' controls or the other families is counted with them.
import { expect } from '@open-wc/testing';
import type { ProviderId } from '../../src/base/types.js';
import { PROVIDERS } from '../../src/providers/registry.js';

const ids = Object.keys(PROVIDERS) as ProviderId[];
const withInfo = (has: (id: ProviderId) => unknown) => ids.filter(has).sort();

describe('the parts only some providers’ sessions open', () => {
  it('budgets.json lists, for each, exactly the providers whose info opens it', async () => {
    const budgets = (await (await fetch('/budgets.json')).json()) as { session: { openedBy: Record<string, unknown> } };
    const { _: why, ...openedBy } = budgets.session.openedBy;
    expect(why).to.be.a('string');
    const signIn = withInfo((id) => PROVIDERS[id].info.signIn);
    const controls = withInfo((id) => PROVIDERS[id].info.showsControls);
    expect(signIn).to.not.be.empty;
    expect(
      Object.fromEntries(Object.entries(openedBy).map(([part, list]) => [part, [...(list as string[])].sort()])),
    ).to.deep.equal({
      // Signing in: the sign-in line, the OAuth flow and the caps it asks for.
      'image-sign-in': signIn,
      oauth: signIn,
      'providers-sign-in': signIn,
      // More options' model controls.
      'image-controls': controls,
      // Puter's account line: the one provider paid from its own account without a key.
      'image-puter': withInfo((id) => !PROVIDERS[id].info.needsKey),
      // The other families' shared part (their names, the token and tier pricers), where the provider sells them
      // (SPEC §12): elsewhere it loads only to say that a family model a page names has no price there.
      families: withInfo((id) => PROVIDERS[id].info.sellsFamilies),
    });
  });
});
