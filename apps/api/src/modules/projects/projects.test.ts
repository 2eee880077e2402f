import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type LoggedIn, type TestPlatform } from '../../test/harness.js';
import { caller, frameworkTerms, logins, runningAgreement } from '../agreements/testing.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let coordinator: LoggedIn;
let enterprise: LoggedIn;
let college: LoggedIn;
let vocational: LoggedIn;
let agreementId: string;
const projectIds: string[] = [];

interface Item {
  id: string;
  title: string;
  status: string;
  version: number;
}

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  [coordinator, enterprise, college, vocational] = await logins(platform.app, [
    'coordinator',
    'enterprise',
    'college',
    'vocational',
  ]);
  agreementId = (
    await runningAgreement(platform.app, coordinator, [enterprise.orgId, college.orgId, vocational.orgId])
  ).id;
  for (const [title, owner] of [
    ['共建机械分析测试中心', college],
    ['数控技师联合培养', vocational],
    ['大型仪器共享', college],
  ] as const) {
    const created = await call('POST', `/api/agreements/${agreementId}/projects`, coordinator, {
      title,
      ownerOrgId: owner.orgId,
      leadName: '刘建国',
      dueDate: '2027-12-31',
      deliverables: ['年度报告'],
    });
    expect(created.statusCode).toBe(201);
    projectIds.push(created.json().id);
  }
});
afterAll(() => platform?.close());

const addItem = (projectId: string, who: LoggedIn, body: object) =>
  call('POST', `/api/projects/${projectId}/items`, who, body);

describe('the project list', () => {
  it('adds projects in order, re-orders the whole list, and refuses a stale order', async () => {
    const list = (await call('GET', `/api/agreements/${agreementId}/projects`, enterprise)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual(projectIds);
    expect(list.items[1]).toMatchObject({
      position: 2,
      status: 'planned',
      canWork: true,
      ownerOrg: { nameEn: 'Qiantang Vocational and Technical College' },
    });
    const reordered = [projectIds[2]!, projectIds[0]!, projectIds[1]!];
    const moved = await call('PUT', `/api/agreements/${agreementId}/projects/order`, enterprise, {
      ids: reordered,
    });
    expect(moved.json().items.map((p: { id: string }) => p.id)).toEqual(reordered);
    const stale = await call('PUT', `/api/agreements/${agreementId}/projects/order`, college, {
      ids: projectIds.slice(0, 2),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.items.map((p: { id: string }) => p.id)).toEqual(reordered);
    await call('PUT', `/api/agreements/${agreementId}/projects/order`, enterprise, { ids: projectIds });
  });

  it('keeps projects to parties and to agreements that run', async () => {
    const foreignOwner = await call('POST', `/api/agreements/${agreementId}/projects`, college, {
      title: '外来项目',
      ownerOrgId: coordinator.orgId,
    });
    expect(foreignOwner.json().error.details[0].field).toBe('body.ownerOrgId');
    const draft = (
      await call('POST', '/api/agreements', enterprise, frameworkTerms([enterprise.orgId, college.orgId]))
    ).json();
    const early = await call('POST', `/api/agreements/${draft.id}/projects`, enterprise, {
      title: '签约前的项目',
      ownerOrgId: enterprise.orgId,
    });
    expect(early.json().error.code).toBe('agreement_not_running');
  });

  it('closes a project, freezing its checklist until it reopens, and appends progress notes', async () => {
    const project = (await call('GET', `/api/projects/${projectIds[2]}`, college)).json();
    const note = await call('POST', `/api/projects/${project.id}/notes`, vocational, {
      body: '已完成仪器开放目录初稿。',
    });
    expect(note.json()).toMatchObject({
      body: '已完成仪器开放目录初稿。',
      author: { displayName: '郑芳 Zheng Fang', orgId: vocational.orgId },
    });
    const closed = (
      await call('PATCH', `/api/projects/${project.id}`, college, {
        status: 'closed',
        version: project.version,
      })
    ).json();
    expect(closed).toMatchObject({ status: 'closed', overdue: false });
    expect(
      (await addItem(project.id, college, { title: '冻结后的事项', responsible: 'joint' })).json().error.code,
    ).toBe('project_closed');
    const stale = await call('PATCH', `/api/projects/${project.id}`, college, {
      status: 'active',
      version: project.version,
    });
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { current: { status: 'closed' } },
    });
    await call('PATCH', `/api/projects/${project.id}`, college, {
      status: 'active',
      version: closed.version,
    });
    const detail = (await call('GET', `/api/projects/${project.id}`, enterprise)).json();
    expect(detail.notes).toHaveLength(1);
  });
});

