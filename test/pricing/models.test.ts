import { expect } from '@open-wc/testing';
import { BUILTIN_PRICE_BOOK, DEFAULT_MODEL, MODELS, modelInfo } from '../../src/pricing/index.js';

describe('models', () => {
  it('lists every model in picker order, FLUX.2 first', () => {
    expect(MODELS.map((m) => m.id)).to.deep.equal([
      'flux-2-klein-4b',
      'flux-2-klein-9b',
      'flux-2-pro',
      'flux-2-flex',
      'flux-2-max',
      'flux-2-dev',
      'flux-kontext-pro',
      'flux-kontext-max',
      'flux-pro-1.1',
      'flux-pro-1.1-ultra',
      'flux-pro-1.0-fill',
    ]);
  });

  it('defaults to FLUX.2 [klein] 4B and finds models by id', () => {
    expect(DEFAULT_MODEL).to.equal('flux-2-klein-4b');
    expect(modelInfo(DEFAULT_MODEL)?.label).to.equal('FLUX.2 [klein] 4B');
    expect(modelInfo('flux-pro-1.1-ultra')).to.deep.equal({
      id: 'flux-pro-1.1-ultra',
      label: 'FLUX1.1 [pro] Ultra',
      family: 'flux1',
      hosted: true,
    });
    expect(modelInfo('flux-3')).to.equal(undefined);
  });

  it('states, beside each BFL price, the sizes and references of the BFL schema', () => {
    const facts = Object.fromEntries(
      MODELS.filter((m) => m.hosted).map((m) => {
        const { sizes, references } = BUILTIN_PRICE_BOOK[m.id].bfl!;
        const size = sizes!.kind === 'pixels' ? `pixels/${sizes!.step}` : sizes!.kind;
        return [m.id, `${m.family} ${size} ${references!.max}${references!.required ? ' required' : ''}`];
      }),
    );
    expect(facts).to.deep.equal({
      'flux-2-klein-4b': 'flux2 pixels/16 4',
      'flux-2-klein-9b': 'flux2 pixels/16 4',
      'flux-2-pro': 'flux2 pixels/16 8',
      'flux-2-flex': 'flux2 pixels/16 8',
      'flux-2-max': 'flux2 pixels/16 8',
      'flux-kontext-pro': 'flux1 aspect 4',
      'flux-kontext-max': 'flux1 aspect 4',
      'flux-pro-1.1': 'flux1 pixels/32 1',
      'flux-pro-1.1-ultra': 'flux1 aspect 1',
      'flux-pro-1.0-fill': 'flux1 input 1 required',
    });
  });

  it('has a BFL price for every hosted model and none for the local-only FLUX.2 [dev]', () => {
    for (const model of MODELS) {
      expect(Boolean(BUILTIN_PRICE_BOOK[model.id]?.bfl), model.id).to.equal(model.hosted);
    }
    expect(modelInfo('flux-2-dev')?.hosted).to.equal(false);
  });
});
