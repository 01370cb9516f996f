// Wires the demo widget to the local simulators served by demo/server.mjs. One entry per way to pay a provider: its
// simulator, the faults it can act out (a scenario path segment, see each demo/sim/*.mjs), and for the
// providers paid with the user's own API key, the key the demo fills in (the simulators accept any). Each entry's `id`
// is its own (the Provider list's value, and what the tab keeps); the widget's `provider` is that id but where the entry
// names another: OpenAI's own API and a gateway are both provider `openai`.
const PROVIDERS = [
  {
    id: 'puter',
    label: 'Puter · the user’s Puter account',
    sim: '/sim/puter',
    hint: 'Sign in to the simulated Puter (a popup) to pay from its $0.50. Like Puter, it sends the model’s own image link, which this page may not read: shown, not saved.',
    scenarios: [
      ['', 'Normal generation'],
      ['pending=12000', 'Slow (12 s)'],
      ['balance=1500000', 'Low balance ($0.015 left)'],
      ['fault=402', 'Out of funds (402)'],
      ['fault=token_auth_failed', 'Session expired (Puter asks to sign in again)'],
      ['fault=429;times=2', 'Busy twice (429, the SDK retries)'],
      ['fault=failed', 'Failed or moderated (500: Puter does not say which)'],
      ['fault=email_confirmation_required', 'Email not confirmed yet (403)'],
      ['fault=upstream_bad_request', 'Provider refused the request'],
      ['fault=network', 'Connection lost after sending (the page cannot tell whether it ran)'],
      ['credits=2000', 'Usage shown in credits (their worth learned from a generation)'],
      ['plan=temp', 'Temporary account (2 generations at a time)'],
      ['imageCors=1', 'Image host answers web pages (the image is saved)'],
    ],
  },
  {
    id: 'bfl',
    label: 'BFL · the user’s own key',
    sim: '/sim/bfl',
    key: 'sim-demo-key',
    hint: 'The demo fills in a simulator key for you; with a real provider, users paste their own.',
    scenarios: [
      ['', 'Normal generation'],
      ['pending=12000', 'Slow (12 s)'],
      ['fault=402', 'No credits left (402)'],
      ['fault=401', 'Bad key (401)'],
      ['fault=429', 'Too many tasks (429)'],
      ['fault=content-moderated', 'Content moderated'],
      ['fault=error', 'Provider error'],
      ['fault=network', 'Connection lost after sending (the page cannot tell whether it ran)'],
      ['fault=accept-then-drop', 'Reply lost after BFL accepted (may have been charged)'],
      ['fault=accept-then-reset', 'Reply lost, the request sent again and charged twice'],
      ['cors=none', 'BFL’s API refuses web pages (no CORS): needs the relay'],
      ['fault=request-moderated', 'Refused before generating (refund unknown)'],
      ['cost=null', 'Reply without a cost (the preview’s price is booked)'],
      ['progress=moving', 'Reports progress (no real FLUX.2 task does)'],
    ],
  },
  {
    id: 'fal',
    label: 'fal · the user’s own key',
    sim: '/sim/fal',
    key: 'sim-demo-key',
    hint: 'fal’s queue: the widget shows the queue position, then fal’s logs. Prices are fal’s per-megapixel rates.',
    scenarios: [
      ['', 'Normal generation'],
      ['fault=402', 'No balance (402)'],
      ['fault=401', 'Bad key (401)'],
      ['fault=429', 'Rate limited (429)'],
      ['fault=moderated', 'Content moderated'],
      ['fault=nsfw', 'Safety checker flags the image (withheld, billed)'],
      ['fault=error', 'Provider error'],
      ['fault=never-ready', 'Stuck in the queue (try Cancel)'],
      ['fault=network', 'Connection lost after sending (the page cannot tell whether it ran)'],
      ['fault=accept-then-drop', 'Reply lost after fal queued it (may have been charged)'],
      ['upload=refused', 'An edit: fal’s storage refuses the image (nothing sent)'],
      ['upload=corrupt', 'An edit: fal cannot read the image (refused after it ran: may have been charged)'],
    ],
  },
  {
    id: 'openrouter',
    label: 'OpenRouter · sign in, or the user’s own key',
    sim: '/sim/openrouter',
    hint: 'Sign in with the simulated OpenRouter (a popup, or the whole page where popups are blocked): the key it gives is capped at the page’s budget ($1.00) and pays from that account’s $4.20; the account line says what is left of the cap. OpenRouter says what each image cost, and that is what is booked.',
    scenarios: [
      ['', 'Normal generation (the image API)'],
      ['images=none', 'Chat completions (the model not on the image API)'],
      ['credits=0.01', 'Little credit left ($0.01: 402 at OpenRouter)'],
      ['keylimit=0.01', 'A pasted key capped at $0.01 (refused before sending)'],
      ['limit=ignored', 'The sign-in’s key made without a cap (“no cap” said)'],
      ['fault=402', 'No credits (402)'],
      ['fault=401', 'Key revoked or sign-in expired (401)'],
      ['fault=429', 'Rate limited (429)'],
      ['fault=403', 'Prompt flagged by moderation (403)'],
      ['fault=403-guardrail', 'Refused by a guardrail (403)'],
      ['fault=403-keylimit', 'Key limit exceeded (403)'],
      ['fault=502', 'Model down: OpenRouter’s own 502 (nothing charged)'],
      ['fault=502-bare', 'A bare 502 after sending (may have been charged)'],
      ['byok=1', 'Your own provider key (BYOK: both parts booked)'],
      ['fault=network', 'Connection lost after sending (the page cannot tell whether it ran)'],
      ['cost=null', 'Reply without usage.cost (the preview’s price is booked)'],
      ['cost=0.02', 'Charged otherwise than the preview said'],
    ],
  },
  {
    id: 'pollinations',
    label: 'Pollinations · sign in, or the user’s own key',
    sim: '/sim/pollinations',
    // The site's publishable App Key (made at enter.pollinations.ai, with this page's address as a Redirect URI); the
    // simulator has pk_simdemo registered for the demo's addresses on loopback.
    appKey: 'pk_simdemo',
    hint: 'Sign in with the simulated Pollinations (a popup, or the whole page where popups are blocked): you choose how much pollen this site may spend and for how many days, and Pollinations enforces both; the account line says what is left of that budget. 1 pollen = $1.',
    scenarios: [
      ['', 'Normal generation'],
      ['pollen=0', 'No pollen in the account (402)'],
      ['limit=ignored', 'The sign-in’s key made without a budget (“no cap” said)'],
      ['price=klein:0.006', 'A price changed since the bundled list (the live one is used)'],
      ['app=pk_simearn', 'This site earns 25 % (its App Key has Pollinations’ earnings on)'],
      ['charge=0.007', 'Charged otherwise than listed (the receipt says what the budget fell by)'],
      ['fault=accept-then-drop', 'Reply lost after the image was made (settled from the key’s budget)'],
      ['fault=401', 'Key expired or revoked (401)'],
      ['fault=429', 'Rate limited (429)'],
      ['fault=network', 'Connection lost after sending (the page cannot tell whether it ran)'],
    ],
  },
  {
    id: 'huggingface',
    label: 'Hugging Face · sign in, or the user’s own token',
    sim: '/sim/huggingface',
    // The site's public OAuth client id (an OAuth app made at huggingface.co/settings/connected-applications); the
    // simulator knows the ids that start with sim-client.
    clientId: 'sim-client-demo',
    hint: 'Sign in with the simulated Hugging Face (a popup, or the whole page where popups are blocked): HF routes the request to fal and bills the user’s HF account at fal’s price.',
    scenarios: [
      ['', 'Normal generation'],
      ['fault=402', 'Included credits used up (402)'],
      ['fault=401', 'Token expired or revoked (401)'],
      ['fault=403', 'Token without the inference-api scope (403)'],
      ['fault=429', 'Rate limited (429)'],
      ['fault=500', 'Provider error (500)'],
      ['fault=network', 'Connection lost after sending (the page cannot tell whether it ran)'],
    ],
  },
  {
    id: 'google',
    label: 'Google AI Studio · the user’s own key',
    sim: '/sim/google',
    key: 'sim-demo-key',
    hint: 'Nano Banana (Gemini image models) with the user’s Gemini API key. Gemini is billed by the tokens it uses: the widget says at most what it can cost before the click, and books what Google reports after it.',
    scenarios: [
      ['', 'Normal generation'],
      ['pending=12000', 'Slow (12 s)'],
      ['fault=badkey', 'Bad key (400 API_KEY_INVALID)'],
      ['fault=429', 'Quota used up (429 RESOURCE_EXHAUSTED)'],
      ['fault=429;quota=day', 'Daily quota used up (429 RESOURCE_EXHAUSTED, per day)'],
      ['fault=500', 'Provider error (500)'],
      ['fault=moderated', 'Image withheld for safety (Gemini bills the prompt)'],
      ['thoughts=800', 'Gemini thinks at length (800 thought tokens)'],
      ['usage=none', 'A reply without its usage (the bound is booked)'],
    ],
  },
  {
    id: 'openai',
    label: 'OpenAI · the user’s own key',
    sim: '/sim/openai',
    key: 'sim-demo-key',
    hint: 'GPT Image with the user’s own OpenAI key, billed in tokens: at most what an image can cost is said before the click, and the usage OpenAI reports is booked after it. The simulator stands at this page’s address, where the widget knows no prices and no name: the page states OpenAI’s own prices, as a site that sends through its own proxy to OpenAI would, and the widget calls whom you pay “the gateway”. A site that names no endpoint sends to api.openai.com, and the widget says OpenAI.',
    // No `priceBook` of its own: the page's, OpenAI's prices as the widget's own book has them (below).
    scenarios: [
      ['', 'Normal generation'],
      ['pending=12000', 'Slow (12 s)'],
      ['fault=401', 'Bad key (401)'],
      ['fault=402', 'No balance (402)'],
      ['fault=quota', 'Quota used up (429 insufficient_quota)'],
      ['fault=429', 'Rate limited (429)'],
      ['fault=moderated', 'Refused by moderation (400 moderation_blocked)'],
      ['fault=unverified', 'Organization not verified for the model (403)'],
      ['fault=500', 'Provider error (500)'],
      ['fault=network', 'Connection lost after sending (the page cannot tell whether it ran)'],
      ['fault=accept-then-drop', 'Reply lost after OpenAI billed (may have been charged)'],
      ['usage=none', 'A reply without its usage (the bound is booked)'],
    ],
  },
  {
    id: 'gateway',
    provider: 'openai',
    label: 'A gateway · the user’s own key',
    sim: '/sim/openai',
    key: 'sim-demo-key',
    hint: 'A gateway whose price the page sets: $0.040 per image, plus the 5 % the gateway takes at top-up.',
    // Gateways have no built-in prices: the host page states them (gateway-prices.js).
    priceBook: globalThis.demoGatewayPrices,
    scenarios: [
      ['', 'Normal generation'],
      ['fault=402', 'No balance (402)'],
      ['fault=quota', 'Quota used up (429 insufficient_quota)'],
      ['fault=401', 'Bad key (401)'],
      ['fault=429', 'Rate limited (429)'],
      ['fault=moderated', 'Content policy (400)'],
      ['fault=network', 'Connection lost after sending (the page cannot tell whether it ran)'],
      ['fault=accept-then-drop', 'Reply lost after the gateway billed (may have been charged)'],
    ],
  },
];

