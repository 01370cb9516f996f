import { expect } from '@open-wc/testing';
import { BUILTIN_PRICE_BOOK, GATEWAY_PRICE_BOOKS } from '../../src/providers/registry/prices.js';
import { DEFAULT_MODEL, MODELS, modelInfo } from '../../src/pricing/index.js';

describe('models', () => {
  it('lists every model in picker order, FLUX.2 first, the other families after it', () => {
    expect(MODELS.map((m) => m.id)).to.deep.equal([
      'flux-2-klein-4b',
      'flux-2-klein-9b',
      'flux-2-klein-9b-base',
      'flux-2-pro',
      'flux-2-flex',
      'flux-2-max',
      'flux-3-image',
      'flux-2-dev',
      'flux-1-schnell',
      'flux-1-dev',
      'flux-kontext-pro',
      'flux-kontext-max',
      'flux-pro-1.1',
      'flux-pro-1.1-ultra',
      'flux-pro-1.0-fill',
      'flux-erase',
      'flux-outpainting',
      'gpt-image-2.6-flare',
      'gpt-image-2.6-sunburst',
      'gpt-image-2.5-flare',
      'gpt-image-2.5-sunburst',
      'gpt-image-2',
      'gpt-image-1.5',
      'gpt-image-1',
      'gpt-image-1-mini',
      'gemini-nano-banana-2.1',
      'gemini-3-pro-image',
      'gemini-3.1-flash-lite-image',
      'gemini-3.1-flash-image',
      'imagen-4-fast',
      'imagen-4',
      'imagen-4-ultra',
      'seedream-4.5',
      'seedream-5-lite',
      'qwen-image',
      'grok-imagine',
    ]);
  });

  it('defaults to FLUX.2 [klein] 4B and finds models by id', () => {
    expect(DEFAULT_MODEL).to.equal('flux-2-klein-4b');
    expect(modelInfo(DEFAULT_MODEL)?.label).to.equal('FLUX.2 [klein] 4B');
    expect(modelInfo('flux-pro-1.1-ultra')).to.deep.equal({ id: 'flux-pro-1.1-ultra', label: 'FLUX1.1 [pro] Ultra' });
    // Puter's "FLUX.2 Klein 9B" is Replicate's undistilled base model: its name says so.
    expect(modelInfo('flux-2-klein-9b-base')?.label).to.equal('FLUX.2 [klein] 9B base');
    expect(modelInfo('flux-3')).to.equal(undefined);
  });

  it('states, beside each BFL price, the sizes and references of the BFL schema', () => {
    const facts = Object.fromEntries(
      MODELS.filter((m) => BUILTIN_PRICE_BOOK[m.id]?.bfl).map((m) => {
        const { sizes, references } = BUILTIN_PRICE_BOOK[m.id].bfl!;
        const size = sizes!.kind === 'pixels' ? `pixels/${sizes!.step}` : sizes!.kind;
        return [m.id, `${size} ${references!.max}${references!.required ? ' required' : ''}`];
      }),
    );
    expect(facts).to.deep.equal({
      'flux-2-klein-4b': 'pixels/16 4',
      'flux-2-klein-9b': 'pixels/16 4',
      'flux-2-pro': 'pixels/16 8',
      'flux-2-flex': 'pixels/16 8',
      'flux-2-max': 'pixels/16 8',
      'flux-3-image': 'ratios 10',
      'flux-kontext-pro': 'aspect 4',
      'flux-kontext-max': 'aspect 4',
      'flux-pro-1.1': 'pixels/32 1',
      'flux-pro-1.1-ultra': 'aspect 1',
      'flux-pro-1.0-fill': 'input 1 required',
      'flux-erase': 'input 1 required',
      // FLUX Outpainting: any whole pixels (its canvas), its one image required.
      'flux-outpainting': 'pixels/1 1 required',
    });
  });

  it('prices every model somewhere: FLUX.2 [dev] is hosted (not at BFL), and so is Puter’s [klein] 9B base', () => {
    // Built in, or known at a host (OpenAI's GPT Image at api.openai.com, the openai provider's own).
    const known = (id: string) => [BUILTIN_PRICE_BOOK, ...Object.values(GATEWAY_PRICE_BOOKS)].some((book) => book[id]);
    for (const model of MODELS) expect(known(model.id), model.id).to.equal(true);
    expect(Object.keys(BUILTIN_PRICE_BOOK['flux-2-dev']).sort()).to.deep.equal(['fal', 'huggingface', 'puter']);
    // FLUX.1 [schnell] through Hugging Face (routed to fal) and Pollinations (its `flux`); [dev] only through Hugging Face.
    expect(Object.keys(BUILTIN_PRICE_BOOK['flux-1-schnell']).sort()).to.deep.equal(['huggingface', 'pollinations']);
    expect(Object.keys(BUILTIN_PRICE_BOOK['flux-1-dev'])).to.deep.equal(['huggingface']);
    expect(Object.keys(BUILTIN_PRICE_BOOK['flux-2-klein-9b-base'])).to.deep.equal(['puter']);
  });
});
