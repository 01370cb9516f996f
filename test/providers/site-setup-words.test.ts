// What a visitor is told where the site has not set up a sign-in: what is missing in their words, and
// the way out; the attribute to set and where it is documented go to the developer's console, once a page.
import { expect } from '@open-wc/testing';
import { huggingFaceAccount } from '../../src/providers/huggingface/account.js';
import { pollinationsAccount } from '../../src/providers/pollinations/account.js';
import type { OAuthAccount } from '../../src/providers/sign-in.js';
import { consoleDuring } from '../support/console.js';

const request = {
  endpoint: 'https://example.test',
  redirectUri: `${location.origin}/callback`,
  challenge: 'c'.repeat(43),
  state: 's',
};

/** What two clicks on Sign in tell the visitor (each time) and the console (all told). */
async function twoClicks(account: OAuthAccount) {
  const said: string[] = [];
  const told = await consoleDuring(async () => {
    for (const click of [1, 2]) {
      try {
        account.authorizeUrl(request);
        said.push(`click ${click} went through`);
      } catch (error) {
        said.push((error as Error).message);
      }
    }
  });
  return { said, told };
}

describe('a sign-in the site has not set up', () => {
  for (const [account, name, way, attribute] of [
    [huggingFaceAccount, 'Hugging Face', 'Enter a Hugging Face access token instead.', 'huggingface-client-id'],
    [pollinationsAccount, 'Pollinations', 'Enter a Pollinations key instead.', 'pollinations-app-key'],
  ] as const) {
    it(`${name}: the visitor hears what the site lacks and what to do; the console, which attribute, once`, async () => {
      const { said, told } = await twoClicks(account);
      const words = `This site has not set up signing in with ${name} yet. ${way}`;
      expect(said).to.deep.equal([words, words]);
      expect(told).to.have.length(1);
      expect(told[0]).to.contain(`needs ${attribute}`).and.contain('docs/providers.md');
    });
  }
});
