// `import … from 'userpays'` as in an app with a bundler; here the page's import map resolves the name to the
// build (dist/userpays.js). Importing it also defines the three elements.
import { quote } from 'userpays';

const MODELS = ['flux-2-klein-4b', 'flux-2-pro', 'flux-2-max'];
const SIZES = [
  [1024, 1024],
  [1536, 1024],
  [2048, 2048],
];

/** An exact decimal string as dollars, at least to the cent ('0.1' → '$0.10'): no float touches the amount. */
const usd = (amount) => {
  const [whole, fraction = ''] = amount.split('.');
  return `$${whole}.${fraction.padEnd(2, '0')}`;
};

const widget = document.querySelector('userpays-image');
// Offline, against the BFL simulator that `npm start` serves (deliveryCors=1: its image host lets the page read
// the image, as the relay does). On your site, delete this line.
widget.endpoint = `${location.origin}/sim/bfl/s/deliveryCors=1`;

// The price table: headless pricing, synchronous, the same function the widget prices with.
const table = document.getElementById('prices');
for (const [width, height] of SIZES) {
  const th = document.createElement('th');
  th.scope = 'col';
  th.textContent = `${width}×${height}`;
  table.tHead.rows[0].append(th);
}
for (const model of MODELS) {
  const row = table.tBodies[0].insertRow();
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = model;
  row.append(th);
  for (const [width, height] of SIZES) {
    const { total } = quote({ provider: 'bfl', model, width, height, count: 1 });
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = usd(total);
    button.addEventListener('click', () => Object.assign(widget, { model, width, height }));
    row.insertCell().append(button);
  }
}

widget.addEventListener('userpays-result', (event) => {
  const { images, charged } = event.detail;
  const figure = document.getElementById('result');
  figure.querySelector('img').src = images[0].url;
  figure.querySelector('figcaption').textContent = `Charged ${usd(charged)}`;
  figure.hidden = false;
});
