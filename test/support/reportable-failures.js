// Loaded first on every test page (web-test-runner.config.mjs, testRunnerHtml), before the test framework.
//
// A failed assertion about an element (`expect(el.querySelector('input')).to.equal(null)`: chai keeps the element as
// the error's `actual`) used to lose the whole file: the test runner sends a file's results to its server through
// `structuredClone` (@web/dev-server-core's `stable`, web-sockets/webSocketsPlugin.js), which cannot clone a DOM
// node (nor a function), so the send threw, the results never arrived, and the runner waited until its
// testsFinishTimeout and said only "Browser tests did not finish" (no navigation, dialog or crash: the page was still
// there). Where a value cannot be cloned, it is cloned with each node said as its tag and each function as its name,
// so that the failure is reported with its own message; everything else is cloned as before.
(() => {
  const clone = globalThis.structuredClone;
  const said = (value, seen) => {
    if (typeof Node !== 'undefined' && value instanceof Node) return `<${value.nodeName.toLowerCase()}>`;
    if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
    if (!value || typeof value !== 'object') return value;
    if (seen.has(value)) return seen.get(value);
    const copy = Array.isArray(value) ? [] : {};
    seen.set(value, copy);
    for (const key of Object.keys(value)) copy[key] = said(value[key], seen);
    return copy;
  };
  globalThis.structuredClone = function (value, options) {
    try {
      return clone(value, options);
    } catch (error) {
      if (error?.name !== 'DataCloneError') throw error;
      return clone(said(value, new Map()), options);
    }
  };
})();
