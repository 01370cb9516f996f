// <userpays-image> in a React 19 app. No JSX, so that this file runs as it is (no build step): `h` is
// React.createElement, and h('userpays-image', props) is what <userpays-image {...props} /> compiles to.
import { StrictMode, createElement as h, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'userpays'; // defines <userpays-image>, <userpays-cost> and <userpays-tally>

/**
 * The element, wrapped. React 19 passes a custom element's props through: a prop the element has as a property is
 * set as one (`endpoint`, `budget`), any other becomes an attribute (`storage-key` would), and `on` + the exact event
 * name — `onuserpays-result`, not `onUserpaysResult` — adds that event's listener.
 */
function UserPaysImage({ apiKey, onResult, onError, ...attributes }) {
  const ref = useRef(null);
  // The key is a property, and only ever one: set through the ref, it can never end up as an attribute (which
  // React would do if it rendered before the element was defined), so it is never in the page's markup.
  useEffect(() => {
    ref.current.apiKey = apiKey;
  }, [apiKey]);
  return h('userpays-image', { ...attributes, ref, 'onuserpays-result': onResult, 'onuserpays-error': onError });
}

function App() {
  const [apiKey, setApiKey] = useState('');
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  return h(
    'main',
    null,
    h('h1', null, 'userpays in React'),
    h(
      'label',
      null,
      'Your BFL key ',
      // Uncontrolled (no `value` prop): React writes a controlled input's value into its `value` attribute too.
      h('input', { type: 'password', autoComplete: 'off', onChange: (event) => setApiKey(event.target.value) }),
    ),
    h(UserPaysImage, {
      provider: 'bfl',
      model: 'flux-2-klein-4b',
      prompt: 'a paper boat on a puddle',
      budget: '1.00',
      // Offline, against the BFL simulator that `npm start` serves (deliveryCors=1: its image host lets the page
      // read the image, as the relay does). On your site, leave `endpoint` out.
      endpoint: `${location.origin}/sim/bfl/s/deliveryCors=1`,
      apiKey,
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