const widget = document.getElementById('widget');
const providerSelect = document.getElementById('provider');
const scenarioSelect = document.getElementById('scenario');
const hint = document.getElementById('hint');
const relaySelect = document.getElementById('relay');
const languageSelect = document.getElementById('language');
const options = (select, entries) => select.replaceChildren(...entries.map(([value, text]) => new Option(text, value)));
const current = () => PROVIDERS.find((p) => p.id === providerSelect.value);
/** The widget's provider for an entry. */
const providerOf = (entry) => entry.provider ?? entry.id;

// OpenAI's prices for GPT Image are known at api.openai.com only: the OpenAI entry's simulator is at this page's address,
// so the page states them (its `priceBook`), read from the widget's own book by the server (demo/openai-prices.mjs).
// It states them whatever the provider in force, as a site that sends through its own proxy to OpenAI sets its price
// book once (but on the gateway's entry, whose page states the gateway's prices): a switch from the comparison to GPT
// Image at OpenAI is then priced before the bar brings OpenAI's simulator, and so followed (`userpays-quote`, below).
// Until they arrive the OpenAI entry has none, and the widget says it has no price yet: never a wrong one.
let openaiPrices = null;
fetch('/openai-prices.json')
  .then((reply) => (reply.ok ? reply.json() : Promise.reject(new Error(`HTTP ${reply.status}`))))
  .then(async (book) => {
    openaiPrices = book;
    // Set after the widget's first update: Lit gives it then what was set before it was defined (the first
    // applyProvider's null), over anything set since.
    await customElements.whenDefined('userpays-image');
    await widget.updateComplete;
    if (!current().priceBook) widget.priceBook = book;
  })
  .catch(() => {
    const openai = PROVIDERS.find((p) => p.id === 'openai');
    openai.hint = `${openai.hint} Its prices could not load: npm start serves them (see its console).`;
    if (current() === openai) applyScenario();
  });

