// The demo's check page (demo/check.html, under the demo's strict Content-Security-Policy), as `npm start` serves it:
// a provider picked, its simulator with a difference planted, Check says it in words with both figures, "Make one
// image" shows quoted against charged, and the report downloads as JSON with the key nowhere in it.
import { expect } from '@open-wc/testing';
import { loadedFrame } from '../support/frames.js';
import { forgetStorage, holdDefaultStorageKey } from '../support/storage.js';
import { until } from '../support/wait.js';

describe('the demo check page', function () {
  this.timeout(30_000);
  let release: (() => void) | undefined;
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    frame?.remove();
    await forgetStorage('userpays');
    release?.();
  });

  it('checks Pollinations with a price changed, makes one image, and downloads a report without the key', async () => {
    release = await holdDefaultStorageKey();
    frame = await loadedFrame('/demo/check.html', { width: 1024, height: 900 });
    const view = frame.contentWindow!;
    const $ = <T extends HTMLElement>(id: string) => view.document.getElementById(id) as T;
    const violations: string[] = [];
    view.document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    await until(() => (view as unknown as { UserPays?: { check?: unknown } }).UserPays?.check);
    const provider = $<HTMLSelectElement>('provider');
    provider.value = 'pollinations';
    provider.dispatchEvent(new Event('change'));
    $<HTMLInputElement>('planted').click();
    $<HTMLButtonElement>('check').click();
    await until(() => !$('results').hidden && $('models').textContent);

    expect($('models').textContent).to.contain(
      'FLUX.1 [schnell] (flux-1-schnell) at 1024×1024: the built-in book says $0.002, the provider says $0.003 now.',
    );
    const make = $<HTMLButtonElement>('make');
    expect(make.hidden).to.equal(false);
    expect(make.textContent).to.equal('Make one image ($0.003)');
    make.click();
    await until(() => !$('image').hidden);
    expect($('image-quoted').textContent).to.equal('$0.003');
    expect($('image-charged').textContent).to.equal('$0.003');

    const saved = new Promise<string>((resolve) => {
      const frameWindow = view as unknown as typeof globalThis;
      frameWindow.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        void fetch(this.href).then(async (reply) => resolve(await reply.text()));
      };
    });
    $<HTMLButtonElement>('download').click();
    const json = await saved;
    expect(JSON.parse(json)).to.include({ format: 'userpays-check/1', provider: 'pollinations' });
    expect(json).not.to.contain('sk_sim_demo');
    expect(violations).to.deep.equal([]);
  });
});
