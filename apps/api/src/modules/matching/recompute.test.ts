// Start-up and rebuilds recompute only suggestions that are missing or stale; an edit reaches the other side.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { suggestionSources } from '../../db/schema/index.js';
import { EmbeddedSearchEngine } from '../../search/embedded.js';
import {
  createTestPlatform,
  login,
  TEST_JWT_SECRET,
  type LoggedIn,
  type TestPlatform,
} from '../../test/harness.js';

let platform: TestPlatform;
let enterprise: LoggedIn;
let college: LoggedIn;
const ids: Record<'cncNeed' | 'coatingNeed' | 'cncLab' | 'coatingLab', string> = {
  cncNeed: '',
  coatingNeed: '',
  cncLab: '',
  coatingLab: '',
};
let cncLabVersion = 0;

const post = async (url: string, who: LoggedIn, payload: object) =>
  (await platform.app.inject({ method: 'POST', url, headers: who.headers, payload })).json();

/** When each listing's suggestions were last computed. */
async function computedAt(): Promise<Map<string, number>> {
  const rows = await platform.database.db.select().from(suggestionSources);
  return new Map(rows.map((r) => [r.listingId, r.computedAt.getTime()]));
}

/** The API started again on the same database, with an empty embedded engine as after a restart. */
async function restart() {
  const app = await buildApp({
    config: { jwtSecret: TEST_JWT_SECRET, webDist: '/nonexistent', trustProxy: false },
    database: platform.database,
    search: new EmbeddedSearchEngine(),
  });
  await app.ready();
  await app.indexer.start();
  await app.suggestions.idle();
  await app.close();
}

async function settle() {
  await platform.app.indexer.drain();
  await platform.app.suggestions.idle();
}

beforeAll(async () => {
  platform = await createTestPlatform();
  [enterprise, college] = await Promise.all([
    login(platform.app, 'enterprise@demo.cn'),
    login(platform.app, 'college@demo.cn'),
  ]);
  const lab = await post('/api/capabilities', college, {
    kind: 'lab_platform',
    title: '数控机床热误差补偿实验室',
    description: '长期研究数控机床主轴热误差建模与实时补偿，拥有激光干涉仪和温度场测量系统。',
    fields: ['machinery.cnc'],
    cooperationTypes: ['joint_rnd'],
  });
  ids.cncLab = lab.id;
  cncLabVersion = lab.version;
  ids.coatingLab = (
    await post('/api/capabilities', college, {
      kind: 'lab_platform',
      title: 'Marine coatings laboratory',
      description: 'Anti-fouling and anti-corrosion coatings for ship hulls, salt spray testing.',
      fields: ['materials.coatings'],
    })
  ).id;
  ids.cncNeed = (
    await post('/api/needs', enterprise, {
      title: '加工中心主轴热变形补偿',
      description: '五轴加工中心主轴温升造成热误差，需要热误差建模与补偿方案，提高加工精度。',
      fields: ['machinery.cnc'],
      cooperationTypes: ['joint_rnd'],
    })
  ).id;
  ids.coatingNeed = (
    await post('/api/needs', enterprise, {
      title: 'Anti-corrosion coating for ship hulls',
      description: 'We need marine anti-fouling coatings that pass salt spray testing for our hulls.',
      fields: ['materials.coatings'],
    })
  ).id;
  await settle();
});
afterAll(() => platform?.close());