// "Connection lost after sending": the simulator reads the whole request, then drops the connection unanswered. The
// simulator knows it did not run it; the page cannot, as a reply lost after the provider took it breaks the same way:
// it is held (docs/reliability.md, "A failure that reached no provider"). BFL's balance then shows no charge, which on
// a pasted key says nothing of another site's use of it.
// Why a lost reply is held at 7 times its price here, where a provider's own API holds it at 2 (docs/ledger.md): the
// simulators answer on plain http, where a browser sends a request again once for each connection it had open.
const RESENDS =
  'A reply lost here is held at up to 7 times its price until its balance or you say what it cost: this demo’s simulators answer on plain http, where a browser may send a request again up to 7 times when its connection breaks. A provider’s own API is https, where it may send it twice at most: up to 2 times the price.';
const losesReply = (scenario) => /fault=(network|accept-then-drop|accept-then-reset)/.test(scenario);

function applyScenario() {
  const { sim, hint: said, id } = current();
  const scenario = scenarioSelect.value;
  hint.textContent = id !== 'puter' && losesReply(scenario) ? `${said} ${RESENDS}` : said;
  // A provider's own API is on another origin than the page: CORS applies only there. The simulators answer
  // under both loopback names, so the scenario that refuses CORS is played on the other one.
  const origin = scenario.includes('cors=none')
    ? location.origin.replace(/localhost|127\.0\.0\.1/, (host) => (host === 'localhost' ? '127.0.0.1' : 'localhost'))
    : location.origin;
  widget.endpoint = `${origin}${sim}${scenario ? `/s/${scenario}` : ''}`;
  // The tally reconciles each provider at the endpoint its widget pays at (with the key remembered there).
  const tally = document.querySelector('userpays-tally');
  if (tally) tally.endpoints = { ...tally.endpoints, [id]: widget.endpoint };
  // A key is kept for the address it was given at: the demo's key is given again where the scenario moved it, so that
  // the fault the scenario is named for is what the visitor meets, not a key to type again.
  if (current().key && origin !== location.origin) widget.apiKey = current().key;
  // A scenario of the page rather than the provider: the site's App Key with Pollinations' developer earnings on.
  const app = /(?:^|;)app=([^;]+)/.exec(scenario)?.[1];
  if (current().appKey) widget.pollinationsAppKey = app ?? current().appKey;
  widget.pollinationsEarnings = !!app;
}

