// Starts the real platform the way a user does (`pnpm --filter @coop/api start`), on a fresh embedded database in a
// temporary folder and a free port, building the web app first when it is missing; stops it (whole process group).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const resultsDir = join(root, 'e2e/test-results');
const STARTUP_LIMIT_MS = 180_000;

/** pnpm as the caller ran it (`pnpm --filter @coop/e2e test`), else the one on PATH. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath?.includes('pnpm') && /\.(c?js|mjs)$/.test(execPath)) return [process.execPath, [execPath]];
  return ['pnpm', []];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function tail(file: string, lines = 80): string {
  if (!existsSync(file)) return '(no server log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/**
 * A user's shell, minus anything that would point the platform at other services or test mode. Vitest sets
 * NODE_ENV=test, and a web build that inherits it ships Vue's development code (larger and slower).
 */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('VITEST') || (name.startsWith('npm_') && !name.startsWith('npm_config_')))
      delete env[name];
  }
  for (const name of [
    'NODE_ENV',
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'MEILISEARCH_URL',
    'MEILISEARCH_KEY',
    'JWT_SECRET',
    'SEED_DEMO',
    'WEB_DIST',
  ]) {
    delete env[name];
  }
  return env;
}

function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return { ...userEnv(), DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
}

export async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: pnpm, the shell, tsx and node
  } catch {
    // already gone
  }
}

export interface RunningPlatform {
  baseURL: string;
  stop(): Promise<void>;
}

export async function startPlatform(logFile: string): Promise<RunningPlatform> {
  mkdirSync(resultsDir, { recursive: true });
  const [pnpm, prefix] = pnpmCommand();
  if (!existsSync(join(root, 'apps/web/dist/index.html')) || process.env.REBUILD_WEB) {
    console.log('[e2e] building the web app (pnpm --filter @coop/web build)');
    const build = spawnSync(pnpm, [...prefix, '--filter', '@coop/web', 'build'], {
      cwd: root,
      env: userEnv(),
      stdio: 'inherit',
    });
    if (build.status !== 0)
      throw new Error(`building the web app failed (exit ${build.status ?? build.signal})`);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'coop-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const logFd = openSync(logFile, 'w');
  console.log(`[e2e] starting the platform at ${baseURL} (DATA_DIR=${dataDir}, log: ${logFile})`);
  const child = spawn(pnpm, [...prefix, '--filter', '@coop/api', 'start'], {
    cwd: root,
    env: serverEnv(dataDir, port),
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`)),
  );
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  // If the run is cut short, do not leave a server behind.
  const killOnExit = () => stop(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const cleanUp = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    stop(child, 'SIGTERM');
    const gone = await Promise.race([
      exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 10_000)),
    ]);
    if (!gone) stop(child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  let exitReason: string | undefined;
  void exited.then((reason) => (exitReason = reason));
  while (!(await healthy(baseURL))) {
    const problem =
      spawnError?.message ??
      exitReason ??
      (Date.now() - started > STARTUP_LIMIT_MS
        ? `did not answer /api/health within ${STARTUP_LIMIT_MS / 1000} s`
        : null);
    if (problem) {
      await cleanUp();
      console.error(`[e2e] the platform ${problem}. Server log:\n${tail(logFile, 200)}`);
      throw new Error(`the platform ${problem} (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`[e2e] platform healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return { baseURL, stop: cleanUp };
}
