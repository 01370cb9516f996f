// The page's own script (a file: the page's policy allows no inline script).
const widget = document.querySelector('userpays-image');

// Offline, against the BFL simulator that `npm start` serves (deliveryCors=1: its image host lets the page read
// the image, as the relay does, so the widget keeps it in this browser). On your site, delete this line: the
// widget talks to api.bfl.ai.
widget.endpoint = `${location.origin}/sim/bfl/s/deliveryCors=1`;

// Every finished generation: show its first image and what it cost, outside the widget.
widget.addEventListener('userpays-result', (event) => {
  const { images, charged } = event.detail;
  const figure = document.getElementById('result');
  figure.querySelector('img').src = images[0].url;
  figure.querySelector('figcaption').textContent = `Charged $${charged} · ${images[0].width}×${images[0].height}`;
  figure.hidden = false;
});

// Errors are shown in the widget, in plain words; a page may also log or count them.
widget.addEventListener('userpays-error', (event) => console.warn('userpays:', event.detail.code));