function applyProvider() {
  const entry = current();
  options(scenarioSelect, entry.scenarios);
  hint.textContent = entry.hint;
  widget.priceBook = entry.priceBook ?? openaiPrices;
  widget.provider = providerOf(entry);
  widget.huggingfaceClientId = entry.clientId ?? '';
  widget.pollinationsAppKey = entry.appKey ?? '';
  applyScenario();
  // The demo's key where its simulator has one; elsewhere nothing is set, for an empty key set now would erase the
  // one the user signed in for and chose to remember (a popup's or a reloaded page's widget too).
  if (entry.key) widget.apiKey = entry.key;
}

options(
  providerSelect,
  PROVIDERS.map((p) => [p.id, p.label]),
);
// The simulator chosen is kept for this tab: a sign-in by redirect (popups blocked) leaves the page and comes back.
// Kept before the OpenAI entry came, as `provider`: `openai` was the gateway's.
const kept = JSON.parse(sessionStorage.getItem('demo-simulator') ?? '{}');
const keptEntry = kept.entry ?? (kept.provider === 'openai' ? 'gateway' : kept.provider);
// The elements speak the closest lang, as native controls do: the demo sets <main>'s (English or German, bundled).
const applyLanguage = () => (document.querySelector('main').lang = languageSelect.value);
if (kept.language === 'de') languageSelect.value = 'de';
applyLanguage();
providerSelect.value = PROVIDERS.some((p) => p.id === keptEntry) ? keptEntry : widget.getAttribute('provider');
applyProvider();
if (current().scenarios.some(([value]) => value === kept.scenario)) {
  scenarioSelect.value = kept.scenario;
  applyScenario();
}
const keep = () =>
  sessionStorage.setItem(
    'demo-simulator',
    JSON.stringify({ entry: providerSelect.value, scenario: scenarioSelect.value, language: languageSelect.value }),
  );
