// Every sentence about money agrees with what the ledger booked, over every fault of the demo's
// Simulate list for the providers paid with the user's own key: what the widget says of a failure (the error, the
// key's error) is read beside what the tally booked for it. Booked as possibly charged: the words say "may have",
// never "nothing was charged". Booked as nothing: no "may have", no "charged $…". Charged: the amount, as money.
// And never "Could not reach the provider" beside "may have charged".
import { expect } from '@open-wc/testing';
import Decimal from 'decimal.js';
import type { UserPaysImage } from '../../../../src/elements/image/userpays-image.js';
import { demoWidget, forgetDemo, openDemo } from '../../../support/demo.js';
import { until } from '../../../support/wait.js';

const MAY_HAVE = /may have (been )?charged/i;
const NOTHING = /nothing (was|is|more will be) charged|not charged|nothing was sent or charged|charges nothing/i;
// A charge said with its amount: as the provider or the reply said it, or as the balance proved it (a lost reply
// whose balance fell by exactly its price, booked at once).
const CHARGED = /charged \$\d|fell by \$\d[\d.]*: counted as charged/i;

/** What the widget says of the last failure: the error box, else the error beside the key field. */
const said = (widget: UserPaysImage) =>
  [...widget.shadowRoot!.querySelectorAll('[part~=error] p, #key-error')].map((node) => node.textContent).join(' ');

describe('what the widget says of a failure agrees with what the ledger booked', function () {
  this.timeout(120_000);
  after(forgetDemo);

  // The demo gives the key providers' simulators a key; those a user signs in to get one as a pasted key would be.
  const signedIn: Record<string, string> = { openrouter: 'sim-money-key', huggingface: 'hf_sim_user' };
  // Each entry of the demo's Provider list: OpenAI's own (GPT Image) and the gateway's are both provider openai.
  for (const provider of ['bfl', 'fal', 'openai', 'gateway', 'openrouter', 'huggingface']) {
    it(`${provider}: every fault of the demo's list`, async () => {
      const view = await openDemo(1280);
      const widget = await demoWidget(view, provider);
      if (signedIn[provider]) widget.apiKey = signedIn[provider];
      // OpenAI's prices are the page's, which arrive after it loads: a fault is met with a price, as a user meets it.
      await until(() => widget.quote, 8000, 'a price');
      widget.budget = ''; // the demo's $1 would stop the runs before the list ends
      widget.prompt = 'a lighthouse at dusk';
      const scenarios = [...view.document.querySelectorAll<HTMLOptionElement>('#scenario option')]
        .map((option) => option.value)
        // not faults: the normal and slow runs; one that waits for Cancel; progress reports
        .filter((value) => /fault=|cors=|cost=/.test(value) && !/never-ready/.test(value));
      expect(scenarios.length).to.be.greaterThan(5);
      const checked: string[] = [];
      for (const scenario of scenarios) {
        const select = view.document.getElementById('scenario') as HTMLSelectElement;
        select.value = scenario;
        select.dispatchEvent(new Event('change'));
        const before = widget.tally!;
        const failed = await widget.generate().then(
          () => false,
          () => true,
        );
        await widget.updateComplete;
        const after = widget.tally!;
        const uncertain = new Decimal(after.uncertain ?? 0).minus(before.uncertain ?? 0);
        const spent = new Decimal(after.spent).minus(before.spent);
        if (!failed) {
          expect(scenario, 'only a reply without a cost, or with another, succeeds').to.match(/cost=/);
          continue;
        }
        await until(() => said(widget));
        const words = said(widget);
        const where = `${scenario}: "${words}" (charged ${spent}, uncertain ${uncertain})`;
        expect(words, where).not.to.match(/\bUSD\b/);
        // Not reached cannot have been charged: the two never stand together.
        expect(/could not reach/i.test(words) && MAY_HAVE.test(words), where).to.equal(false);
        if (uncertain.gt(0)) {
          expect(words, where).to.match(MAY_HAVE);
          expect(words, where).not.to.match(NOTHING);
        } else if (spent.gt(0)) {
          expect(words, where).to.match(CHARGED);
          expect(words, where).not.to.match(NOTHING);
        } else {
          expect(words, where).not.to.match(MAY_HAVE);
          expect(words, where).not.to.match(CHARGED);
        }
        checked.push(scenario);
      }
      expect(checked.length, checked.join(' ')).to.be.greaterThan(4);
    });
  }
});
