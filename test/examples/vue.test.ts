// examples/vue: Vue 3 with its run-time template compiler, `isCustomElement` for the userpays- tags, the key typed
// into the widget's own field, and the events heard with `@userpays-result` / `@userpays-error`.
import { expect } from '@open-wc/testing';
import {
  closeExample,
  expectErrorShown,
  expectPaidResult,
  openExample,
  policyAndImportMap,
  widgetOf,
  type Example,
} from '../support/examples.js';

const PAGE = '/examples/vue/index.html';

interface VueApp {
  config: { compilerOptions: { isCustomElement?: (tag: string) => boolean } };
}

describe('examples/vue', () => {
  let example: Example | undefined;
  afterEach(() => closeExample(example));

  // The server prepares the vendor modules on first request (examples/vendor.mjs): not inside a test's time limit.
  before(async function () {
    this.timeout(60_000);
    for (const path of ['/examples/vendor/vue.js']) expect((await fetch(path)).ok, path).to.equal(true);
  });

  it('renders the element with its attributes, told that userpays- tags are custom elements', async () => {
    example = await openExample(PAGE);
    const widget = await widgetOf(example);
    expect(widget).to.include({ provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'a kite over the dunes' });
    expect((widget as unknown as { endpoint: string }).endpoint).to.match(/\/sim\/bfl\/s\/deliveryCors=1$/);
    // Without it Vue still renders the tag, but first looks for a component of that name and warns.
    const app = (example.doc.querySelector('#app') as Element & { __vue_app__: VueApp }).__vue_app__;
    const isCustomElement = app.config.compilerOptions.isCustomElement!;
    expect(['userpays-image', 'userpays-cost', 'userpays-tally', 'main'].map(isCustomElement)).to.deep.equal([
      true,
      true,
      true,
      false,
    ]);
  });

  it('hears userpays-error through @userpays-error', async () => {
    example = await openExample(PAGE);
    await expectErrorShown(example);
  });

  it('prices, takes the key in the widget’s own field (the only one), generates and renders the result', async () => {
    example = await openExample(PAGE);
    await expectPaidResult(example);
  });

  it("runs under a policy that allows its import map by hash, and eval for Vue's compiler only", async () => {
    const { policy, mapHash, inline } = await policyAndImportMap(PAGE);
    expect(policy, `the import map changed: its hash is now ${mapHash}`).to.contain(
      `script-src 'self' 'unsafe-eval' ${mapHash};`,
    );
    expect(policy).not.to.contain('unsafe-inline');
    expect(inline).to.equal(1);
  });
});
