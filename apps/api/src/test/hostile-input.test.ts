// Hostile input against every operation of the OpenAPI document: each generated bad input answers 4xx in the
// error shape (never 5xx), and none of them changes a row anywhere.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { MAX_HEADER_BYTES } from '../app.js';
import { MAX_URL_LENGTH } from '../plugins/input-guard.js';
import { caller, runningAgreement } from '../modules/agreements/testing.js';
import { createTestPlatform, login, type LoggedIn, type TestPlatform } from './harness.js';
import {
  bodyMutations,
  fillPath,
  FORBIDDEN_TEXT,
  INJECTION_TEXT,
  operationsOf,
  PATH_VALUES,
  queryMutations,
  sample,
  type Operation,
} from './hostile-inputs.js';

let platform: TestPlatform;
let operations: Operation[];
let admin: LoggedIn;
let enterprise: LoggedIn;
let college: LoggedIn;
let agreementId: string;
let claimId: string;
let before: Record<string, number>;
let sent = 0;

/** Rows per table: what "the database is unchanged" is checked against. */
async function rowCounts(): Promise<Record<string, number>> {
  const rows = async <T>(query: string) =>
    ((await platform.database.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
  const tables = await rows<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (await rows<{ n: number }>(`select count(*)::int as n from "${name}"`))[0]!.n;
  }
  return counts;
}

/** What every refusal looks like: a 4xx with `{ error: { code, message } }`. */
function expectRefused(response: LightMyRequestResponse, what: string) {
  const status = response.statusCode;
  expect(status >= 400 && status < 500, `${what}: ${status} ${response.body.slice(0, 300)}`).toBe(true);
  const { error } = response.json();
  expect(typeof error?.code, `${what}: error code`).toBe('string');
  expect(typeof error?.message, `${what}: error message`).toBe('string');
}

function send(options: InjectOptions, who: LoggedIn | null = admin) {
  sent++;
  return platform.app.inject({
    ...options,
    headers: { ...(who?.headers ?? {}), ...(options.headers ?? {}) },
  });
}

beforeAll(async () => {
  platform = await createTestPlatform();
  operations = operationsOf(platform.app.swagger() as never);
  admin = await login(platform.app, 'admin@demo.cn');
  enterprise = await login(platform.app, 'enterprise@demo.cn');
  college = await login(platform.app, 'college@demo.cn');
  agreementId = (await runningAgreement(platform.app, enterprise, [enterprise.orgId, college.orgId])).id;
  const claim = await send(
    {
      method: 'POST',
      url: `/api/orgs/${enterprise.orgId}/designations`,
      payload: {
        kind: 'little_giant',
        certificateNo: 'GXB-2026-7',
        issuingBody: '工业和信息化部',
        validFrom: '2026-01-01',
        validUntil: '2029-12-31',
      },
    },
    enterprise,
  );
  claimId = claim.json().id;
  // Everything above writes (logins, the agreement); everything below must not.
  before = await rowCounts();
}, 60_000);
afterAll(() => platform?.close());

describe('hostile input', () => {
  it('finds the operations to attack in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((op) => op.body).length).toBeGreaterThan(40);
    expect(operations.filter((op) => op.multipart).map((op) => op.path)).toEqual([
      '/api/designations/{id}/files',
      '/api/org-verifications/{id}/files',
      '/api/import/{kind}',
      '/api/agreements/{id}/attachments',
    ]);
  });

  it('refuses bad bodies of every operation with a body', async () => {
    for (const op of operations.filter((o) => o.body)) {
      const url = fillPath(op);
      for (const mutation of bodyMutations(op.body!)) {
        const response = await send({
          method: op.method as never,
          url,
          ...(mutation.raw
            ? { payload: mutation.raw.body, headers: { 'content-type': mutation.raw.contentType } }
            : { payload: mutation.payload as never }),
        });
        expectRefused(response, `${op.method} ${op.path} with ${mutation.name}`);
      }
    }
  }, 120_000);

  it('refuses bad query values and unknown parameters of every operation with a query', async () => {
    for (const op of operations.filter((o) => Object.keys(o.query).length)) {
      const url = fillPath(op);
      const attempts: [string, string][] = [['an unknown parameter', 'unexpectedParameter=1']];
      for (const [name, schema] of Object.entries(op.query)) attempts.push(...queryMutations(name, schema));
      for (const [what, query] of attempts) {
        expectRefused(
          await send({ method: op.method as never, url: `${url}?${query}` }),
          `${op.path}?${what}`,
        );
      }
    }
  }, 120_000);

  it('refuses ids and names no path takes, for every operation with a path parameter', async () => {
    for (const op of operations.filter((o) => Object.keys(o.pathParams).length)) {
      for (const name of Object.keys(op.pathParams)) {
        for (const value of PATH_VALUES) {
          const response = await send({ method: op.method as never, url: fillPath(op, { [name]: value }) });
          expectRefused(response, `${op.method} ${op.path} with ${name}=${value.slice(0, 40)}`);
        }
      }
    }
  }, 120_000);

  it('answers 413 for a body over the limit and 414 for an address over the limit, in the error shape', async () => {
    const tooLarge = await send({
      method: 'POST',
      url: '/api/needs',
      payload: { title: 'A need', description: 'x'.repeat(300 * 1024) },
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('payload_too_large');
    const tooLong = await send({ method: 'GET', url: `/api/needs?q=${'x'.repeat(MAX_URL_LENGTH)}` });
    expect(tooLong.statusCode).toBe(414);
    expect(tooLong.json().error).toMatchObject({ code: 'uri_too_long', details: { limit: MAX_URL_LENGTH } });
    const unknownPath = await send({ method: 'GET', url: `/api/${'%00'.repeat(10)}` });
    expectRefused(unknownPath, 'an unknown path with NUL');
  });

  it('answers over a real socket in the error shape, for addresses past the guard and past the parser', async () => {
    const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const errorOf = async (response: Response) =>
      ((await response.json()) as { error: { code: string } }).error;
    const pastGuard = await fetch(`${address}/api/needs?q=${'x'.repeat(2 * MAX_URL_LENGTH)}`);
    expect(pastGuard.status).toBe(414);
    expect((await errorOf(pastGuard)).code).toBe('uri_too_long');
    const pastParser = await fetch(`${address}/api/needs?q=${'x'.repeat(MAX_HEADER_BYTES)}`);
    expect(pastParser.status).toBe(431);
    expect((await errorOf(pastParser)).code).toBe('headers_too_large');
  });

  it('names the field that holds a forbidden character', async () => {
    for (const [what, text] of Object.entries(FORBIDDEN_TEXT)) {
      const response = await send(
        {
          method: 'POST',
          url: '/api/needs',
          payload: { title: 'A real need', description: `Looking for ${text}` },
        },
        enterprise,
      );
      expect(response.statusCode, what).toBe(400);
      expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'body.description' })]);
    }
  });

  describe('multipart uploads', () => {
    const boundary = '----hostile-boundary';
    const part = (headers: string, content: Buffer | string) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
        Buffer.from(content),
        Buffer.from('\r\n'),
      ]);
    const filePart = (filename: string, type: string, content: Buffer | string) =>
      part(
        `Content-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}`,
        content,
      );
    const end = Buffer.from(`--${boundary}--\r\n`);
    const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const multipart = `multipart/form-data; boundary=${boundary}`;

    const uploads = () => [
      { url: `/api/agreements/${agreementId}/attachments`, who: enterprise, name: 'contract.pdf' },
      { url: `/api/designations/${claimId}/files`, who: enterprise, name: 'certificate.pdf' },
      { url: '/api/import/needs', who: enterprise, name: 'needs.csv' },
    ];

    const malformed: [string, string, Buffer][] = [
      ['no boundary', 'multipart/form-data', Buffer.concat([filePart('a.csv', 'text/csv', 'title'), end])],
      ['garbage', multipart, Buffer.from('this is not a multipart body at all')],
      ['a part cut short', multipart, filePart('a.csv', 'text/csv', 'title,description').subarray(0, 80)],
      ['no closing boundary', multipart, filePart('a.csv', 'text/csv', 'title,description\nx,y')],
      [
        'a broken part header',
        multipart,
        Buffer.from(`--${boundary}\r\nContent-Disposition\r\n\r\nx\r\n--${boundary}--\r\n`),
      ],
      [
        'the file in another field',
        multipart,
        Buffer.concat([
          part(
            'Content-Disposition: form-data; name="other"; filename="a.csv"\r\nContent-Type: text/csv',
            'x',
          ),
          end,
        ]),
      ],
      [
        'a text field only',
        multipart,
        Buffer.concat([part('Content-Disposition: form-data; name="title"', 'x'), end]),
      ],
      [
        'two files',
        multipart,
        Buffer.concat([filePart('a.csv', 'text/csv', 'x'), filePart('b.csv', 'text/csv', 'y'), end]),
      ],
      [
        'a NUL in the file name',
        multipart,
        Buffer.concat([filePart('a\u0000.pdf', 'application/pdf', '%PDF-1.7'), end]),
      ],
      ['JSON instead', 'application/json', Buffer.from('{"file": "x"}')],
    ];

    it('refuses malformed forms with 4xx', async () => {
      for (const upload of uploads()) {
        for (const [what, contentType, payload] of malformed) {
          const response = await send(
            { method: 'POST', url: upload.url, payload, headers: { 'content-type': contentType } },
            upload.who,
          );
          expectRefused(response, `${upload.url} with ${what}`);
        }
      }
    });

    it('refuses files whose content is not their declared type with 415', async () => {
      const lies: [string, string, string, Buffer | string][] = [
        [`/api/agreements/${agreementId}/attachments`, 'contract.pdf', 'application/pdf', PNG],
        [`/api/agreements/${agreementId}/attachments`, 'photo.png', 'image/png', '%PDF-1.7 not a picture'],
        [
          `/api/agreements/${agreementId}/attachments`,
          'report.docx',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'plain words',
        ],
        [`/api/agreements/${agreementId}/attachments`, 'notes.txt', 'text/plain', PNG],
        [`/api/designations/${claimId}/files`, 'certificate.pdf', 'application/pdf', PNG],
        [
          '/api/import/needs',
          'needs.xlsx',
          'application/octet-stream',
          'title,description\nA need,Described here',
        ],
        ['/api/import/needs', 'needs.csv', 'text/csv', PNG],
      ];
      for (const [url, filename, type, content] of lies) {
        const response = await send(
          {
            method: 'POST',
            url,
            payload: Buffer.concat([filePart(filename, type, content), end]),
            headers: { 'content-type': multipart },
          },
          enterprise,
        );
        expect(response.statusCode, `${filename} as ${type}`).toBe(415);
        expect(response.json().error.code).toBe('content_mismatch');
      }
    });

    it('refuses a file over the limit with 413', async () => {
      const payload = Buffer.concat([
        filePart('needs.csv', 'text/csv', 'x'.repeat(5 * 1024 * 1024 + 1)),
        end,
      ]);
      const response = await send(
        { method: 'POST', url: '/api/import/needs', payload, headers: { 'content-type': multipart } },
        enterprise,
      );
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('file_too_large');
    });

    it('rejects rows holding forbidden characters, naming the column', async () => {
      const csv = `title,description\nA need with a bell\u0007,Described well enough here\n`;
      const response = await send(
        {
          method: 'POST',
          url: '/api/import/needs',
          payload: Buffer.concat([filePart('needs.csv', 'text/csv', csv), end]),
          headers: { 'content-type': multipart },
        },
        enterprise,
      );
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        created: 0,
        errors: [{ row: 2, problems: [{ field: 'title', rule: 'invalid' }] }],
      });
    });
  });

  it('leaves every table as it was', async () => {
    expect(await rowCounts()).toEqual(before);
    console.log(`hostile input: ${sent} requests over ${operations.length} operations`);
  });
});