describe('checklists', () => {
  let items: Item[];

  beforeAll(async () => {
    const [centre, training] = projectIds as [string, string];
    items = [];
    for (const [projectId, body] of [
      [
        centre,
        {
          title: '场地与设备清单确认',
          responsible: college.orgId,
          status: 'done',
          evidence: 'https://example.cn/minutes.pdf',
        },
      ],
      [centre, { title: '三坐标测量机采购与安装', responsible: 'joint', dueDate: '2027-06-30' }],
      [
        training,
        {
          title: '企业实训基地挂牌',
          responsible: enterprise.orgId,
          dueDate: '2020-01-15',
          status: 'in_progress',
        },
      ],
      [training, { title: '首期学员开班', responsible: vocational.orgId, dueDate: '2027-09-01' }],
    ] as const) {
      const created = await addItem(projectId, coordinator, body);
      expect(created.statusCode).toBe(201);
      items.push(created.json());
    }
  });

  it('computes overdue from the due date, in items and in project progress', async () => {
    const late = (await call('GET', `/api/projects/${projectIds[1]}/items`, enterprise)).json().items[0];
    expect(late).toMatchObject({
      title: '企业实训基地挂牌',
      status: 'overdue',
      declaredStatus: 'in_progress',
      overdue: true,
    });
    const list = (await call('GET', `/api/agreements/${agreementId}/projects`, enterprise)).json().items;
    expect(list[0].checklist).toEqual({ done: 1, total: 2, overdue: 0 });
    expect(list[1].checklist).toEqual({ done: 0, total: 2, overdue: 1 });
    // Done is never overdue.
    const ticked = (
      await call('PATCH', `/api/items/${late.id}`, enterprise, { status: 'done', version: late.version })
    ).json();
    expect(ticked).toMatchObject({
      status: 'done',
      overdue: false,
      completedAt: expect.any(String),
      version: late.version + 1,
    });
    const stale = await call('PATCH', `/api/items/${late.id}`, enterprise, {
      status: 'blocked',
      version: late.version,
    });
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { current: { status: 'done' } },
    });
    await call('PATCH', `/api/items/${late.id}`, enterprise, {
      status: 'in_progress',
      version: ticked.version,
    });
  });

  it("lists an organisation's tasks: its own items and joint ones", async () => {
    const titles = async (who: LoggedIn, query = '') =>
      (await call('GET', `/api/tasks?pageSize=100${query}`, who))
        .json()
        .items.map((t: { title: string }) => t.title);
    expect(await titles(enterprise)).toEqual(['企业实训基地挂牌', '三坐标测量机采购与安装']);
    expect(await titles(college)).toEqual(['三坐标测量机采购与安装', '场地与设备清单确认']);
    expect(await titles(enterprise, '&status=overdue')).toEqual(['企业实训基地挂牌']);
    expect(await titles(college, '&status=pending,in_progress')).toEqual(['三坐标测量机采购与安装']);
    const task = (await call('GET', '/api/tasks?status=overdue', enterprise)).json().items[0];
    expect(task).toMatchObject({
      project: { id: projectIds[1] },
      agreement: { id: agreementId, status: 'active' },
    });
  });

  it('re-orders and deletes items with their version, each step in the timeline', async () => {
    const [first, second] = items as [Item, Item];
    const order = await call('PUT', `/api/projects/${projectIds[0]}/items/order`, college, {
      ids: [second.id, first.id],
    });
    expect(order.json().items.map((i: Item) => i.id)).toEqual([second.id, first.id]);
    expect(
      (await call('DELETE', `/api/items/${second.id}?version=${second.version + 5}`, college)).statusCode,
    ).toBe(409);
    expect(
      (await call('DELETE', `/api/items/${second.id}?version=${second.version}`, college)).statusCode,
    ).toBe(204);
    const timeline = (
      await call('GET', `/api/agreements/${agreementId}/timeline?pageSize=100`, vocational)
    ).json();
    const steps = timeline.items.map(
      (e: { entityType: string; action: string }) => `${e.entityType}:${e.action}`,
    );
    expect(steps.slice(0, 2)).toEqual(['checklist_item:deleted', 'project:items_reordered']);
    expect(steps.filter((s: string) => s === 'checklist_item:created')).toHaveLength(4);
    expect(steps).toEqual(
      expect.arrayContaining([
        'project:created',
        'project:note_added',
        'agreement:projects_reordered',
        'agreement:sign',
      ]),
    );
    const ofProject = (
      await call(
        'GET',
        `/api/agreements/${agreementId}/timeline?projectId=${projectIds[0]}&pageSize=100`,
        vocational,
      )
    ).json();
    expect(ofProject.items.every((e: { projectId: string }) => e.projectId === projectIds[0])).toBe(true);
    expect(ofProject.total).toBe(5);
  });
});

