import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, login, type LoggedIn, type TestPlatform } from '../../test/harness.js';
import { distinctiveTerms, prepareSource, rank, type MatchSubject } from './ranker.js';
import { TermStats } from './term-stats.js';
import { analyse } from './text.js';

let platform: TestPlatform;
let enterprise: LoggedIn;
let college: LoggedIn;
let coordinator: LoggedIn;
let government: LoggedIn;
let needId: string;
let secretNeedId: string;
let labId: string;

type Method = 'GET' | 'POST';
const call = (method: Method, url: string, who?: LoggedIn, payload?: object) =>
  platform.app.inject({
    method,
    url,
    ...(who ? { headers: who.headers } : {}),
    ...(payload ? { payload } : {}),
  });

beforeAll(async () => {
  platform = await createTestPlatform();
  [enterprise, college, coordinator, government] = (await Promise.all(
    ['enterprise@demo.cn', 'college@demo.cn', 'coordinator@demo.cn', 'gov@demo.cn'].map((email) =>
      login(platform.app, email),
    ),
  )) as [LoggedIn, LoggedIn, LoggedIn, LoggedIn];
  const capability = (title: string, description: string, fields: string[]) =>
    call('POST', '/api/capabilities', college, {
      kind: 'lab_platform',
      title,
      description,
      fields,
      cooperationTypes: ['joint_rnd'],
    });
  labId = (
    await capability(
      '数控机床热误差补偿实验室',
      '长期研究数控机床主轴热误差建模与实时补偿，拥有激光干涉仪和温度场测量系统。',
      ['machinery.cnc'],
    )
  ).json().id;
  await capability(
    'Marine coatings laboratory',
    'Anti-fouling and anti-corrosion coatings for ship hulls, salt spray testing.',
    ['materials.coatings'],
  );
  await capability('食品保鲜技术团队', '果蔬冷链保鲜与包装材料研究。', ['agriculture']);
  needId = (
    await call('POST', '/api/needs', enterprise, {
      title: '加工中心主轴热变形补偿',
      description: '五轴加工中心主轴温升造成热误差，需要热误差建模与补偿方案，提高加工精度。',
      fields: ['machinery.cnc'],
      cooperationTypes: ['joint_rnd'],
    })
  ).json().id;
  secretNeedId = (
    await call('POST', '/api/needs', enterprise, {
      title: '保密：新型主轴热补偿算法',
      description: '主轴热误差补偿的新算法研究，细节保密。',
      fields: ['machinery.cnc'],
      visibility: 'confidential',
    })
  ).json().id;
  await platform.app.indexer.drain();
  await platform.app.suggestions.idle();
});
afterAll(() => platform?.close());

