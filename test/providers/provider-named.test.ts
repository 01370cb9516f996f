// Words a user can act on: a refusal says which provider refused, where the adapter knows it, over
// real HTTP against each provider's simulator. The shared mapping of replies (`httpError`) and the adapters' own
// refusals say "the provider"; `guard` names it.
import { expect } from '@open-wc/testing';
import { BflProvider } from '../../src/providers/bfl/adapter.js';
import { FalProvider } from '../../src/providers/fal/adapter.js';
import { OpenAiProvider } from '../../src/providers/openai/adapter.js';
import type { ProviderRequest, RunContext } from '../../src/providers/provider.js';
import { failure } from '../support/failure.js';
import { providerHarness } from '../support/provider-harness.js';

const bfl = providerHarness(new BflProvider(), { keyPrefix: 'test-key' });
const fal = providerHarness(new FalProvider(), { keyPrefix: 'fal-test-key', crossOrigin: true });
const gateway = providerHarness(new OpenAiProvider(), {
  keyPrefix: 'sk-gw-test',
  crossOrigin: true,
  request: { model: 'flux-2-klein-9b', prompt: 'a red ceramic mug on white marble', width: 768, height: 512 },
});

/** How a run `started` at a simulator fails: its error's code and message. */
async function refused(started: { promise: Promise<unknown> }) {
  const error = await failure(started.promise);
  return [error.code, error.message];
}

describe('a refusal names the provider that refused', () => {
  it('BFL, fal and the gateway declining a prompt each say who declined it', async () => {
    const declined = [
      await failure(bfl.start('pending=60;fault=content-moderated').promise),
      await failure(fal.start('fault=moderated').promise),
      await failure(gateway.start('fault=moderated').promise),
    ];
    expect(declined.map((error) => [error.code, error.message])).to.deep.equal(
      ['BFL', 'fal', 'The gateway'].map((who) => [
        'moderated',
        `${who} declined this prompt or its images for safety reasons. Rephrase it and try again.`,
      ]),
    );
    // BFL's refusal before generating is of the prompt alone (its status 'Request Moderated'), and says only that.
    expect(await refused(bfl.start('fault=request-moderated'))).to.deep.equal([
      'moderated',
      'BFL declined this prompt for safety reasons: rephrase it.',
    ]);
  });

  it('a key refused, or settings refused, name the provider too', async () => {
    expect(await refused(fal.start('fault=401'))).to.deep.equal([
      'auth-failed',
      'fal did not accept your API key. Check the key (or create a new one in your fal account) and try again.',
    ]);
    const [code, message] = await refused(bfl.start('fault=422'));
    expect(code).to.equal('invalid-input');
    expect(message).to.match(/^BFL refused the request \(.+\)\. Change the settings and try again\.$/);
  });

  it('a task that failed, or a reply the page cannot read, name the provider too', async () => {
    expect(await refused(bfl.start('fault=error'))).to.deep.equal([
      'provider-error',
      'BFL could not make this image. Try again in a moment.',
    ]);
    const [, unreadable] = await refused(gateway.start('fault=bad-json'));
    expect(unreadable).to.equal('The gateway sent a reply this page could not read. Try again in a moment.');
  });
});

describe("OpenAI's own API is named OpenAI, a gateway the gateway", () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  /**
   * What the OpenAI adapter says of a reply of `status` from `endpoint`. OpenAI's own address is not reached: the
   * page's fetch answers for it, as OpenAI does.
   */
  async function refusal(endpoint: string, status: number) {
    window.fetch = async () => new Response('{}', { status, headers: { 'content-type': 'application/json' } });
    const context = { endpoint, apiKey: 'sk-test', signal: new AbortController().signal } as RunContext;
    const request = { model: 'gpt-image-1.5', prompt: 'a red ceramic mug', width: 1024, height: 1024 };
    return failure(new OpenAiProvider().generate(request as ProviderRequest, context));
  }

  it('a 429 and a 402 from api.openai.com say OpenAI; from a gateway, the gateway and its host', async () => {
    expect((await refusal('https://api.openai.com', 429)).message).to.equal(
      'OpenAI is busy with too many of your requests. Wait a few seconds and try again.',
    );
    expect((await refusal('https://api.openai.com', 402)).message).to.equal(
      'Your OpenAI account does not have enough credit for this. Add credit at OpenAI, then try again.',
    );
    expect((await refusal('https://gateway.example', 429)).message).to.equal(
      'The gateway is busy with too many of your requests. Wait a few seconds and try again.',
    );
    expect((await refusal('https://gateway.example', 402)).message).to.equal(
      'Your gateway account does not have enough credit for this. Add credit at gateway.example, then try again.',
    );
  });
});
