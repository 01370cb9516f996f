// examples/vue: Vue 3 with its run-time template compiler, `isCustomElement` for the userpays- tags, the key typed
// into the widget's own field, and the events heard with `@userpays-result` / `@userpays-error`.
import { expect } from '@open-wc/testing';
import {
  describeExample,
  itWiresTheWidget,
  policyAndImportMap,
  vendorModulesReady,
  widgetOf,
} from '../support/examples.js';

interface VueApp {
  config: { compilerOptions: { isCustomElement?: (tag: string) => boolean } };
}

describeExample('vue', (open, page) => {
  vendorModulesReady('/examples/vendor/vue.js');

  it('renders the element with its attributes, told that userpays- tags are custom elements', async () => {
    const example = await open();
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

  itWiresTheWidget(open, '@userpays-error');

  it("runs under a policy that allows its import map by hash, and eval for Vue's compiler only", async () => {
    const { policy, mapHash, inline } = await policyAndImportMap(page);
    expect(policy, `the import map changed: its hash is now ${mapHash}`).to.contain(
      `script-src 'self' 'unsafe-eval' ${mapHash};`,
    );
    expect(policy).not.to.contain('unsafe-inline');
    expect(inline).to.equal(1);
  });
});