providerSelect.addEventListener('change', () => (applyProvider(), keep()));
// Price details compares every provider the widget's `providers` allows, and a click there switches the widget: the
// bar follows, with that provider's simulator and key. The comparison prices each at its public address: OpenAI with
// the prices it has there, which the page states too (a gateway needs the page's prices, so the demo's is not compared).
// A quote of a provider the widget has since left (the select changed while the first price was on its way) is not
// followed: the bar would go back to it. One of the provider of the entry in force stays on it (the gateway's, of
// provider openai, too); another brings the entry of that id (for openai, OpenAI's own, never the gateway).
widget.addEventListener('userpays-quote', ({ detail }) => {
  if (detail.provider !== widget.provider || detail.provider === providerOf(current())) return;
  if (!PROVIDERS.some((p) => p.id === detail.provider)) return;
  providerSelect.value = detail.provider;
  applyProvider();
  keep();
});
scenarioSelect.addEventListener('change', () => (applyScenario(), keep()));
languageSelect.addEventListener('change', () => (applyLanguage(), keep()));

// The relay (relay/worker.js in the Workers runtime, started by demo/server.mjs): BFL's delivery host answers
// no CORS, so without it BFL's images are shown from BFL's link and not saved; through it they are saved.
// The widget keeps a key for each way it goes (straight, or through a relay): the demo's key is given for the relay's
// way too, as its note says it fills one in (not a key to type again).
relaySelect.addEventListener('change', () => {
  widget.relay = relaySelect.value;
  const tally = document.querySelector('userpays-tally');
  if (tally) tally.relay = relaySelect.value;
  if (current().key) widget.apiKey = current().key;
});
fetch('/relay.json')
  .then((reply) => reply.json())
  .then(({ url }) => url && relaySelect.append(new Option('Local relay (relay/worker.js, as on Cloudflare)', url)))
  .catch(() => {});

