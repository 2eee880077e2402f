import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  login,
  FaultySearchEngine,
  type LoggedIn,
  type TestPlatform,
} from '../../test/harness.js';

let platform: TestPlatform;
const engine = new FaultySearchEngine();
let enterprise: LoggedIn;
let college: LoggedIn;

const post = (url: string, who: LoggedIn, payload: object) =>
  platform.app.inject({ method: 'POST', url, headers: who.headers, payload });
const search = async (query: string, who?: LoggedIn) => {
  const response = await platform.app.inject({
    method: 'GET',
    url: `/api/search?${query}`,
    ...(who ? { headers: who.headers } : {}),
  });
  return response;
};
const titles = (body: { hits: { title: string }[] }) => body.hits.map((hit) => hit.title);

beforeAll(async () => {
  platform = await createTestPlatform({ search: engine });
  [enterprise, college] = (await Promise.all(
    ['enterprise@demo.cn', 'college@demo.cn'].map((email) => login(platform.app, email)),
  )) as [LoggedIn, LoggedIn];
  const listings: [string, object][] = [
    [
      '/api/needs',
      {
        title: '数控机床主轴热误差补偿',
        description: '五轴联动加工中心主轴温升导致定位精度下降，寻求热误差建模与实时补偿方案。',
        fields: ['machinery.cnc'],
        cooperationTypes: ['joint_rnd'],
      },
    ],
    [
      '/api/needs',
      {
        title: 'Hydraulic valve leakage reduction',
        description:
          'Our proportional hydraulic valves leak under high pressure; we need sealing analysis and testing.',
        fields: ['machinery.hydraulics'],
        cooperationTypes: ['testing_analysis'],
      },
    ],
    [
      '/api/needs',
      {
        title: '轴承套圈磨削烧伤在线检测',
        description: '需要一种磨削烧伤的在线无损检测方法，用于轴承套圈批量生产。',
        fields: ['machinery.bearings'],
        cooperationTypes: ['joint_rnd', 'technical_service'],
        visibility: 'members',
      },
    ],
    [
      '/api/needs',
      {
        title: '保密项目：新型伺服液压缸',
        description: '伺服液压缸的密封与摩擦特性研究，技术细节保密。',
        fields: ['machinery.hydraulics'],
        visibility: 'confidential',
      },
    ],
  ];
  for (const [url, body] of listings) expect((await post(url, enterprise, body)).statusCode).toBe(201);
  await platform.app.indexer.drain();
});
afterAll(() => platform?.close());

