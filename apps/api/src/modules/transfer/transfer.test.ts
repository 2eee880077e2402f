import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UnauthorizedError } from '../../errors.js';
import {
  createTestPlatform,
  login,
  multipartFile,
  type LoggedIn,
  type TestPlatform,
} from '../../test/harness.js';
import { createExporter } from './export.js';

let platform: TestPlatform;
let enterprise: LoggedIn;
let college: LoggedIn;

beforeAll(async () => {
  platform = await createTestPlatform();
  [enterprise, college] = (await Promise.all(
    ['enterprise@demo.cn', 'college@demo.cn'].map((email) => login(platform.app, email)),
  )) as [LoggedIn, LoggedIn];
});
afterAll(() => platform?.close());

const upload = (kind: string, who: LoggedIn, filename: string, content: Buffer | string, accept?: string) => {
  const { payload, headers } = multipartFile(filename, content);
  return platform.app.inject({
    method: 'POST',
    url: `/api/import/${kind}`,
    payload,
    headers: { ...headers, ...who.headers, ...(accept ? { accept } : {}) },
  });
};

const csv = [
  'title,description,kind,fields,keywords,cooperation_types,region',
  '"激光熔覆修复轧辊","对磨损轧辊进行激光熔覆修复，需要工艺参数优化与涂层性能检测。",,"数控机床;Surface engineering","激光熔覆;轧辊","联合研发;testing_analysis",台州市',
  '"Too short",,,,,,',
  '"Robot welding seam tracking","We need a vision-based seam tracking system for our robotic welding cells.",,"welding","seam tracking","joint_rnd",Ningbo',
  '"未知领域的需求","这一行的领域填写错误，应当被拒绝并说明原因。",,"炼金术",,,',
].join('\n');

describe('bulk import', () => {
  it('imports good rows, reports bad ones by row number, and does not duplicate on a re-run', async () => {
    const first = await upload('needs', enterprise, 'needs.csv', csv);
    expect(first.statusCode).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({ total: 4, created: 2, updated: 0, rejected: 2 });
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual([3, 5]);
    expect(report.errors[0].problems).toEqual([
      {
        field: 'description',
        problem: 'must not have fewer than 10 characters',
        rule: 'too_short',
        limit: 10,
      },
    ]);
    expect(report.errors[1].problems).toEqual([
      { field: 'fields', problem: '"炼金术" is not a known value', rule: 'unknown_value', value: '炼金术' },
    ]);

    const again = (await upload('needs', enterprise, 'needs.csv', csv)).json();
    expect(again).toMatchObject({ created: 0, updated: 2, rejected: 2 });
    const mine = (
      await platform.app.inject({ method: 'GET', url: '/api/needs?org=mine', headers: enterprise.headers })
    ).json();
    const imported = mine.items.find((n: { title: string }) => n.title === '激光熔覆修复轧辊');
    expect(imported).toMatchObject({
      status: 'open',
      fields: ['machinery.cnc', 'materials.coatings'],
      regionCode: '331000',
    });
    expect(
      mine.items.filter((n: { title: string }) => n.title === 'Robot welding seam tracking'),
    ).toHaveLength(1);
  });

  it('reads XLSX and streams progress when asked', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('capabilities');
    sheet.addRow(['title', 'description', 'kind', 'fields', 'keywords', 'cooperation_types', 'region']);
    sheet.addRow([
      '扫描电子显微镜共享',
      '场发射扫描电镜，可做断口形貌与能谱分析，对外开放预约。',
      '大型仪器',
      '金属材料',
      'SEM;能谱',
      '仪器共享',
      '杭州市',
    ]);
    sheet.addRow([
      '精密测量团队',
      '从事精密测量与误差补偿研究十余年，承担多项国家项目。',
      'research_team',
      'machinery.precision_machining',
      '',
      'joint_rnd',
      '',
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload('capabilities', college, 'caps.xlsx', buffer, 'application/x-ndjson');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0].progress).toEqual({ processed: 2, total: 2 });
    expect(lines.at(-1).report).toMatchObject({ created: 2, rejected: 0 });
  });

  it('gives each row problem its rule, with the limit or the word it concerns', async () => {
    const rows = [
      'title,description,kind,fields,keywords,cooperation_types,region',
      `"显微镜",,大型仪器,,"${'长'.repeat(41)}",,`,
      '"Wind tunnel","Low-speed wind tunnel for model tests.",wind_tunnel,,,"consulting;gifts",Atlantis',
      '"Materials lab","Shared laboratory for metallography and mechanical testing.",,,,,',
    ].join('\n');
    const report = (await upload('capabilities', college, 'caps.csv', rows)).json();
    expect(report).toMatchObject({ total: 3, created: 0, rejected: 3 });
    expect(report.errors.map((e: { problems: unknown }) => e.problems)).toEqual([
      [
        expect.objectContaining({ field: 'title', rule: 'too_short', limit: 4 }),
        expect.objectContaining({ field: 'description', rule: 'too_short', limit: 10 }),
        expect.objectContaining({ field: 'keywords', rule: 'too_long', limit: 40 }),
      ],
      [
        {
          field: 'cooperation_types',
          problem: '"gifts" is not a known value',
          rule: 'unknown_value',
          value: 'gifts',
        },
        {
          field: 'region',
          problem: '"Atlantis" is not a known region',
          rule: 'unknown_value',
          value: 'Atlantis',
        },
        {
          field: 'kind',
          problem: '"wind_tunnel" is not a known kind',
          rule: 'unknown_value',
          value: 'wind_tunnel',
        },
      ],
      [{ field: 'kind', problem: 'is required', rule: 'required' }],
    ]);
  });

  it('refuses a file of the wrong kind, a missing header, and the wrong side of the market', async () => {
    expect((await upload('needs', enterprise, 'needs.pdf', 'x')).json().error.code).toBe('unsupported_file');
    expect((await upload('needs', enterprise, 'needs.csv', 'name,text\na,b')).json().error.code).toBe(
      'invalid_file',
    );
    expect((await upload('needs', college, 'needs.csv', csv)).statusCode).toBe(403);
    expect((await upload('people', enterprise, 'needs.csv', csv)).statusCode).toBe(400);
  });
});

describe('export', () => {
  it('writes the filtered list as CSV and XLSX with the import columns first', async () => {
    const response = await platform.app.inject({
      method: 'GET',
      url: '/api/export/needs?format=csv&org=mine&lang=en',
      headers: enterprise.headers,
    });
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'title,description,kind,fields,keywords,cooperation_types,region,status,visibility,organisation,published_at,updated_at',
    );
    expect(lines).toHaveLength(3);
    expect(response.body).toContain('CNC machine tools; Surface engineering');

    const xlsx = await platform.app.inject({
      method: 'GET',
      url: '/api/export/needs?format=xlsx&q=Robot',
      headers: college.headers,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Robot welding seam tracking');
  });

  it('refuses signed-out visitors, though the lists it copies show them public listings', async () => {
    for (const format of ['csv', 'xlsx']) {
      const response = await platform.app.inject({
        method: 'GET',
        url: `/api/export/needs?format=${format}`,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
      expect(response.headers['content-disposition']).toBeUndefined();
    }
    // The service asks the policy too, so no other way in (a job, a future route) hands out the file.
    const list = vi.fn();
    const exporter = createExporter({ needs: { list }, capabilities: { list } } as never);
    await expect(exporter.csv(null, 'needs', {}, 'en')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(list).not.toHaveBeenCalled();
  });
});