// The API reference below the demo, drawn from the manifest the build makes (custom-elements.json): for each
// element, its attributes, properties, events, parts and CSS properties, with their descriptions. Built with the
// DOM (never markup from text), as the page's CSP and Trusted Types would have it.
const element = (tag, text, ...children) => {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  node.append(...children);
  return node;
};
/**
 * A table wider than the screen scrolls in its box, and a box that scrolls takes the keyboard's focus (its arrows
 * scroll it), named by its element and caption: only while it is wider, so that a wide screen gets no extra stops.
 */
const scrolling = new ResizeObserver((boxes) => {
  for (const { target } of boxes) {
    if (target.scrollWidth > target.clientWidth) target.tabIndex = 0;
    else target.removeAttribute('tabindex');
  }
});
let tables = 0;
function table(tag, caption, head, rows) {
  if (!rows.length) return element('div');
  const body = rows.map((row) => element('tr', '', ...row.map((cell, i) => element(i ? 'td' : 'th', cell))));
  const captionNode = element('caption', caption);
  captionNode.id = `table-${++tables}`;
  const tableNode = element(
    'table',
    '',
    captionNode,
    element('thead', '', element('tr', '', ...head.map((name) => element('th', name)))),
    element('tbody', '', ...body),
  );
  const box = element('div', '', tableNode); // scrolls on its own on a narrow screen, never the page
  box.setAttribute('role', 'region');
  box.setAttribute('aria-labelledby', `${tag.id} ${captionNode.id}`);
  scrolling.observe(box);
  return box;
}
const ORDER = ['userpays-image', 'userpays-cost', 'userpays-tally'];
/** A default as source writes it, as a reader wants it: no quotes; none for an empty string. */
const shown = (value = '') => (value === "''" ? 'none' : value.replace(/^'(.*)'$/, '$1'));
fetch('/custom-elements.json')
  .then((reply) => (reply.ok ? reply.json() : Promise.reject(new Error(`HTTP ${reply.status}`))))
  .then((manifest) => {
    const declarations = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((d) => d.tagName)
      .sort((a, b) => ORDER.indexOf(a.tagName) - ORDER.indexOf(b.tagName));
    document.getElementById('api').replaceChildren(
      ...declarations.map((d) => {
        const heading = element('h3', `<${d.tagName}>`);
        heading.id = `api-${d.tagName}`;
        return element(
          'article',
          '',
          heading,
          element('p', d.summary ?? d.description ?? ''),
          table(
            heading,
            'Attributes',
            ['attribute', 'meaning', 'default'],
            (d.attributes ?? []).map((a) => [a.name, a.description ?? '', shown(a.default)]),
          ),
          table(
            heading,
            'Properties only (never attributes)',
            ['property', 'meaning'],
            (d.members ?? [])
              .filter((m) => m.kind === 'field' && !m.attribute && (!m.privacy || m.privacy === 'public'))
              .map((m) => [m.name, m.description ?? '']),
          ),
          table(
            heading,
            'Methods',
            ['method', 'what it does'],
            (d.members ?? []).filter((m) => m.kind === 'method').map((m) => [`${m.name}()`, m.description ?? '']),
          ),
          table(
            heading,
            'Events',
            ['event', 'detail'],
            (d.events ?? []).map((e) => [e.name, e.description ?? '']),
          ),
          table(
            heading,
            'Parts (::part)',
            ['part', 'what it is'],
            (d.cssParts ?? []).map((p) => [p.name, p.description ?? '']),
          ),
          table(
            heading,
            'CSS properties',
            ['property', 'what it sets'],
            (d.cssProperties ?? []).map((p) => [p.name, p.description ?? '']),
          ),
        );
      }),
    );
  })
  // Said, not left blank: the manifest is made by `npm run build` (which `npm start` runs), not by rollup alone.
  .catch(() =>
    document
      .getElementById('api')
      .replaceChildren(
        element(
          'p',
          'The reference could not load: custom-elements.json is made by npm run build (npm start runs it).',
        ),
      ),
  );
