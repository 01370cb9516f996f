// "Check this account" (check.html): a site owner or a user picks a provider, pastes a key or signs in, and sees what
// `UserPays.check()` reads for free (the live list beside the built-in book, the balance), then, on a second click
// after the price is shown, one image quoted against charged; the report downloads as JSON. Served by `npm start`,
// every provider is its simulator on this page's address (docs/check.md).
const SIM = `${location.origin}/sim`;

/**
 * The nine paths: the widget's provider, its simulator, and how the user gets in (a key, a sign-in, or both); where the
 * simulator can act one out, `planted`: its scenario in which the provider disagrees with the built-in book.
 */
const PATHS = [
  { id: 'puter', label: 'Puter · sign in', sim: 'puter', signIn: 'puter', planted: 'scale=2' },
  { id: 'bfl', label: 'BFL · key', sim: 'bfl', key: 'sim-demo-key' },
  { id: 'fal', label: 'fal · key', sim: 'fal', key: 'sim-demo-key' },
  {
    id: 'openrouter',
    label: 'OpenRouter · sign in or key',
    sim: 'openrouter',
    signIn: 'openrouter',
    key: 'sk-or-v1-sim-demo',
  },
  {
    id: 'pollinations',
    label: 'Pollinations · key',
    sim: 'pollinations',
    key: 'sk_sim_demo',
    planted: 'price=flux:0.003;keybudget=2',
  },
  { id: 'huggingface', label: 'Hugging Face · token', sim: 'huggingface', key: 'hf_sim_user' },
  { id: 'google', label: 'Google · key', sim: 'google', key: 'sim-demo-key' },
  { id: 'openai', label: 'OpenAI · key', sim: 'openai', key: 'sim-demo-key', prices: true },
  {
    id: 'gateway',
    provider: 'openai',
    label: 'A gateway · key',
    sim: 'openai',
    key: 'sim-demo-key',
    // Gateways have no built-in prices: the page states them, as on the demo's page (gateway-prices.js).
    priceBook: globalThis.demoGatewayPrices,
  },
];

const $ = (id) => document.getElementById(id);
const [providerSelect, keyInput, signInButton, status] = [$('provider'), $('key'), $('sign-in'), $('status')];
providerSelect.replaceChildren(...PATHS.map(({ id, label }) => new Option(label, id)));
const current = () => PATHS.find(({ id }) => id === providerSelect.value);
const planted = $('planted');
const endpointOf = (path) => `${SIM}/${path.sim}${planted.checked && path.planted ? `/s/${path.planted}` : ''}`;

/** OpenAI's own prices, as the demo's page states them for its simulator (demo/openai-prices.mjs). */
let openaiPrices = null;
fetch('/openai-prices.json')
  .then((reply) => (reply.ok ? reply.json() : null))
  .then((book) => (openaiPrices = book))
  .catch(() => {});

function choose() {
  const path = current();
  keyInput.value = path.key ?? '';
  keyInput.disabled = path.id === 'puter';
  signInButton.hidden = !path.signIn;
  planted.disabled = !path.planted;
  planted.checked &&= !!path.planted;
  $('results').hidden = true;
  status.textContent = '';
}
providerSelect.addEventListener('change', choose);
choose();

/** Puter's SDK, pointed at its simulator before it loads (as the widget points it: providers/puter/account.ts). */
function puterSdk() {
  if (window.puter) return Promise.resolve(window.puter);
  Object.assign(window, {
    PUTER_API_ORIGIN: endpointOf(current()),
    PUTER_ORIGIN: location.origin,
    puter_socket_enabled: false,
    PUTER_QUIET: true,
  });
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/vendor/puter.js';
    script.onload = () => resolve(window.puter);
    script.onerror = reject;
    document.head.append(script);
  });
}
// Loaded at once, so that the sign-in's popup opens in the click itself.
const puterReady = puterSdk().catch(() => null);

signInButton.addEventListener('click', async () => {
  const path = current();
  try {
    if (path.signIn === 'puter') await (await puterReady).auth.signIn();
    else await UserPays.signIn(path.provider ?? path.id, { endpoint: endpointOf(path) });
    status.textContent = 'Signed in: press Check.';
  } catch (error) {
    status.textContent = error.message;
  }
});

let report = null;

/** The report's sentences as a list: what is missing, new, priced otherwise, or that the list agrees. */
function show(result) {
  report = result;
  $('results').hidden = false;
  $('models').replaceChildren(
    ...result.models.said.map(({ text }) => Object.assign(document.createElement('li'), { textContent: text })),
  );
  $('balance').textContent = result.balance?.said.text ?? '';
  $('cheapest').textContent = result.cheapest?.said.text ?? 'The built-in book prices no image here.';
  const make = $('make');
  make.hidden = !result.cheapest || !!result.image;
  if (result.cheapest) make.textContent = `Make one image ($${result.cheapest.atMost ?? result.cheapest.quoted})`;
  const image = result.image;
  $('image').hidden = !image || image.status !== 'made';
  if (image) {
    $('image-model').textContent = `${image.model}, ${image.width}×${image.height}`;
    $('image-quoted').textContent = `$${image.atMost ?? image.quoted}`;
    $('image-charged').textContent = image.charged ? `$${image.charged}` : '—';
  }
  $('image-said').textContent = image?.said.text ?? '';
  $('steps').replaceChildren(
    ...result.steps.flatMap(({ step, exchanges }) =>
      exchanges.map(({ method, path, origin, status: code }) =>
        Object.assign(document.createElement('li'), {
          textContent: `${step}: ${method} ${origin ?? ''}${path} → ${code}`,
        }),
      ),
    ),
  );
}

$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const path = current();
  status.textContent = 'Reading…';
  try {
    const priceBook = path.priceBook ?? (path.prices ? openaiPrices : undefined);
    const options = { provider: path.provider ?? path.id, endpoint: endpointOf(path), priceBook };
    if (keyInput.value && path.id !== 'puter') options.apiKey = keyInput.value;
    if (path.id === 'puter') options.puterSrc = '/vendor/puter.js';
    show(await UserPays.check(options));
    status.textContent = '';
  } catch (error) {
    status.textContent = error.message;
  }
});

$('make').addEventListener('click', async () => {
  if (!report) return;
  status.textContent = 'Making one image…';
  $('make').disabled = true;
  try {
    show(Object.assign(await report.generate(), { generate: report.generate }));
    status.textContent = '';
  } catch (error) {
    status.textContent = error.message;
  } finally {
    $('make').disabled = false;
  }
});

$('download').addEventListener('click', () => {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `userpays-check-${report.provider}-${report.checkedAt.slice(0, 10)}.json`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});
