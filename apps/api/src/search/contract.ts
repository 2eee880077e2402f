// The behaviour every SearchEngine adapter must show. Call inside a describe block with a factory;
// each test gets fresh, uniquely named indexes and drops them afterwards.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { crossTermsOf, LISTING_INDEX_SETTINGS } from './indexes.js';
import { SearchError, type IndexSettings, type SearchDocument, type SearchEngine } from './port.js';

const CONTRACT_SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'description', 'org'],
  filterableAttributes: ['visibility', 'fields', 'budget', 'org'],
  sortableAttributes: ['budget', 'title'],
  synonyms: [['数控机床', 'CNC machine tools']],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
};

const CONTRACT_DOCS: SearchDocument[] = [
  {
    id: 'cnc',
    title: '五轴数控机床主轴热变形补偿',
    description: '针对高速加工中心主轴的热误差建模与补偿方法研究。',
    fields: ['machinery', 'machinery.cnc'],
    visibility: 'public',
    budget: 50,
    org: 'Acme "Precision" Co.',
  },
  {
    id: 'bearing',
    title: '高速精密轴承寿命预测',
    description: 'Bearing life prediction for high-speed spindles.',
    fields: ['machinery', 'machinery.bearings'],
    visibility: 'members',
    budget: 20,
    org: 'Back\\slash Labs',
  },
  {
    id: 'hydraulic',
    title: 'Hydraulic servo valve leakage diagnosis',
    description: 'Condition monitoring of hydraulic servo valves with pressure sensors.',
    fields: ['machinery', 'machinery.hydraulics'],
    visibility: 'public',
    budget: 80,
    org: 'Fluid Power Institute',
  },
  {
    id: 'welding',
    title: '焊接机器人视觉焊缝跟踪',
    description: '基于机器视觉的焊缝识别与跟踪，<script>不应执行</script>。',
    fields: ['machinery', 'machinery.welding'],
    visibility: 'confidential',
    budget: 35,
    org: 'Weld Works',
  },
  {
    id: 'heat',
    title: '焦炉余热回收及综合利用',
    description: 'Waste heat recovery from coke ovens. '.repeat(12),
    fields: ['environment'],
    visibility: 'public',
    budget: 10,
    org: 'Coke Plant',
  },
  {
    id: 'battery',
    title: '防爆锂离子电池研发',
    description: '提高动力电池安全性，防止热失控。',
    fields: ['energy', 'energy.batteries'],
    visibility: 'members',
    budget: 60,
    org: 'Cell Energy',
  },
];

let counter = 0;
const uniqueName = (label: string): string =>
  `contract_${label}_${process.pid}_${Date.now().toString(36)}_${counter++}`;

