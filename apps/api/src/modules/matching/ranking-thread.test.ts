import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, login, type LoggedIn, type TestPlatform } from '../../test/harness.js';
import type { MatchSubject } from './ranker.js';
import { RankingCorpus } from './ranking.js';
import { RankingThread } from './ranking-thread.js';

const subject = (id: string, title: string, description: string, fields: string[] = []): MatchSubject => ({
  id,
  title,
  description,
  keywords: [],
  fields,
  cooperationTypes: ['joint_rd'],
  regionCode: '320500',
  orgId: `org-${id}`,
  designations: [],
});

const capabilities = [
  subject('c1', '液压阀可靠性试验平台', '液压阀耐久性与泄漏试验，比例阀特性测试。', ['machinery.hydraulics']),
  subject('c2', 'Scanning electron microscopy', 'SEM imaging and EDS analysis of fracture surfaces.'),
  subject('c3', '数控机床热误差建模', '主轴热误差实时补偿，温度场测量与建模。', ['machinery']),
  subject('c4', 'Hydraulic valve testing', 'Endurance and leakage tests for proportional valves.'),
];
const needs = [
  subject('n1', 'Proportional valve leakage', 'We need endurance tests of hydraulic proportional valves.'),
  subject('n2', '主轴热误差补偿', '寻求数控机床主轴热误差补偿方案。', ['machinery']),
];

describe('ranking on its own thread', () => {
  const thread = new RankingThread();
  const local = new RankingCorpus();

  it('answers exactly as the same ranking in process', async () => {
    for (const ranking of [thread, local]) {
      await ranking.indexed('capability', capabilities);
      await ranking.indexed('need', needs);
    }
    const past = new Map([['org-c4', 2]]);
    const ids = capabilities.map((c) => c.id);
    for (const need of needs) {
      expect(await thread.queries(need, 'need')).toEqual(await local.queries(need, 'need'));
      const ranked = await thread.rank(need, 'need', ids, past, 3);
      expect(ranked).toEqual(await local.rank(need, 'need', ids, past, 3));
      expect(ranked.length).toBeGreaterThan(0);
    }
    expect(await thread.scorePair(needs[0]!, 'need', capabilities[3]!, past)).toEqual(
      await local.scorePair(needs[0]!, 'need', capabilities[3]!, past),
    );
    expect(await thread.corpusSize('need')).toBe(capabilities.length);
    // A listing taken out of the index is no candidate any more.
    await thread.removed('capability', ['c4']);
    const ranked = await thread.rank(needs[0]!, 'need', ids, past, 10);
    expect(ranked.map((r) => r.id)).not.toContain('c4');
  });
});

describe('ranking while a large change is applied', () => {
  it('answers on what is there, without waiting for the change; settled() waits for it', async () => {
    const corpus = new RankingCorpus();
    await corpus.indexed('capability', capabilities);
    const rebuild = Array.from({ length: 200 }, (_, i) =>
      subject(`x${i}`, `Gear pump test rig ${i}`, 'Noise and efficiency tests of gear pumps.'),
    );
    let applied = false;
    const telling = corpus.indexed('capability', rebuild).then(() => (applied = true));
    const [best] = await corpus.rank(needs[0]!, 'need', ['c1', 'c4'], new Map(), 1);
    expect(best?.id).toBe('c4');
    expect(applied).toBe(false);
    await corpus.settled();
    expect(applied).toBe(true);
    expect(await corpus.corpusSize('need')).toBe(capabilities.length + rebuild.length);
    await telling;
  });
});

describe('a platform ranking on its own thread', () => {
  const thread = new RankingThread();
  const worker = () => (thread as unknown as { thread: { worker: Worker | null } }).thread.worker;
  let platform: TestPlatform;
  let enterprise: LoggedIn;
  let needId: string;
  const matchedTitles = async () => {
    const response = await platform.app.inject({
      method: 'GET',
      url: `/api/needs/${needId}/matches`,
      headers: enterprise.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { matches: { capability: { title: string } }[] }).matches.map(
      (m) => m.capability.title,
    );
  };

  beforeAll(async () => {
    platform = await createTestPlatform({ ranking: thread });
    enterprise = await login(platform.app, 'enterprise@demo.cn');
    const college = await login(platform.app, 'college@demo.cn');
    const need = await platform.app.inject({
      method: 'POST',
      url: '/api/needs',
      headers: enterprise.headers,
      payload: { title: '液压比例阀泄漏试验', description: '需要液压比例阀耐久性与泄漏试验。' },
    });
    expect(need.statusCode, need.body).toBe(201);
    needId = (need.json() as { id: string }).id;
    const capability = await platform.app.inject({
      method: 'POST',
      url: '/api/capabilities',
      headers: college.headers,
      payload: {
        kind: 'lab_platform',
        title: '液压阀可靠性试验平台',
        description: '液压比例阀耐久性与泄漏试验，特性测试。',
      },
    });
    expect(capability.statusCode, capability.body).toBe(201);
    await platform.app.indexer.drain();
    await platform.app.suggestions.idle();
  });
  afterAll(() => platform?.close());

  it('ranks again after its thread dies, once the indexer has told the new one every listing', async () => {
    expect(await matchedTitles()).toContain('液压阀可靠性试验平台');
    const dying = worker()!;
    await dying.terminate();
    await expect.poll(() => worker() && worker() !== dying, { timeout: 10_000 }).toBe(true);
    await platform.app.indexer.settle();
    expect(await matchedTitles()).toContain('液压阀可靠性试验平台');
  }, 30_000);
});
