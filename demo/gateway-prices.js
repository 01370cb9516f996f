// The demo's gateway, whose prices the page states (a gateway has none in the widget's book): $0.040 an image of
// FLUX.2 [klein] 9B, plus the 5 % the gateway takes at top-up. The demo's page (demo.js) and its check page (check.js)
// both read it, loaded before them.
globalThis.demoGatewayPrices = {
  'flux-2-klein-9b': {
    openai: {
      rule: { kind: 'flat', unit: 'usd', perImage: '0.040' },
      topUpFee: '0.05',
      source: { name: 'AIgateway price page', asOf: '2026-11-01' },
      exact: true,
    },
  },
};
