#!/usr/bin/env node
// Entry for `npm start` / `npm test` on a machine that has only Node and npm:
// finds pnpm (or runs the pinned one through npx), installs the workspace, then hands over.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager;

function pnpmCommand() {
  if (process.env.npm_execpath?.includes('pnpm')) return [process.execPath, [process.env.npm_execpath]];
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.startsWith('10.')) return ['pnpm', []];
  return ['npx', ['--yes', pinned]];
}

const [bin, prefix] = pnpmCommand();
function pnpm(...args) {
  const result = spawnSync(bin, [...prefix, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const task = process.argv[2];
pnpm('install', '--frozen-lockfile', '--prefer-offline');
if (task === 'start') {
  if (!existsSync(`${root}apps/web/dist/index.html`) || process.env.REBUILD_WEB)
    pnpm('--filter', '@coop/web', 'build');
  pnpm('--filter', '@coop/api', 'start');
} else if (task === 'test') {
  pnpm('-r', '--workspace-concurrency=1', '--filter', '!@coop/e2e', 'test');
} else {
  console.error(`usage: node scripts/run.mjs start|test`);
  process.exit(2);
}