export function searchEngineContract(createEngine: () => SearchEngine): void {
  let engine: SearchEngine;
  let index: string;
  const created: string[] = [];

  const freshIndex = async (label: string, docs: SearchDocument[]): Promise<string> => {
    const name = uniqueName(label);
    created.push(name);
    await engine.ensureIndex(name, CONTRACT_SETTINGS);
    await engine.upsert(name, docs);
    return name;
  };
  const ids = async (q: string, extra: Parameters<SearchEngine['search']>[1] = {}): Promise<string[]> =>
    (await engine.search(index, { q, pageSize: 50, ...extra })).hits.map((hit) => hit.id);

  beforeEach(async () => {
    engine = createEngine();
    index = await freshIndex('main', CONTRACT_DOCS);
  });

  afterEach(async () => {
    await Promise.all(created.splice(0).map((name) => engine.drop(name)));
  });

  it('is healthy, counts, searches and deletes', async () => {
    expect((await engine.health()).ok).toBe(true);
    expect(await engine.count(index)).toBe(CONTRACT_DOCS.length);
    expect(await ids('hydraulic')).toContain('hydraulic');
    await engine.delete(index, ['hydraulic']);
    expect(await ids('hydraulic')).not.toContain('hydraulic');
    expect(await engine.count(index)).toBe(CONTRACT_DOCS.length - 1);
  });

  it('upserts idempotently and replaces whole documents', async () => {
    await engine.upsert(index, CONTRACT_DOCS);
    expect(await engine.count(index)).toBe(CONTRACT_DOCS.length);
    await engine.upsert(index, [{ ...CONTRACT_DOCS[0]!, title: '激光切割系统开发' }]);
    expect(await ids('激光切割')).toEqual(['cnc']);
    expect(await ids('热变形')).not.toContain('cnc');
    expect(await engine.count(index)).toBe(CONTRACT_DOCS.length);
  });

  it('finds a Chinese word inside a longer word', async () => {
    expect(await ids('机床')).toContain('cnc');
    expect(await ids('轴承')).toContain('bearing');
    expect(await ids('离子电池')).toContain('battery');
  });

  it('finds a Chinese word typed with one character missing', async () => {
    expect(await ids('综利用')).toContain('heat');
    expect(await ids('数控床')).toContain('cnc');
  });

  it('finds Simplified text from a Traditional query', async () => {
    expect(await ids('數控機床')).toContain('cnc');
    expect(await ids('鋰離子 防爆')).toContain('battery');
  });

  it('tolerates an English typo and completes a prefix', async () => {
    expect(await ids('hydrualic')).toContain('hydraulic');
    expect(await ids('hydrau')).toContain('hydraulic');
    expect(await ids('servo val')).toContain('hydraulic');
  });

  it('matches words only as written when asked for exact words', async () => {
    expect(await ids('hydraulic servo', { exactWords: true })).toContain('hydraulic');
    expect(await ids('hydrualic', { exactWords: true })).toEqual([]);
    expect(await ids('hydrau', { exactWords: true })).toEqual([]);
  });

  it("finds across languages through the listings' translated terms, their own words first", async () => {
    const name = uniqueName('listings');
    created.push(name);
    await engine.ensureIndex(name, LISTING_INDEX_SETTINGS);
    const listing = (id: string, title: string, description: string) => ({
      id,
      title,
      description,
      keywords: [],
      crossTerms: crossTermsOf({ title, description, keywords: [] }),
    });
    await engine.upsert(name, [
      listing('zh-thermal', '电主轴热误差建模与补偿', '五轴加工中心电主轴温升导致定位精度下降。'),
      listing(
        'en-thermal',
        'Thermal error of machine tools',
        'Thermal error compensation for machining centres.',
      ),
      listing(
        'en-sem',
        'Field-emission scanning electron microscope',
        'Fracture and wear analysis with EDS.',
      ),
      listing('zh-valve', '液压阀内泄漏试验', '比例阀在高压下的内泄漏与磨损。'),
    ]);
    const found = async (q: string) =>
      (await engine.search(name, { q, pageSize: 10 })).hits.map((hit) => hit.id);
    expect(await found('thermal error')).toEqual(['en-thermal', 'zh-thermal']);
    expect(await found('热误差')).toEqual(['zh-thermal', 'en-thermal']);
    expect(await found('扫描电镜')).toEqual(['en-sem']);
    expect(await found('spindle')).toEqual(['zh-thermal']);
    expect(await found('hydraulic valve')).toEqual(['zh-valve']);
  });

  it('expands synonyms', async () => {
    expect(await ids('CNC machine tools')).toContain('cnc');
  });

  it('ANDs filters across fields and ORs values, quotes included', async () => {
    const visible = { field: 'visibility', in: ['public', 'members'] };
    expect((await ids('', { filters: [visible, { field: 'budget', range: { gte: 30 } }] })).sort()).toEqual([
      'battery',
      'cnc',
      'hydraulic',
    ]);
    expect(await ids('', { filters: [{ field: 'org', eq: 'Acme "Precision" Co.' }] })).toEqual(['cnc']);
    expect(await ids('', { filters: [{ field: 'org', in: ['Back\\slash Labs'] }] })).toEqual(['bearing']);
    const mineOrPublic = {
      anyOf: [
        { field: 'visibility', eq: 'public' },
        { field: 'org', eq: 'Weld Works' },
      ],
    };
    expect((await ids('', { filters: [mineOrPublic, { field: 'fields', eq: 'machinery' }] })).sort()).toEqual(
      ['cnc', 'hydraulic', 'welding'],
    );
    expect(await ids('', { filters: [{ field: 'visibility', in: [] }] })).toEqual([]);
  });

  it('counts facets over the filtered result set', async () => {
    const result = await engine.search(index, {
      filters: [{ field: 'visibility', in: ['public', 'members'] }],
      facets: ['visibility', 'fields'],
    });
    expect(result.total).toBe(5);
    expect(result.facets.visibility).toEqual({ public: 3, members: 2 });
    expect(result.facets.fields).toMatchObject({
      machinery: 3,
      'machinery.cnc': 1,
      energy: 1,
      environment: 1,
    });
  });

  it('highlights matches with <mark> and escapes the rest', async () => {
    const [hit] = (
      await engine.search(index, { q: 'hydraulic', highlight: ['title'], snippetField: 'description' })
    ).hits;
    expect(hit?.highlights.title).toContain('<mark>Hydraulic</mark>');
    expect(hit?.snippet).toContain('<mark>hydraulic</mark>');
    const [zh] = (await engine.search(index, { q: '轴承', highlight: ['title'] })).hits;
    expect(zh?.highlights.title).toContain('<mark>轴承</mark>');
    const [welding] = (await engine.search(index, { q: '焊缝', highlight: ['description'] })).hits;
    expect(welding?.highlights.description).toContain('&lt;script&gt;');
    expect(welding?.highlights.description).not.toContain('<script>');
    const [heat] = (await engine.search(index, { q: 'coke', snippetField: 'description' })).hits;
    expect(heat?.snippet.length).toBeLessThan(String(CONTRACT_DOCS[4]!.description).length);
  });

  it('returns only the fields asked for, highlights still made from the rest', async () => {
    const [hit] = (await engine.search(index, { q: 'hydraulic', fields: ['budget'], highlight: ['title'] }))
      .hits;
    expect(hit?.doc).toEqual({ id: 'hydraulic', budget: 80 });
    expect(hit?.highlights.title).toContain('<mark>Hydraulic</mark>');
  });

  it('sorts by a field and pages through every hit once', async () => {
    const ascending = await ids('', { sort: [{ field: 'budget', direction: 'asc' }] });
    expect(ascending).toEqual(['heat', 'bearing', 'welding', 'cnc', 'battery', 'hydraulic']);
    const descending = await ids('', { sort: [{ field: 'budget', direction: 'desc' }] });
    expect(descending).toEqual([...ascending].reverse());
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) =>
        engine.search(index, { sort: [{ field: 'budget', direction: 'asc' }], page, pageSize: 2 }),
      ),
    );
    expect(pages.map((result) => result.total)).toEqual([6, 6, 6, 6]);
    expect(pages.flatMap((result) => result.hits.map((hit) => hit.id))).toEqual(ascending);
    expect(pages[3]!.hits).toEqual([]);
  });

  it('swaps a rebuilt index in without a gap', async () => {
    const rebuilt = await freshIndex('rebuilt', [
      ...CONTRACT_DOCS,
      { id: 'extra', title: '新增需求', visibility: 'public' },
    ]);
    const totals: number[] = [];
    let swapping = true;
    const watcher = (async () => {
      while (swapping) totals.push((await engine.search(index, { pageSize: 0 })).total);
    })();
    await engine.swap(index, rebuilt);
    swapping = false;
    await watcher;
    expect(
      totals.every((total) => total === CONTRACT_DOCS.length || total === CONTRACT_DOCS.length + 1),
    ).toBe(true);
    expect(await engine.count(index)).toBe(CONTRACT_DOCS.length + 1);
    expect(await engine.count(rebuilt)).toBe(CONTRACT_DOCS.length);
  });

  it('clears documents but keeps the settings', async () => {
    await engine.clear(index);
    expect(await engine.count(index)).toBe(0);
    await engine.upsert(index, [CONTRACT_DOCS[2]!]);
    expect(await ids('', { filters: [{ field: 'visibility', eq: 'public' }] })).toEqual(['hydraulic']);
  });

  it('reports a missing index and a filter on an undeclared field', async () => {
    await expect(engine.search(uniqueName('missing'), { q: 'x' })).rejects.toMatchObject({
      code: 'index_not_found',
    });
    await expect(engine.search(index, { filters: [{ field: 'title', eq: 'x' }] })).rejects.toBeInstanceOf(
      SearchError,
    );
  });
}
