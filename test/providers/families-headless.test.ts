// UserPays.generate() of a model of the families besides FLUX: it prices, sends and books as the widget does.
import { expect } from '@open-wc/testing';
import { generate } from '../../src/api.js';
import { hostFamilies } from '../../src/providers/openai/families.js';
import { forgetStorage } from '../support/storage.js';
import { simCharged, simEndpoint, submissionsOf, unique } from '../support/sim.js';

describe('UserPays.generate() of GPT Image', function () {
  this.timeout(20_000);

  it('sends GPT Image 2 with its quality and books the reply’s usage', async () => {
    const run = unique('families-headless');
    const storageKey = unique('families-headless-key');
    const apiKey = unique('sk-gpt');
    try {
      const result = await generate(
        { provider: 'openai', model: 'gpt-image-2', prompt: 'a fox', quality: 'medium', width: 1024, height: 1024 },
        {
          apiKey,
          endpoint: simEndpoint('openai', `run=${run}`, { crossOrigin: true }),
          storageKey,
          // OpenAI's prices laid over the simulator's address, as a proxy's page does (they are known at OpenAI's host).
          priceBook: { 'gpt-image-2': { openai: hostFamilies['api.openai.com']['gpt-image-2'] } },
        },
      );
      const [sent] = await submissionsOf('openai', run);
      expect(sent.asked).to.deep.include({ model: 'gpt-image-2', quality: 'medium', size: '1024x1024' });
      expect(result.quote.atMost).to.be.a('string');
      expect(result.charged).to.equal(await simCharged('openai', apiKey));
    } finally {
      await forgetStorage(storageKey);
    }
  });
});