describe('search', () => {
  it('finds a Chinese word inside a longer one, and with a character missing', async () => {
    expect(titles((await search(`type=need&q=${encodeURIComponent('热误差')}`)).json())).toContain(
      '数控机床主轴热误差补偿',
    );
    expect(titles((await search(`type=need&q=${encodeURIComponent('加工心')}`)).json())).toContain(
      '数控机床主轴热误差补偿',
    );
  });

  it('tolerates typos and prefixes in English, and finds across languages through field labels', async () => {
    expect(titles((await search('type=need&q=hydralic')).json())).toContain(
      'Hydraulic valve leakage reduction',
    );
    expect(titles((await search('type=need&q=leak')).json())).toContain('Hydraulic valve leakage reduction');
    expect(titles((await search('type=need&q=CNC')).json())).toContain('数控机床主轴热误差补偿');
  });

  it('finds across languages through the lexicon and says which translation matched', async () => {
    const body = (await search(`type=need&q=${encodeURIComponent('thermal error')}`)).json();
    const hit = body.hits.find((h: { title: string }) => h.title === '数控机床主轴热误差补偿');
    expect(hit.matchedTranslations).toEqual([{ query: 'thermal error', listing: '热误差' }]);
    const valve = (await search(`type=need&q=${encodeURIComponent('液压阀 泄漏')}`)).json();
    expect(titles(valve)).toContain('Hydraulic valve leakage reduction');
    expect(valve.hits[0].matchedTranslations).toEqual(
      expect.arrayContaining([{ query: '液压阀', listing: 'hydraulic valve' }]),
    );
    // A listing found by its own words carries no note.
    const own = (await search(`type=need&q=${encodeURIComponent('热误差')}`)).json();
    expect(own.hits[0].matchedTranslations).toEqual([]);
  });

  it('highlights matches and counts facets over the filtered set', async () => {
    const body = (await search(`type=need&q=${encodeURIComponent('主轴')}`)).json();
    expect(body.hits[0].highlights.title).toContain('<mark>');
    const all = (await search('type=need', college)).json();
    expect(all.total).toBe(3);
    expect(all.facets.fields['machinery']).toBe(3);
    expect(all.facets.cooperationTypes['joint_rnd']).toBe(2);
    const filtered = (await search('type=need&cooperationTypes=testing_analysis', college)).json();
    expect(titles(filtered)).toEqual(['Hydraulic valve leakage reduction']);
    // The chosen group keeps its other values (counted without its own filter); other groups follow the filter.
    expect(filtered.facets.cooperationTypes).toMatchObject({ testing_analysis: 1, joint_rnd: 2 });
    expect(filtered.facets.fields).toEqual({ machinery: 1, 'machinery.hydraulics': 1 });
  });

  it('applies visibility on the server', async () => {
    const anonymous = titles((await search('type=need')).json());
    expect(anonymous).not.toContain('轴承套圈磨削烧伤在线检测');
    expect(anonymous).not.toContain('保密项目：新型伺服液压缸');
    const outsider = titles((await search(`type=need&q=${encodeURIComponent('液压缸')}`, college)).json());
    expect(outsider).toEqual([]);
    const owner = titles((await search(`type=need&q=${encodeURIComponent('液压缸')}`, enterprise)).json());
    expect(owner).toContain('保密项目：新型伺服液压缸');
  });

  it('refuses a filter value with quotes or an unknown parameter with a clear 400', async () => {
    const quoted = await search(
      `type=need&fields=${encodeURIComponent('machinery" OR visibility = "confidential')}`,
    );
    expect(quoted.statusCode).toBe(400);
    expect(quoted.json().error.details[0].field).toBe('querystring.fields');
    const unknown = await search('type=need&visibility=confidential');
    expect(unknown.statusCode).toBe(400);
    expect((await search('type=organisation')).statusCode).toBe(400);
  });
});

describe('index sync through the outbox', () => {
  it('keeps writes while the engine is down and converges when it returns', async () => {
    engine.down = true;
    try {
      const created = await post('/api/needs', enterprise, {
        title: '齿轮箱振动噪声诊断',
        description: '风电齿轮箱运行噪声偏大，需要振动信号采集与故障诊断服务。',
      });
      expect(created.statusCode).toBe(201);
      await platform.app.indexer.drain();
      const health = (await platform.app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(health.search.lag).toBeGreaterThan(0);
      expect(titles((await search(`type=need&q=${encodeURIComponent('齿轮箱')}`)).json())).toEqual([]);
    } finally {
      engine.down = false;
    }
    // Back-off pushed the retry into the future; wait for it like the poller would.
    await expect
      .poll(
        async () => {
          await platform.app.indexer.drain();
          return titles((await search(`type=need&q=${encodeURIComponent('齿轮箱')}`)).json());
        },
        { timeout: 5000, interval: 200 },
      )
      .toContain('齿轮箱振动噪声诊断');
    expect((await platform.app.inject({ method: 'GET', url: '/api/health' })).json().search.lag).toBe(0);
  });
});

describe('reindex', () => {
  it('rebuilds from the database for administrators, with progress, while search keeps answering', async () => {
    const admin = await login(platform.app, 'admin@demo.cn');
    const refused = await platform.app.inject({
      method: 'POST',
      url: '/api/admin/reindex',
      headers: enterprise.headers,
    });
    expect(refused.statusCode).toBe(403);
    const started = await platform.app.inject({
      method: 'POST',
      url: '/api/admin/reindex',
      headers: admin.headers,
    });
    expect(started.statusCode).toBe(202);
    expect(titles((await search(`type=need&q=${encodeURIComponent('热误差')}`)).json())).toContain(
      '数控机床主轴热误差补偿',
    );
    await expect
      .poll(
        async () =>
          (
            await platform.app.inject({ method: 'GET', url: '/api/admin/reindex', headers: admin.headers })
          ).json(),
        {
          timeout: 10_000,
        },
      )
      .toMatchObject({ running: false, error: null, done: 5, total: 5 });
    expect(titles((await search(`type=need&q=${encodeURIComponent('热误差')}`)).json())).toContain(
      '数控机床主轴热误差补偿',
    );
  });
});
