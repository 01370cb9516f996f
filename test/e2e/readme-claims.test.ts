// What the README says of the price and of what the page contacts on load, held to the code: "exact"
// only where the widget's quote is exact, "estimate" where it says so, and the origin the default provider reads its
// price list from; and that a site owner finds what to settle before shipping one click from its first screen.
import { expect } from '@open-wc/testing';
import { quoteFor } from '../../src/providers/registry/prices.js';
import { PUTER_API } from '../../src/providers/registry/catalog.js';
import { PROVIDER_NAMES, type ProviderId } from '../../src/base/types.js';

const readme = async () => (await fetch('/README.md')).text();
/** The README's prose on one line, whatever its wrapping. */
const prose = async () => (await readme()).replace(/\s+/g, ' ');
/** The providers named in a list such as "Puter, fal, OpenRouter and Hugging Face", by id. */
const named = (list: string) =>
  list
    .split(/, | and /)
    .map((name) => Object.keys(PROVIDER_NAMES).find((id) => PROVIDER_NAMES[id as ProviderId] === name));

describe('the README, held to the code', () => {
  it('calls FLUX prices exact only where the quote is exact, and an estimate where the widget marks one', async () => {
    const said = /for FLUX, exact at ([^"]+?) and marked "estimate" at ([^,]+(?:, [^,]+)*?), whose/.exec(await prose());
    expect(said, 'the README says which FLUX prices are exact').to.not.equal(null);
    const [exact, estimate] = [named(said![1]), named(said![2])];
    expect(exact).to.deep.equal(['bfl', 'pollinations']);
    expect(estimate).to.deep.equal(['puter', 'fal', 'openrouter', 'huggingface']);
    const quote = (provider: string) =>
      quoteFor({ provider: provider as ProviderId, model: 'flux-2-klein-4b', width: 1024, height: 1024 });
    for (const provider of exact) expect(quote(provider!).exact, provider).to.equal(true);
    for (const provider of estimate) expect(quote(provider!).exact, provider).to.equal(false);
  });

  it('names the origin the default provider reads its price list from on load, for a CSP', async () => {
    expect(await prose()).to.contain(`reads Puter's price list from \`${PUTER_API}\``);
  });

  // A site owner reads the first screen (its first 30 lines: the pitch, the snippet) and looks for what to settle
  // before visitors come: each point one click away, in docs/embedding.md.
  it('sends a site owner from its first screen to Before you ship, which holds each point', async () => {
    const firstScreen = (await readme()).split('\n').slice(0, 30).join('\n');
    expect(firstScreen).to.match(/\]\(docs\/embedding\.md\)/);
    const headings = (await (await fetch('/docs/embedding.md')).text()).match(/^## .+$/gm);
    expect(headings).to.include.members([
      '## Pin a version',
      '## Images whose links expire',
      '## The budget is per browser',
      '## Content-Security-Policy',
      "## A pasted key and the page's other scripts",
    ]);
  });
});
