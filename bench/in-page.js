// Measurements that run inside the page (passed to page.evaluate as strings of functions).

export function quoteMedian() {
  const requests = [
    { provider: 'bfl', model: 'flux-2-klein-4b', width: 1024, height: 1024 },
    {
      provider: 'bfl',
      model: 'flux-2-pro',
      width: 2048,
      height: 1536,
      count: 3,
      inputs: [{ width: 1024, height: 1024 }],
    },
    { provider: 'bfl', model: 'flux-kontext-pro', width: 1344, height: 768, count: 4 },
    { provider: 'bfl', model: 'flux-2-max', width: 1440, height: 1440, count: 2 },
  ];
  const batch = 2000;
  for (let i = 0; i < batch * 2; i++) UserPays.quote(requests[i & 3]); // warm up the JIT
  const perQuoteUs = [];
  for (let run = 0; run < 41; run++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) UserPays.quote(requests[i & 3]);
    perQuoteUs.push(((performance.now() - start) * 1000) / batch);
  }
  perQuoteUs.sort((a, b) => a - b);
  return { medianUs: perQuoteUs[20], p90Us: perQuoteUs[36] };
}

/**
 * Changes an input, then looks in the next animation-frame callback (which runs before that
 * frame is painted) whether the cost text already shows the new price.
 */
export async function costUpdateFrames(tag) {
  const el = document.createElement(tag);
  el.setAttribute('provider', 'bfl');
  el.setAttribute('locale', 'en-US');
  document.body.append(el);
  await el.updateComplete;
  const usd = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  });
  const cost = () => el.shadowRoot.querySelector('[part~=cost]').textContent;
  const heights = [1040, 2048, 1024, 1536, 512, 1280];
  const trials = 120;
  let withinOneFrame = 0;
  const updateMs = [];
  for (let i = 0; i < trials; i++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const height = heights[i % heights.length];
    const expected = usd.format(
      UserPays.quote({ provider: 'bfl', model: 'flux-2-klein-4b', width: 1024, height }).total,
    );
    const start = performance.now();
    el.setAttribute('height', String(height));
    const seen = el.updateComplete.then(() => updateMs.push(performance.now() - start));
    await new Promise((r) => requestAnimationFrame(r));
    if (cost().includes(expected)) withinOneFrame++;
    await seen;
  }
  el.remove();
  updateMs.sort((a, b) => a - b);
  return { trials, withinOneFrame, medianUpdateMs: updateMs[trials >> 1] };
}
