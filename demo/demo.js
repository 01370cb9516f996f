// Wires the demo widget to the local simulators served by demo/server.mjs. One entry per provider: its
// simulator, the faults it can act out (a scenario path segment, see each demo/sim/*.mjs), and for the
// providers paid with the user's own API key, the key the demo fills in (the simulators accept any).
const PROVIDERS = [
  {
    id: 'puter',
    label: 'Puter (the user pays from their Puter account)',
    sim: '/sim/puter',
    hint: 'Sign in to the simulated Puter (a popup): images are paid from that account’s $0.50.',
    scenarios: [
      ['', 'Normal generation'],
      ['pending=12000', 'Slow (12 s)'],
      ['balance=1500000', 'Low balance ($0.015 left)'],
      ['fault=402', 'Out of funds (402)'],
      ['fault=token_auth_failed', 'Session expired (Puter asks to sign in again)'],
      ['fault=429;times=2', 'Busy twice (429, the SDK retries)'],
      ['fault=moderated', 'Content moderated'],
      ['fault=upstream_bad_request', 'Provider refused the request'],
      ['fault=network', 'Network failure'],
    ],
  },
  {
    id: 'bfl',
    label: 'BFL (the user’s own API key)',
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
      ['fault=network', 'Network failure'],
    ],
  },
];

const widget = document.getElementById('widget');
const providerSelect = document.getElementById('provider');
const scenarioSelect = document.getElementById('scenario');
const hint = document.getElementById('hint');
const options = (select, entries) => select.replaceChildren(...entries.map(([value, text]) => new Option(text, value)));
const current = () => PROVIDERS.find((p) => p.id === providerSelect.value);

function applyScenario() {
  const { sim } = current();
  widget.endpoint = `${location.origin}${sim}${scenarioSelect.value ? `/s/${scenarioSelect.value}` : ''}`;
}

function applyProvider() {
  const provider = current();
  options(scenarioSelect, provider.scenarios);
  hint.textContent = provider.hint;
  widget.provider = provider.id;
  widget.apiKey = provider.key ?? '';
  applyScenario();
}

options(providerSelect, PROVIDERS.map((p) => [p.id, p.label]));
providerSelect.value = widget.getAttribute('provider');
applyProvider();
providerSelect.addEventListener('change', applyProvider);
scenarioSelect.addEventListener('change', applyScenario);
