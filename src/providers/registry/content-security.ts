import { PROVIDER_NAMES, type ProviderId } from '../../base/types.js';
import type { ProviderEntry } from '../provider.js';
import { PROVIDER_IDS, PROVIDERS } from './registry.js';

/**
 * What a page's Content-Security-Policy must allow for each provider: the table of docs/embedding.md, "Content-Security-
 * Policy", which scripts/csp-table.mjs writes from `contentSecurity()`. Never imported by the widget, so it adds
 * nothing to what a page loads. Each provider's endpoint is its own `defaultEndpoint()` (its info.ts), a gateway's the
 * hosts whose prices are built in (openai/prices.ts, `hostPrices`); the other hosts are here, each with where it comes
 * from. test/providers/csp-table-names-every-host.test.ts holds the rows to what each adapter sends, to the hosts the
 * relay may reach (relay/worker.js, `DEFAULT_HOSTS`) and to the recorded exchanges (test/recorded/).
 */

/** The sources of one provider's row, by directive. */
interface Directives {
  /** `connect-src`: where the widget (or Puter's SDK) sends requests and fetches images. */
  connect: string[];
  /** `img-src`: where an image is shown from when its host will not let the page read it (no CORS). */
  img: string[];
  /** `script-src`: a script the widget adds to the page. */
  script: string[];
}

/** A row of the table: who it is for, its sources, and what it cannot list. */
export interface PolicyRow extends Directives {
  /** The provider id, or `gateway` for provider `openai` with an `endpoint` of the page's. */
  id: ProviderId | 'gateway';
  /** The row's first cell, in words (Markdown). */
  name: string;
  note?: string;
}

/**
 * Replicate's files, where Puter's FLUX models answer (src/providers/puter/README.md; the relay's `DEFAULT_HOSTS`), and
 * Together AI's short links (`api.together.ai/shrt/…`: test/recorded/together-flux-2-max.json), which Puter passes on
 * for the models Together serves it, and which Together's own API answers with.
 */
const REPLICATE = ['https://replicate.delivery', 'https://*.replicate.delivery'];
const TOGETHER_IMAGES = 'https://api.together.ai';
/** fal's CDN, where its results point (v3.fal.media…; the relay's `DEFAULT_HOSTS`), Hugging Face's router's too. */
const FAL_MEDIA = ['https://fal.media', 'https://*.fal.media'];
/**
 * BFL: the regional API hosts a task's `polling_url` names (api.eu2.bfl.ai, api.eu4.bfl.ai as recorded:
 * test/recorded/bfl-flux-2-*.json), the delivery hosts of `result.sample` (delivery-eu1.bfl.ai…: docs/relay.md), and the
 * Azure storage account both recorded tasks delivered from.
 */
const BFL = ['https://*.bfl.ai', 'https://bfldeliveryprodeu4.blob.core.windows.net'];

/**
 * Beyond its endpoint's origin, what each row reaches (none: its endpoint alone). Partial, so that a provider added to
 * `PROVIDER_NAMES` compiles without it (docs/architecture.md, "Adding a provider"); the test says what it lacks.
 */
const BEYOND: Partial<Record<PolicyRow['id'], Partial<Directives> & { note?: string }>> = {
  puter: {
    // Puter's SDK opens a socket to its API (socket.io: @heyputer/puter.js src/modules/FileSystem/index.js), unless
    // the widget points it at another API (puter/account.ts, `puter_socket_enabled`); then images from the model's host.
    connect: ['wss://api.puter.com', ...REPLICATE, TOGETHER_IMAGES],
    img: [...REPLICATE, TOGETHER_IMAGES],
    // The SDK, from `puter-src` (by default https://js.puter.com/v2/), on the first click.
    script: ['https://js.puter.com'],
    note:
      'Puter passes on the link of the service that made the image (Replicate or Together AI for FLUX); for the ' +
      'other families, another host may answer, not listed here. With `puter-src` on your own origin, `script-src` ' +
      "needs `'self'` instead of `https://js.puter.com`.",
  },
  bfl: {
    connect: BFL,
    img: BFL,
    note: 'without a relay, an image is shown from its link for about 10 minutes, and not kept.',
  },
  // fal's Platform API for the balance and the live prices (fal/adapter.ts, `#platform`), its REST API where an image to
  // send is uploaded (fal/storage.ts), then its CDN (the upload's signed URL, and the results).
  fal: { connect: ['https://api.fal.ai', 'https://rest.fal.ai', ...FAL_MEDIA], img: FAL_MEDIA },
  // GPT Image at OpenAI answers `b64_json`: nothing beyond its API.
  openai: {},
  gateway: {
    connect: [TOGETHER_IMAGES],
    img: [TOGETHER_IMAGES],
    note: "another gateway needs its `endpoint`'s origin, and the host of the image links it answers with, if any.",
  },
  // Images come as data URLs (openrouter/adapter.ts); the sign-in trades its code at the endpoint.
  openrouter: {},
  // The hub that issues the sign-in's token and says who it is (huggingface/account.ts, `hubOf`), then fal's CDN,
  // where the router's results point (huggingface/README.md).
  huggingface: { connect: ['https://huggingface.co', ...FAL_MEDIA], img: FAL_MEDIA },
  // Where the sign-in trades its code (pollinations/account.ts, `authOf`); the image is the reply itself.
  pollinations: { connect: ['https://enter.pollinations.ai'] },
  // Images come inline, in the reply.
  google: {},
};

/** The origin of an address. */
const origin = (url: string) => new URL(url).origin;

/** The rows, in the registry's order, a gateway's after OpenAI's. */
export function contentSecurity(): PolicyRow[] {
  return PROVIDER_IDS.flatMap((provider): PolicyRow[] => {
    const { info, hostPrices }: ProviderEntry = PROVIDERS[provider];
    const own = info.defaultEndpoint();
    const row = (which: PolicyRow['id'], name: string, endpoints: string[]): PolicyRow => {
      const { connect = [], img = [], script = [], note } = BEYOND[which] ?? {};
      return { id: which, name, connect: [...endpoints, ...connect], img, script, ...(note && { note }) };
    };
    const name = info.ownName ?? PROVIDER_NAMES[provider];
    if (provider !== 'openai') return [row(provider, `${name} (\`${provider}\`)`, [origin(own)])];
    // The hosts whose prices are built in, OpenAI's own aside.
    const gateways = Object.keys(hostPrices ?? {})
      .map((host) => `https://${host}`)
      .filter((gateway) => gateway !== origin(own));
    return [
      row('openai', `${name} (\`openai\`, no \`endpoint\`)`, [origin(own)]),
      row('gateway', 'a gateway (`openai` with `endpoint`)', gateways),
    ];
  });
}
