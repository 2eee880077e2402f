import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, login, type TestPlatform } from '../test/harness.js';
import { WorkerSearchEngine } from './embedded-worker.js';
import { SearchError } from './port.js';

let platform: TestPlatform;
const engine = new WorkerSearchEngine();
const worker = () => (engine as unknown as { thread: { worker: Worker | null } }).thread.worker;
const found = async (q: string) => {
  const response = await platform.app.inject({
    method: 'GET',
    url: `/api/search?type=need&q=${encodeURIComponent(q)}`,
  });
  return response.statusCode === 200 ? (response.json() as { total: number }).total : response.statusCode;
};

beforeAll(async () => {
  platform = await createTestPlatform({ search: engine });
  const enterprise = await login(platform.app, 'enterprise@demo.cn');
  const response = await platform.app.inject({
    method: 'POST',
    url: '/api/needs',
    headers: enterprise.headers,
    payload: { title: '数控机床主轴热误差补偿', description: '寻求热误差建模与实时补偿方案。' },
  });
  expect(response.statusCode, response.body).toBe(201);
  await platform.app.indexer.drain();
});
afterAll(() => platform?.close());

describe('the embedded engine on a worker thread', () => {
  it('answers requests in flight when the worker dies, then comes back rebuilt from the database', async () => {
    expect(await found('热误差')).toBe(1);
    const dying = worker()!;
    // Asked while the worker is being stopped: the answer can never come, so the request must fail, not hang.
    const stopped = dying.terminate();
    const inFlight = engine.search('needs', { q: '热误差' });
    await stopped;
    await expect(inFlight).rejects.toEqual(expect.any(SearchError));
    await expect(inFlight).rejects.toMatchObject({ code: 'unavailable' });
    // The indexer heard of the loss and refills the index: the listing is found again without a restart.
    await expect.poll(() => found('热误差'), { timeout: 20_000, interval: 100 }).toBe(1);
    expect(worker()).not.toBe(dying);
    expect((await engine.health()).ok).toBe(true);
  }, 30_000);

  it('passes errors back as the same SearchError', async () => {
    await expect(engine.search('no-such-index', {})).rejects.toMatchObject({ code: 'index_not_found' });
  });
});