describe('background recompute', () => {
  it('keeps a record for every listing it computed', async () => {
    const at = await computedAt();
    for (const id of Object.values(ids)) expect(at.has(id)).toBe(true);
  });

  it('recomputes at a restart only listings ranked against a side that has grown since', async () => {
    // The labs came first and may have been ranked before any need was indexed; the needs saw both labs.
    const before = await computedAt();
    await restart();
    const after = await computedAt();
    expect(after.get(ids.cncNeed)).toBe(before.get(ids.cncNeed));
    expect(after.get(ids.coatingNeed)).toBe(before.get(ids.coatingNeed));
  });

  it('recomputes nothing when the API restarts on an unchanged database', async () => {
    const before = await computedAt();
    await restart();
    expect(await computedAt()).toEqual(before);
  });

  it('recomputes an edited listing and the listings holding a suggestion with it, and no others', async () => {
    const before = await computedAt();
    const edited = await platform.app.inject({
      method: 'PATCH',
      url: `/api/capabilities/${ids.cncLab}`,
      headers: college.headers,
      payload: {
        description: '研究数控机床主轴热误差建模、实时补偿与热变形测量，拥有激光干涉仪。',
        version: cncLabVersion,
      },
    });
    expect(edited.statusCode).toBe(200);
    await settle();
    const after = await computedAt();
    expect(after.get(ids.cncLab)).toBeGreaterThan(before.get(ids.cncLab)!);
    // The need was suggested the lab: its score and reasons read the lab's words.
    expect(after.get(ids.cncNeed)).toBeGreaterThan(before.get(ids.cncNeed)!);
    expect(after.get(ids.coatingNeed)).toBe(before.get(ids.coatingNeed));
    expect(after.get(ids.coatingLab)).toBe(before.get(ids.coatingLab));
  });

  it('withdraws a suggestion neither side ranks any more, and keeps pairs someone has acted on', async () => {
    const pairsOnBoard = async () => {
      const board = (
        await platform.app.inject({
          method: 'GET',
          url: '/api/matches?scope=mine',
          headers: enterprise.headers,
        })
      ).json() as { items: { need: { id: string }; capability: { id: string }; stage: string }[] };
      return board.items.map((m) => `${m.need.id}/${m.capability.id}/${m.stage}`);
    };
    const responded = await platform.app.inject({
      method: 'POST',
      url: '/api/matches/responses',
      headers: college.headers,
      payload: {
        needId: ids.coatingNeed,
        capabilityId: ids.coatingLab,
        proposal: { approach: 'Salt spray testing of your hull coatings in our lab.' },
      },
    });
    expect(responded.statusCode).toBe(200);
    expect(await pairsOnBoard()).toEqual(
      expect.arrayContaining([
        `${ids.cncNeed}/${ids.cncLab}/suggested`,
        `${ids.coatingNeed}/${ids.coatingLab}/interested`,
      ]),
    );

    // Both needs turn to a subject no lab here works on.
    for (const id of [ids.cncNeed, ids.coatingNeed]) {
      const need = (
        await platform.app.inject({ method: 'GET', url: `/api/needs/${id}`, headers: enterprise.headers })
      ).json();
      const edited = await platform.app.inject({
        method: 'PATCH',
        url: `/api/needs/${id}`,
        headers: enterprise.headers,
        payload: {
          title: '月饼礼盒包装设计',
          description: '为中秋月饼礼盒设计外观与印刷方案，要求环保纸材。',
          fields: ['light_industry.packaging'],
          version: need.version,
        },
      });
      expect(edited.statusCode).toBe(200);
    }
    await settle();
    const board = await pairsOnBoard();
    expect(board).not.toContain(`${ids.cncNeed}/${ids.cncLab}/suggested`);
    expect(board).toContain(`${ids.coatingNeed}/${ids.coatingLab}/interested`);
    const cncPairs = (await platform.database.db.execute(
      sql`select count(*)::int as n from matches where need_id = ${ids.cncNeed} and stage = 'suggested'`,
    )) as unknown as { rows: { n: number }[] };
    expect(cncPairs.rows[0]).toEqual({ n: 0 });
  });

  it("recomputes both organisations' listings once they agree a match, crediting their past cooperation", async () => {
    const needId = (
      await post('/api/needs', enterprise, {
        title: '液压比例阀内泄漏试验',
        description: '需要液压比例阀加速寿命与内泄漏试验，评估阀芯磨损。',
        fields: ['machinery.hydraulics'],
      })
    ).id;
    const labId = (
      await post('/api/capabilities', college, {
        kind: 'lab_platform',
        title: '液压阀可靠性试验室',
        description: '液压比例阀加速寿命试验与内泄漏测试，阀芯磨损分析。',
        fields: ['machinery.hydraulics'],
      })
    ).id;
    await settle();
    const reasonsOfPair = async () => {
      const [row] = (
        (await platform.database.db.execute(
          sql`select reasons from matches where need_id = ${needId} and capability_id = ${labId}`,
        )) as unknown as { rows: { reasons: { kind: string; count?: number }[] }[] }
      ).rows;
      return row!.reasons;
    };
    expect(await reasonsOfPair()).not.toContainEqual(expect.objectContaining({ kind: 'past_cooperation' }));
    // The two organisations sign for the coating pair (as an agreement's signing moves its match).
    await platform.database.db.execute(
      sql`update matches set stage = 'agreed', moved_at = now() where need_id = ${ids.coatingNeed} and capability_id = ${ids.coatingLab}`,
    );
    const before = await computedAt();
    await platform.app.suggestions.catchUpCooperation();
    await platform.app.suggestions.idle();
    const after = await computedAt();
    for (const id of [needId, labId, ...Object.values(ids)])
      expect(after.get(id)).toBeGreaterThan(before.get(id)!);
    expect(await reasonsOfPair()).toContainEqual({ kind: 'past_cooperation', count: 1 });
    // Caught up: a second check finds nothing behind.
    await platform.app.suggestions.catchUpCooperation();
    await platform.app.suggestions.idle();
    expect(await computedAt()).toEqual(after);
  });

  it('recomputes every listing once the matcher version changes', async () => {
    // As a release with a newer MATCHER_VERSION finds the stored records.
    await platform.database.db.execute(
      sql`update suggestion_sources set matcher_version = matcher_version - 1`,
    );
    const before = await computedAt();
    await restart();
    const after = await computedAt();
    for (const id of Object.values(ids)) expect(after.get(id)).toBeGreaterThan(before.get(id)!);
  });
});