describe('export', () => {
  const cell = (value: ExcelJS.CellValue) => String(value ?? '');

  it('writes the rows and columns of the project list to XLSX and CSV', async () => {
    const list = (await call('GET', `/api/agreements/${agreementId}/projects`, college)).json().items;
    const expected = list.map(
      (p: {
        title: string;
        ownerOrg: { nameZh: string };
        checklist: { done: number; total: number; overdue: number };
      }) => [
        p.title,
        p.ownerOrg.nameZh,
        `${p.checklist.done}/${p.checklist.total}`,
        String(p.checklist.overdue),
      ],
    );
    const xlsx = await call('GET', `/api/agreements/${agreementId}/projects/export?format=xlsx`, college);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(2) as ExcelJS.CellValue[][];
    expect(rows.map((r) => [cell(r[2]), cell(r[3]), cell(r[7]), cell(r[8])])).toEqual(expected);
    expect(workbook.worksheets[1]!.rowCount - 1).toBe(
      list.reduce((n: number, p: { checklist: { total: number } }) => n + p.checklist.total, 0),
    );

    const csv = await call(
      'GET',
      `/api/agreements/${agreementId}/projects/export?format=csv&lang=en`,
      college,
    );
    const [headers, ...records] = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(headers!.slice(0, 3)).toEqual(['Agreement', 'Project', 'Owner']);
    const perProject = list.map((p: { checklist: { total: number } }) => Math.max(1, p.checklist.total));
    expect(records).toHaveLength(perProject.reduce((a: number, b: number) => a + b, 0));
    expect(records.find((r) => r[8] === '企业实训基地挂牌')).toEqual(
      expect.arrayContaining(['Overdue', 'Hengchuan CNC Machine Tools Co., Ltd.']),
    );

    const all = (await call('GET', '/api/projects?pageSize=100', coordinator)).json();
    const everything = await call('GET', '/api/projects/export?format=csv', coordinator);
    const projectsInCsv = new Set(
      Papa.parse<string[]>(everything.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true })
        .data.slice(1)
        .map((r) => r[1]),
    );
    expect([...projectsInCsv].sort()).toEqual(all.items.map((p: { title: string }) => p.title).sort());
  });
});
