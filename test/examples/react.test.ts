// examples/react: React 19 renders <userpays-image> with attributes (the key typed into the widget's own field) and
// listens with React 19's custom-element event props (`onuserpays-result`, `onuserpays-error`). React itself ships
// CommonJS only: test/examples/examples-plugin.mjs serves it as ES modules, bundled by esbuild, as `npm start` does.
import { expect } from '@open-wc/testing';
import {
  describeExample,
  itRunsUnderAStrictPolicy,
  itWiresTheWidget,
  vendorModulesReady,
  widgetOf,
} from '../support/examples.js';

describeExample('react', (open, page) => {
  vendorModulesReady('/examples/vendor/react.js', '/examples/vendor/react-dom-client.js');

  it('renders the element with its attributes, one React in the page', async () => {
    const widget = await widgetOf(await open());
    expect(widget).to.include({ provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'a paper boat on a puddle' });
    expect((widget as unknown as { endpoint: string }).endpoint).to.match(/\/sim\/bfl\/s\/deliveryCors=1$/);
    // react-dom/client bundled with `react` left to the page's React module, not a copy of its own.
    const client = await (await fetch('/examples/vendor/react-dom-client.js')).text();
    expect(client).to.match(/from "\.\/react\.js"/);
    expect(client).not.to.contain('react/cjs/react.development.js');
  });

  itWiresTheWidget(open, 'onuserpays-error');

  itRunsUnderAStrictPolicy(page);
});