describe('matches for a need', () => {
  it('rank the fitting capability first, with reasons', async () => {
    const response = await call('GET', `/api/needs/${needId}/matches?limit=5`, enterprise);
    expect(response.statusCode).toBe(200);
    const [best] = response.json().matches;
    expect(best.capability.title).toBe('数控机床热误差补偿实验室');
    expect(best.score).toBeGreaterThan(0);
    const kinds = best.reasons.map((r: { kind: string }) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['shared_terms', 'shared_fields', 'cooperation_types']));
    expect(best.reasons.find((r: { kind: string }) => r.kind === 'shared_terms').terms).toContain('误差');
    expect(best.stage).toBe('suggested');
  });

  it('find the partner across languages and say which words translate', async () => {
    const lab = (
      await call('POST', '/api/capabilities', college, {
        kind: 'lab_platform',
        title: '液压元件可靠性与摩擦学实验室',
        description:
          '省级重点实验室，具备液压阀泵加速寿命试验台（最高42MPa）、摩擦磨损试验机和表面涂层制备能力，可开展内泄漏机理与耐磨涂层研究。',
        fields: ['machinery.hydraulics', 'materials.coatings'],
        keywords: ['液压阀', '加速寿命试验', '摩擦磨损', '内泄漏'],
        cooperationTypes: ['testing_analysis', 'joint_rnd'],
      })
    ).json();
    const need = (
      await call('POST', '/api/needs', enterprise, {
        title: 'Leakage and wear of proportional hydraulic valves at high pressure',
        description:
          'Our proportional directional valves for excavators show internal leakage growth after 3,000 hours at 35 MPa. We need spool-bore wear analysis, coating options and an accelerated life test method.',
        fields: ['machinery.hydraulics', 'materials.coatings'],
        keywords: ['proportional valve', 'internal leakage', 'wear', 'life test'],
        cooperationTypes: ['testing_analysis'],
      })
    ).json();
    await platform.app.indexer.drain();
    const [best] = (await call('GET', `/api/needs/${need.id}/matches?limit=5`, enterprise)).json().matches;
    expect(best.capability.id).toBe(lab.id);
    const translated = best.reasons.find((r: { kind: string }) => r.kind === 'translated_terms');
    expect(translated.terms).toEqual(
      expect.arrayContaining([
        { own: 'life test', other: '寿命试验' },
        { own: 'hydraulic valve', other: '液压阀' },
      ]),
    );
    // Neither side holds the other's words as written, so no "shared key terms" are claimed.
    expect(best.reasons.some((r: { kind: string }) => r.kind === 'shared_terms')).toBe(false);
    const back = (await call('GET', `/api/capabilities/${lab.id}/matches?limit=5`, college)).json().matches;
    expect(back.map((m: { need: { id: string } }) => m.need.id)).toContain(need.id);
  });

  it('let a college answer any open need with its capability and a proposal', async () => {
    const unrelated = (
      await call('POST', '/api/capabilities', college, {
        kind: 'research_team',
        title: 'Ultrasonic welding of thermoplastics',
        description: 'Process windows for ultrasonic welding of thermoplastic housings.',
        fields: ['machinery.welding'],
        cooperationTypes: ['technical_service'],
      })
    ).json();
    await platform.app.indexer.drain();
    const proposal = { approach: 'We would adapt our thermal models to your spindle in three months.' };
    const refused = await call('POST', '/api/matches/responses', enterprise, {
      needId,
      capabilityId: unrelated.id,
      proposal,
    });
    expect(refused.statusCode).toBe(403);
    const answered = await call('POST', '/api/matches/responses', college, {
      needId,
      capabilityId: unrelated.id,
      proposal,
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().stage).toBe('interested');
    expect(answered.json().capability.id).toBe(unrelated.id);
    expect(answered.json().proposals[0].approach).toBe(proposal.approach);
    const owner = (await call('GET', `/api/matches?scope=mine&stage=interested`, enterprise)).json();
    expect(owner.items.map((m: { id: string }) => m.id)).toContain(answered.json().id);
    // Answering twice is a move the match has already made.
    const again = await call('POST', '/api/matches/responses', college, {
      needId,
      capabilityId: unrelated.id,
      proposal,
    });
    expect(again.statusCode).toBe(409);
  });

  it('tell the owners of strong new matches', async () => {
    const inbox = (await call('GET', '/api/notifications?unread=true', college)).json();
    expect(inbox.items.some((n: { kind: string }) => n.kind === 'new_match')).toBe(true);
  });

  it('show a confidential need to the other side only as its summary', async () => {
    const matches = (await call('GET', `/api/capabilities/${labId}/matches`, college)).json().matches;
    const secret = matches.find((m: { need: { id: string } }) => m.need.id === secretNeedId);
    expect(secret.need.anonymised).toBe(true);
    expect(secret.need.orgName).toBeNull();
    expect(JSON.stringify(secret)).not.toContain('新型主轴热补偿算法');
  });
});

