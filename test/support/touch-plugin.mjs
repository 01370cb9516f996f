// A web-test-runner command that makes the test's page a touch screen alone, as a phone is, or the desktop again:
// `await executeServerCommand('emulate-touch', { enabled: true })`. Chromium's own emulation (DevTools' device mode,
// `Emulation.setTouchEmulationEnabled`): the page's pointer is then coarse, and it has touch points, so that the CSS
// of `(hover: none) and (pointer: coarse)` applies. Dev and test only.
export function touchPlugin() {
  // Each page's own DevTools session, kept open: an emulation ends with the session that asked for it.
  const sessions = new WeakMap();
  return {
    name: 'userpays-emulate-touch',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-touch') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const devtools = sessions.get(page);
      await devtools.send('Emulation.setTouchEmulationEnabled', {
        enabled: !!payload?.enabled,
        ...(payload?.enabled && { maxTouchPoints: 5 }),
      });
      return true;
    },
  };
}
