import { expect } from '@open-wc/testing';
import { UserPaysError } from '../../src/base/errors.js';
import { BflProvider, bflBody } from '../../src/providers/bfl/adapter.js';
import { httpError, retryAfterMs, sleep } from '../../src/providers/engine/http.js';
import { checkImageUrl } from '../../src/providers/engine/provider-urls.js';
import { checkEndpoint } from '../../src/providers/urls.js';
import { providerFor } from '../../src/providers/registry/adapters.js';
import { failure } from '../support/failure.js';
import type { ProviderId } from '../../src/base/types.js';

function thrown(fn: () => unknown): UserPaysError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(UserPaysError);
    return error as UserPaysError;
  }
  throw new Error('expected a UserPaysError');
}

const reply = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('provider URL checks (docs/contract.md, Security)', () => {
  it('accepts https endpoints and http only on loopback, without a trailing slash', () => {
    expect(checkEndpoint('https://api.bfl.ai/')).to.equal('https://api.bfl.ai');
    expect(checkEndpoint('https://api.eu.bfl.ai')).to.equal('https://api.eu.bfl.ai');
    expect(checkEndpoint('http://localhost:8000/sim/bfl/s/fault=402/')).to.equal(
      'http://localhost:8000/sim/bfl/s/fault=402',
    );
    expect(checkEndpoint('http://127.0.0.1:9/proxy')).to.equal('http://127.0.0.1:9/proxy');
  });

  it('lets a provider point at loopback http only when the page itself is on loopback', () => {
    const local = 'http://127.0.0.1:9/result.png';
    expect(checkImageUrl(local, 'localhost')).to.equal(local);
    expect(checkEndpoint('http://localhost:8000/sim', '127.0.0.1')).to.equal('http://localhost:8000/sim');
    for (const page of ['example.com', 'shop.example', '']) {
      expect(() => checkImageUrl(local, page), page).to.throw(UserPaysError);
      expect(() => checkEndpoint('http://localhost:8000/sim', page), page).to.throw(UserPaysError);
    }
    expect(checkImageUrl('https://cdn.example/a.png', 'example.com')).to.equal('https://cdn.example/a.png');
  });

  it('scrubs the key from what a provider says before shortening it: no fragment survives the cut', () => {
    const key = 'sk-live-' + '0123456789abcdef'.repeat(4);
    for (const at of [250, 290, 295, 299]) {
      const detail = 'x'.repeat(at) + key + ' is not valid';
      const error = httpError(new Response(null, { status: 422 }), { detail }, key);
      expect(error.message, String(at)).not.to.contain(key.slice(0, 6));
      expect(error.message).to.contain('…');
    }
  });

  it('rejects http on other hosts and anything odd with invalid-input', () => {
    for (const url of [
      'http://api.bfl.ai',
      'http://192.168.1.2:8000',
      'ftp://api.bfl.ai',
      'javascript:alert(1)',
      'api.bfl.ai',
      '',
      'https://user:secret@api.bfl.ai',
      'https://api.bfl.ai/?key=1',
    ]) {
      const error = thrown(() => checkEndpoint(url));
      expect(error.code, url).to.equal('invalid-input');
      expect(error.retryable).to.equal(false);
      expect(error.message).to.not.contain('secret');
    }
  });

  it('accepts image URLs only as https, blob, data:image/(png|jpeg|webp) (http on loopback)', () => {
    for (const url of [
      'https://delivery.bfl.ai/x.png?sig=1',
      'blob:https://example.com/5d1f',
      'data:image/png;base64,iVBOR',
      'data:image/jpeg;base64,/9j/',
      'data:image/webp;base64,UklG',
      'http://127.0.0.1:8000/sim/delivery/a.png',
    ]) {
      expect(checkImageUrl(url)).to.equal(url);
    }
    for (const url of [
      'http://delivery.example.com/a.png',
      'javascript:alert(1)',
      'data:text/html,<script>',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'ftp://x/a.png',
      'file:///etc/passwd',
      '',
      undefined,
      42,
    ]) {
      expect(thrown(() => checkImageUrl(url)).code, String(url)).to.equal('provider-error');
    }
  });
});