describe('after the database check', () => {
  it('generates samples the API accepts, so each mutation alone is what it refuses', async () => {
    const call = caller(platform.app);
    for (const [path, who] of [
      ['/api/needs', enterprise],
      ['/api/capabilities', college],
    ] as const) {
      const op = operations.find((o) => o.method === 'POST' && o.path === path)!;
      const created = await call('POST', path, who, sample(op.body!) as object);
      expect(created.statusCode, `${path}: ${created.body}`).toBeLessThan(300);
    }
  });
});

describe('injection strings where free text is allowed', () => {
  it('are searched and listed as plain text, never a server error', async () => {
    const call = caller(platform.app);
    for (const text of INJECTION_TEXT) {
      for (const url of ['/api/search', '/api/needs', '/api/orgs', '/api/instruments', '/api/admin/users']) {
        const response = await call('GET', `${url}?q=${encodeURIComponent(text)}`, admin);
        expect(response.statusCode, `${url}?q=${text}`).toBeLessThan(500);
      }
    }
  });

  it('are stored and given back exactly as typed', async () => {
    const title = '<script>alert(1)</script> 液压';
    const description = "x' OR '1'='1; DROP TABLE needs; -- and <img src=x onerror=alert(1)>";
    const call = caller(platform.app);
    const created = await call('POST', '/api/needs', enterprise, { title, description });
    expect(created.statusCode).toBe(201);
    const read = await call('GET', `/api/needs/${created.json().id}`, enterprise);
    expect(read.json()).toMatchObject({ title, description });
    // Search highlights are HTML: the title's markup arrives escaped, to be shown as the text it is.
    await platform.app.indexer.drain();
    const found = await call('GET', `/api/search?type=need&q=${encodeURIComponent('液压')}`, enterprise);
    const hit = found.json().hits.find((h: { id: string }) => h.id === created.json().id);
    expect(hit.highlights.title).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hit.highlights.title).not.toContain('<script>');
  });
});
