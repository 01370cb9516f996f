// Runs relay/worker.js locally in workerd, the Workers runtime Cloudflare deploys it on (the `workerd` npm
// package, a pinned devDependency: see docs/relay.md). Used by the test runner and the demo server:
//
//   const relay = await startRelay({ env: { RELAY_ORIGINS: 'http://localhost:8000', RELAY_HOSTS: 'localhost:8000' } });
//   relay.url      // 'http://127.0.0.1:<port>'
//   relay.logs()   // what workerd printed so far
//   await relay.stop();
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const WORKERD = join(root, 'node_modules', '.bin', 'workerd');
const WORKER = join(root, 'relay', 'worker.js');
// The compatibility date of the deployed worker, so the local one behaves the same.
const COMPATIBILITY_DATE = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(
  readFileSync(join(root, 'relay', 'wrangler.toml'), 'utf8'),
)[1];

/** A port nobody listens on right now (workerd takes no port 0 it could tell us about). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The workerd config: the worker with `env` as text bindings, one socket, and an outbound that may reach loopback. */
function config(port, env) {
  const text = (value) => JSON.stringify(String(value));
  const bindings = Object.entries(env)
    .filter(([, value]) => value != null)
    .map(([name, value]) => `(name = ${text(name)}, text = ${text(value)})`);
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "relay", worker = (
      modules = [(name = "worker.js", esModule = embed "worker.js")],
      compatibilityDate = ${text(COMPATIBILITY_DATE)},
      bindings = [${bindings.join(', ')}],
      globalOutbound = "internet",
    )),
    # workerd's default outbound refuses private and loopback addresses; the simulators are on loopback.
    (name = "internet", network = (allow = ["public", "private", "local"], tlsOptions = (trustBrowserCas = true))),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "relay")],
);
`;
}

async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a relay on 127.0.0.1 with `env` (RELAY_ORIGINS, RELAY_HOSTS, RELAY_MAX_*). Resolves once it answers;
 * rejects (with workerd's output) if it does not within `timeoutMs`. With `port` 0 a free port is chosen.
 * @param {{ port?: number, env?: Record<string, string | number | undefined>, timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, stop(): Promise<void>, logs(): string }>}
 */
export async function startRelay({ port = 0, env = {}, timeoutMs = 15_000 } = {}) {
  const chosen = port || (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'userpays-relay-'));
  copyFileSync(WORKER, join(dir, 'worker.js'));
  writeFileSync(join(dir, 'relay.capnp'), config(chosen, env));

  let output = '';
  const child = spawn(WORKERD, ['serve', join(dir, 'relay.capnp')], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Its last megabyte of output: the worker logs nothing, workerd only its own errors.
  const keep = (chunk) => (output = (output + chunk).slice(-1_000_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exit = new Promise((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (error) => {
      output += String(error);
      exited = true;
      resolve();
    });
  });
  const kill = () => {
    if (!exited) child.kill();
  };
  // A relay must not outlive the process that started it, nor leave its config behind.
  const onExit = () => {
    kill();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    kill();
    await exit;
    rmSync(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${chosen}`;
  const end = Date.now() + timeoutMs;
  while (!(await answers(url))) {
    if (exited || Date.now() > end) {
      await stop();
      // The free port may have been taken in the meantime: try again on another.
      if (!port && /address already in use/i.test(output)) return startRelay({ env, timeoutMs });
      throw new Error(`workerd did not start the relay:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, stop, logs: () => output };
}
