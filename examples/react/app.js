// <userpays-image> in a React 19 app. No JSX, so that this file runs as it is (no build step): `h` is
// React.createElement, and h('userpays-image', props) is what <userpays-image {...props} /> compiles to.
import { StrictMode, createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'userpays'; // defines <userpays-image>, <userpays-cost> and <userpays-tally>

/**
 * The element, wrapped. React 19 passes a custom element's props through: a prop the element has as a property is
 * set as one (`endpoint`, `budget`), any other becomes an attribute (`storage-key` would), and `on` + the exact event
 * name — `onuserpays-result`, not `onUserpaysResult` — adds that event's listener.
 *
 * The user types their key into the widget's own field (one key field on the page, kept in the widget's memory). An
 * app that holds the key itself sets `apiKey` as a property through a ref, never as a prop: one rendered before the
 * element is defined would become an attribute, in the page's markup (README.md).
 */
function UserPaysImage({ onResult, onError, ...attributes }) {
  return h('userpays-image', { ...attributes, 'onuserpays-result': onResult, 'onuserpays-error': onError });
}

function App() {
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  return h(
    'main',
    null,
    h('h1', null, 'userpays in React'),
    h(UserPaysImage, {
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      prompt: 'a paper boat on a puddle',
      budget: '1.00',
      // Offline, against the BFL simulator that `npm start` serves (deliveryCors=1: its image host lets the page
      // read the image, as the relay does). On your site, leave `endpoint` out.
      endpoint: `${location.origin}/sim/bfl/s/deliveryCors=1`,
      onResult: (event) => (setResult(event.detail), setError(null)),
      onError: (event) => setError(event.detail),
    }),
    error && h('p', { id: 'error', role: 'alert' }, error.message),
    result &&
      h(
        'figure',
        { id: 'result' },
        h('img', { src: result.images[0].url, alt: 'Your latest image', width: 256 }),
        h('figcaption', null, `Charged $${result.charged}`),
      ),
  );
}

createRoot(document.getElementById('root')).render(h(StrictMode, null, h(App)));
