// The bench's HTTP server on loopback: the simulators (demo/sim), the load pages (bench/load-pages.mjs at
// /bench/load/<name>), and the files under bench/ (bench/results/ among them: the bench's own builds) and dist/.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulator } from '../demo/sim/index.mjs';
import { loadPage } from './load-pages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

/** Starts the server on a free port: its origin, and `close()`. */
export async function startBenchServer() {
  const simulator = createSimulator();
  const server = createServer(async (req, res) => {
    if (await simulator.handle(req, res)) return;
    const url = new URL(req.url, 'http://x');
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    const load = /^bench[/\\]load[/\\]([a-z]+)$/.exec(path);
    if (load) {
      const html = loadPage(load[1], url.searchParams);
      return html ? res.writeHead(200, { 'content-type': 'text/html' }).end(html) : res.writeHead(404).end();
    }
    if (!/^(bench|dist)[/\\]/.test(path)) return res.writeHead(404).end();
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  return { origin: `http://localhost:${server.address().port}`, close: () => server.close() };
}