describe('the match workflow', () => {
  const matchOf = async () =>
    (await call('GET', `/api/needs/${needId}/matches`, enterprise))
      .json()
      .matches.find((m: { capability: { id: string } }) => m.capability.id === labId);

  it('moves by the parties with a proposal, introduction and a decline the other side sees', async () => {
    let match = await matchOf();
    expect(match.allowedMoves).toEqual(expect.arrayContaining(['interested', 'declined']));

    const outsider = await call('POST', `/api/matches/${match.id}/transitions`, government, {
      to: 'interested',
      version: match.version,
    });
    expect(outsider.statusCode).toBe(404);

    const interest = await call('POST', `/api/matches/${match.id}/transitions`, college, {
      to: 'interested',
      version: match.version,
      proposal: {
        approach: '基于温度场测点优化的热误差模型',
        team: '周教授团队 5 人',
        timeline: '6 个月',
        budget: 600000,
      },
    });
    expect(interest.statusCode).toBe(200);
    match = interest.json();
    expect(match.proposals[0].approach).toContain('热误差模型');
    const enterpriseInbox = (await call('GET', '/api/notifications', enterprise)).json();
    expect(enterpriseInbox.items.some((n: { kind: string }) => n.kind === 'interest')).toBe(true);

    const stale = await call('POST', `/api/matches/${match.id}/transitions`, enterprise, {
      to: 'introduced',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const noReason = await call('POST', `/api/matches/${match.id}/transitions`, enterprise, {
      to: 'declined',
      version: match.version,
    });
    expect(noReason.json().error.details[0].field).toBe('body.reason');

    const declined = await call('POST', `/api/matches/${match.id}/transitions`, enterprise, {
      to: 'declined',
      version: match.version,
      reason: '预算周期已过，明年再议',
    });
    expect(declined.json()).toMatchObject({
      stage: 'declined',
      declineReason: '预算周期已过，明年再议',
      allowedMoves: [],
    });
    const collegeInbox = (await call('GET', '/api/notifications', college)).json();
    const notice = collegeInbox.items.find((n: { kind: string }) => n.kind === 'declined');
    expect(notice.params.reason).toBe('预算周期已过，明年再议');
    const marked = await call('POST', `/api/notifications/${notice.id}/read`, college);
    expect(marked.json().marked).toBe(1);
    // Marking it again is harmless; someone else's notification names nothing for them.
    expect((await call('POST', `/api/notifications/${notice.id}/read`, college)).json().marked).toBe(0);
    const other = await call('POST', `/api/notifications/${notice.id}/read`, enterprise);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
  });

  it('lets the association coordinator introduce members and follow them on the brokering desk', async () => {
    const capabilityId = (await call('GET', '/api/capabilities?org=mine', college))
      .json()
      .items.find((c: { title: string }) => c.title === 'Marine coatings laboratory').id;
    expect(
      (
        await call('POST', '/api/matches/introductions', enterprise, {
          needId,
          capabilityId,
          note: '认识一下',
        })
      ).statusCode,
    ).toBe(403);
    const introduced = await call('POST', '/api/matches/introductions', coordinator, {
      needId,
      capabilityId,
      note: '两家可以谈谈涂层问题',
    });
    expect(introduced.statusCode).toBe(200);
    expect(introduced.json()).toMatchObject({
      stage: 'introduced',
      introductionNote: '两家可以谈谈涂层问题',
    });
    const desk = (await call('GET', '/api/matches?scope=brokering&stage=introduced', coordinator)).json();
    expect(desk.items.map((m: { id: string }) => m.id)).toContain(introduced.json().id);
    expect((await call('GET', '/api/matches?scope=brokering', enterprise)).statusCode).toBe(403);
    const mine = (await call('GET', '/api/matches?scope=mine', enterprise)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect((await call('GET', '/api/matches?scope=brokering&stalledDays=30', coordinator)).json().total).toBe(
      0,
    );
  });
});

describe('privacy of a match', () => {
  it('keeps proposals and decline reasons between the parties, and one side cannot accept its own interest', async () => {
    const need = (
      await call('POST', '/api/needs', enterprise, {
        title: '数控机床热误差在线监测',
        description: '需要在线监测数控机床热误差的传感器布置与补偿方案。',
        fields: ['machinery.cnc'],
      })
    ).json();
    await platform.app.indexer.drain();
    const match = (await call('GET', `/api/needs/${need.id}/matches`, enterprise))
      .json()
      .matches.find((m: { capability: { id: string } }) => m.capability.id === labId);
    const interested = (
      await call('POST', `/api/matches/${match.id}/transitions`, college, {
        to: 'interested',
        version: match.version,
        proposal: { approach: '布置温度传感器并建立补偿模型' },
      })
    ).json();
    expect(interested.allowedMoves).not.toContain('introduced');
    const own = await call('POST', `/api/matches/${match.id}/transitions`, college, {
      to: 'introduced',
      version: interested.version,
    });
    expect(own.statusCode).toBe(403);
    const asOwner = (await call('GET', `/api/matches/${match.id}`, enterprise)).json();
    expect(asOwner.allowedMoves).toContain('introduced');
    expect(asOwner.proposals).toHaveLength(1);

    const anonymous = (await call('GET', `/api/needs/${need.id}/matches`))
      .json()
      .matches.find((m: { id: string }) => m.id === match.id);
    expect(anonymous.proposals).toEqual([]);
    expect((await call('GET', `/api/matches/${match.id}`, government)).statusCode).toBe(404);
  });
});

describe('terms for matching', () => {
  const termsOf = (text: string) => new Set(analyse(text).counts.keys());
  const listing = (id: string, title: string, description = '', keywords: string[] = []): MatchSubject => ({
    id,
    title,
    description,
    keywords,
    fields: [],
    cooperationTypes: [],
    regionCode: '330100',
    orgId: `org-${id}`,
    designations: [],
  });

  it('meet a hyphenated compound written solid', () => {
    const hyphenated = termsOf('Bio-imaging of living cells');
    expect([...termsOf('bioimaging')].every((term) => hyphenated.has(term))).toBe(true);
    expect([...termsOf('state-of-the-art')].some((term) => term.includes('stateof'))).toBe(false);
  });

  it('search with words the other side holds before words nobody there uses', () => {
    const stats = new TermStats();
    stats.put('capability', 'c1', listing('c1', 'Graphene sensors'));
    stats.put('capability', 'c2', listing('c2', 'Ceramic sensors'));
    const source = prepareSource(listing('n1', 'Xylophonic graphene sensors'), 'need', stats);
    expect(distinctiveTerms(source, stats, 3)).toEqual(['graphene', 'sensors', 'xylophonic']);
  });

  it('score an indexed candidate from its kept terms exactly as from its text', () => {
    const stats = new TermStats();
    const lab = listing(
      'c1',
      'Spindle thermal error compensation 主轴热误差补偿',
      'Thermal error modelling of CNC spindles, laser interferometry. 温度场测量与实时补偿。',
      ['thermal error', '数控机床'],
    );
    stats.put('capability', lab.id, lab);
    stats.put('capability', 'c2', listing('c2', 'Marine coatings', 'Anti-fouling coatings for ship hulls.'));
    const need = listing(
      'n1',
      '加工中心主轴热误差补偿',
      'Thermal error of the spindle: modelling and compensation.',
    );
    const source = prepareSource(need, 'need', stats);
    const [kept] = rank(source, [lab], stats, new Map());
    // The same listing under an id the stats do not hold is analysed from its text.
    const [analysed] = rank(source, [{ ...lab, id: 'c9' }], stats, new Map());
    expect(kept!.score).toBeGreaterThan(0);
    expect(kept!.reasons).toContainEqual({
      kind: 'shared_terms',
      terms: expect.arrayContaining(['thermal', '主轴']),
    });
    expect({ ...analysed, id: lab.id }).toEqual(kept);
  });
});
