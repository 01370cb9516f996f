// examples/react: React 19 renders <userpays-image> with attributes (the key typed into the widget's own field) and
// listens with React 19's custom-element event props (`onuserpays-result`, `onuserpays-error`). React itself ships
// CommonJS only: test/examples/examples-plugin.mjs serves it as ES modules, bundled by esbuild, as `npm start` does.
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

const PAGE = '/examples/react/index.html';

describe('examples/react', () => {
  let example: Example | undefined;
  afterEach(() => closeExample(example));

  // The server prepares the vendor modules on first request (examples/vendor.mjs): not inside a test's time limit.
  before(async function () {
    this.timeout(60_000);
    for (const path of ['/examples/vendor/react.js', '/examples/vendor/react-dom-client.js'])
      expect((await fetch(path)).ok, path).to.equal(true);
  });

  it('renders the element with its attributes, one React in the page', async () => {
    example = await openExample(PAGE);
    const widget = await widgetOf(example);
    expect(widget).to.include({ provider: 'bfl', model: 'flux-2-klein-4b', prompt: 'a paper boat on a puddle' });
    expect((widget as unknown as { endpoint: string }).endpoint).to.match(/\/sim\/bfl\/s\/deliveryCors=1$/);
    // react-dom/client bundled with `react` left to the page's React module, not a copy of its own.
    const client = await (await fetch('/examples/vendor/react-dom-client.js')).text();
    expect(client).to.match(/from "\.\/react\.js"/);
    expect(client).not.to.contain('react/cjs/react.development.js');
  });

  it('hears userpays-error through onuserpays-error', async () => {
    example = await openExample(PAGE);
    await expectErrorShown(example);
  });

  it('prices, takes the key in the widget’s own field (the only one), generates and renders the result', async () => {
    example = await openExample(PAGE);
    await expectPaidResult(example);
  });

  it('runs under a strict policy that allows its import map by hash, and nothing else inline', async () => {
    const { policy, mapHash, inline } = await policyAndImportMap(PAGE);
    expect(policy, `the import map changed: its hash is now ${mapHash}`).to.contain(`script-src 'self' ${mapHash};`);
    expect(policy).not.to.contain('unsafe');
    expect(inline).to.equal(1);
  });
});
