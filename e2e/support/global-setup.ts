// Starts the real platform once for the whole run and stops it at the end (see platform.ts).
// E2E_BASE_URL=http://host:port runs the tests against a platform that is already running instead.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { healthy, resultsDir, startPlatform } from './platform';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    serverLog: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL?.replace(/\/$/, '');
  if (external) {
    if (!(await healthy(external)))
      throw new Error(`E2E_BASE_URL ${external} does not answer GET /api/health with 200`);
    project.provide('baseURL', external);
    project.provide('serverLog', '');
    return;
  }
  const logFile = join(resultsDir, 'server.log');
  const platform = await startPlatform(logFile);
  project.provide('baseURL', platform.baseURL);
  project.provide('serverLog', logFile);
  return platform.stop;
}