describe('HTTP error mapping', () => {
  it('maps statuses to our error codes', () => {
    expect(httpError(reply(401)).code).to.equal('auth-failed');
    expect(httpError(reply(403)).code).to.equal('auth-failed');
    expect(httpError(reply(402)).code).to.equal('insufficient-funds');
    expect(httpError(reply(404)).code).to.equal('invalid-input');
    const limited = httpError(reply(429, { 'Retry-After': '3' }));
    expect([limited.code, limited.retryable, limited.retryAfterMs]).to.deep.equal(['rate-limited', true, 3000]);
    expect(limited.message).to.contain('3 s');
    const down = httpError(reply(503));
    expect([down.code, down.retryable]).to.deep.equal(['provider-error', true]);
  });

  it('a reply from something in front of the provider after the request went on is no answer; one before it is', () => {
    // A gateway's 502 and 504, and Cloudflare's 520 and 524 (connected, then nothing readable, or nothing within its
    // 100 s): the provider may have run it. Cloudflare's 521, 522, 523, 525, 526 and 530 come before any request
    // reached the provider, as a refusal does.
    const answered = (status: number) => httpError(reply(status)).answered;
    expect([502, 504, 520, 524].map(answered)).to.deep.equal([false, false, false, false]);
    expect([500, 503, 521, 522, 523, 525, 526, 530].every(answered)).to.equal(true);
  });

  it('puts BFL validation details into the message in plain words', () => {
    const error = httpError(reply(422), {
      detail: [
        { loc: ['body', 'width'], msg: 'Input should be a multiple of 16', type: 'multiple_of' },
        { loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' },
      ],
    });
    expect(error.code).to.equal('invalid-input');
    expect(error.retryable).to.equal(false);
    expect(error.message).to.contain('width: Input should be a multiple of 16; prompt: Field required');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs(reply(429, { 'Retry-After': '2' }))).to.equal(2000);
    const date = retryAfterMs(reply(429, { 'Retry-After': new Date(Date.now() + 5000).toUTCString() }))!;
    expect(date).to.be.within(3000, 5000);
    expect(retryAfterMs(reply(429))).to.equal(undefined);
    expect(retryAfterMs(reply(429, { 'Retry-After': 'soon' }))).to.equal(undefined);
  });

  it('sleep() rejects as soon as its signal aborts', async () => {
    const controller = new AbortController();
    // Longer than the test's own timeout: only the abort can end it in time; no bound on the machine's clock is needed.
    const waiting = sleep(60_000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const error = await waiting.then(
      () => undefined,
      (e) => e,
    );
    expect(error).to.be.instanceOf(DOMException);
  });
});

describe('BFL request bodies', () => {
  const ref = (type: string) => ({ dataUrl: `data:image/${type};base64,AAAA${type}`, width: 64, height: 64 });
  const base = { prompt: 'a cat', width: 1024, height: 576 };

  it('FLUX.2: width/height, references as raw base64 input_image, input_image_2…, BFL’s jpeg by default', () => {
    const body = bflBody({ ...base, model: 'flux-2-pro', seed: 7, inputs: [ref('png'), ref('jpeg')] });
    expect(body).to.deep.equal({
      prompt: 'a cat',
      seed: 7,
      output_format: 'jpeg',
      width: 1024,
      height: 576,
      input_image: 'AAAApng',
      input_image_2: 'AAAAjpeg',
    });
    expect(
      JSON.parse(JSON.stringify(bflBody({ ...base, model: 'flux-2-klein-4b', settings: { outputFormat: 'png' } }))),
    ).to.deep.equal({
      prompt: 'a cat',
      output_format: 'png',
      width: 1024,
      height: 576,
    });
  });

  it('FLUX1.1 [pro]: width/height and image_prompt; Ultra and Kontext: aspect ratio; Fill: image', () => {
    expect(bflBody({ ...base, model: 'flux-pro-1.1', inputs: [ref('png')] })).to.include({
      width: 1024,
      height: 576,
      image_prompt: 'AAAApng',
    });
    const ultra = bflBody({ ...base, model: 'flux-pro-1.1-ultra', inputs: [ref('png')] });
    expect(ultra).to.include({ aspect_ratio: '16:9', image_prompt: 'AAAApng' });
    expect(ultra).to.not.have.any.keys('width', 'height');
    const kontext = bflBody({
      ...base,
      model: 'flux-kontext-pro',
      width: 768,
      height: 1344,
      inputs: [ref('png'), ref('webp')],
    });
    expect(kontext).to.include({ aspect_ratio: '4:7', input_image: 'AAAApng', input_image_2: 'AAAAwebp' });
    const fill = bflBody({ ...base, model: 'flux-pro-1.0-fill', inputs: [ref('png')] });
    expect(fill).to.include({ image: 'AAAApng' });
    expect(fill).to.not.have.any.keys('width', 'height', 'aspect_ratio');
  });
});

describe('provider registry', () => {
  it('serves the BFL adapter, loaded once and shared, and refuses providers not built yet', async () => {
    const [bfl, again] = await Promise.all([providerFor('bfl'), providerFor('bfl')]);
    expect(bfl).to.be.instanceOf(BflProvider);
    expect(again).to.equal(bfl);
    expect(await providerFor('bfl')).to.equal(bfl);
    expect([bfl.id, bfl.defaultEndpoint, bfl.needsKey]).to.deep.equal(['bfl', 'https://api.bfl.ai', true]);
    const error = await failure(providerFor('midjourney' as ProviderId));
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.contain('"midjourney" is not available yet');
    expect((await failure(providerFor('constructor' as ProviderId))).code).to.equal('invalid-input');
  });
});
