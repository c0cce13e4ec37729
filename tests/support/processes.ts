// Starting Signpost's own processes for tests (the web app, workers, the sandbox) and waiting
// until each is ready; stopping them cleanly, or with SIGKILL when a test needs a crash.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** Every process group started here, so none outlives the test run that started it. */
const running = new Set<(signal: NodeJS.Signals) => void>();
process.once('exit', () => {
  for (const kill of running) kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The first of `count` consecutive free ports (the sandbox takes its control surface's port and
 * one per platform after it): found by holding them all at once, then letting them go.
 */
export async function freePortBlock(count: number, attempts = 25): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const first = await freePort();
    const held: net.Server[] = [];
    const hold = (port: number) =>
      new Promise<boolean>((resolve) => {
        const server = net.createServer();
        server.once('error', () => resolve(false));
        server.listen(port, '127.0.0.1', () => {
          held.push(server);
          resolve(true);
        });
      });
    let free = first + count <= 65_536;
    for (let port = first; free && port < first + count; port++) free = await hold(port);
    await Promise.all(held.map((server) => new Promise((done) => server.close(done))));
    if (free) return first;
    if (attempt >= attempts) throw new Error(`no ${count} consecutive free ports`);
  }
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Ready when its output matches a pattern, or when a URL answers 2xx. */
export type Readiness = RegExp | { url: string };

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Spawns `command`, resolving once it is ready. */
export function start(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; ready: Readiness; timeoutMs?: number; name: string },
): Promise<Started> {
  // Its own process group: tsx and next start a child process of their own, and a signal must
  // reach the process doing the work (a SIGKILL test kills the worker, not just its launcher).
  const child = spawn(command, args, {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // The group has already gone.
    }
  };
  running.add(killGroup);
  child.once('exit', () => running.delete(killGroup));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup('SIGKILL');
      reject(
        new Error(
          `${options.name} was not ready in ${options.timeoutMs ?? 60_000} ms:\n${output.slice(-4000)}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    let ready = false;
    const becomeReady = () => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      clearInterval(poll);
      resolve({
        child,
        output: () => output,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
            child.once('exit', (code) => {
              // The launcher has exited; make sure nothing it started outlives it.
              killGroup('SIGKILL');
              done(code);
            });
            killGroup(signal);
          }),
      });
    };
    const readiness = options.ready;
    const poll = setInterval(() => {
      if (!(readiness instanceof RegExp))
        void answers(readiness.url).then((ok) => ok && becomeReady());
    }, 250);
    const onData = (chunk: Buffer) => {
      // Keep the tail only: a busy worker logs a lot, and the test needs the last lines.
      output = (output + chunk.toString()).slice(-64 * 1024);
      if (readiness instanceof RegExp && readiness.test(output)) becomeReady();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      if (!ready)
        reject(
          new Error(
            `${options.name} exited (${code}) before it was ready:\n${output.slice(-4000)}`,
          ),
        );
    });
  });
}

export async function waitFor(
  check: () => Promise<boolean>,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
