// Wires the demo widget to the local simulators served by demo/server.mjs.
const widget = document.getElementById('widget');
const scenario = document.getElementById('scenario');
const base = `${location.origin}/sim/bfl`;

function applyScenario() {
  widget.endpoint = scenario.value ? `${base}/s/${scenario.value}` : base;
}
widget.apiKey = 'sim-demo-key'; // the simulator accepts any key; real users type their own
applyScenario();
scenario.addEventListener('change', applyScenario);
