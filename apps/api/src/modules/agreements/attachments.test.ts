import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type LoggedIn, type TestPlatform } from '../../test/harness.js';
import { caller, logins, runningAgreement } from './testing.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let enterprise: LoggedIn;
let college: LoggedIn;
let outsider: LoggedIn;
let agreementId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  [enterprise, college, outsider] = await logins(platform.app, ['enterprise', 'college', 'ouyue']);
  agreementId = (await runningAgreement(platform.app, enterprise, [enterprise.orgId, college.orgId])).id;
});
afterAll(() => platform?.close());

function upload(who: LoggedIn, filename: string, content: string) {
  const boundary = '----coop-attachment-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return platform.app.inject({
    method: 'POST',
    url: `/api/agreements/${agreementId}/attachments`,
    payload,
    headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('attachments', () => {
  it('stores a file behind the storage port for the parties only, and logs adding and removing it', async () => {
    expect((await upload(outsider, 'intruder.pdf', 'x')).statusCode).toBe(404);
    const uploaded = await upload(college, '../../签约文本.pdf', '%PDF-1.7 signed contract');
    expect(uploaded.statusCode).toBe(201);
    const attachment = uploaded.json();
    expect(attachment).toMatchObject({
      fileName: '签约文本.pdf',
      contentType: 'application/pdf',
      size: Buffer.byteLength('%PDF-1.7 signed contract'),
      uploadedBy: { displayName: '陈静 Chen Jing' },
    });
    expect((await call('GET', `/api/agreements/${agreementId}`, enterprise)).json().attachments).toEqual([
      attachment,
    ]);

    const download = await call('GET', `/api/attachments/${attachment.id}`, enterprise);
    expect(download.body).toBe('%PDF-1.7 signed contract');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('签约文本.pdf'));
    expect((await call('GET', `/api/attachments/${attachment.id}`, outsider)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/attachments/${attachment.id}`, outsider)).statusCode).toBe(404);

    expect((await call('DELETE', `/api/attachments/${attachment.id}`, college)).statusCode).toBe(204);
    expect((await call('GET', `/api/attachments/${attachment.id}`, enterprise)).statusCode).toBe(404);
    const actions = (await call('GET', `/api/agreements/${agreementId}/timeline`, enterprise))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 2)).toEqual(['attachment_removed', 'attachment_added']);
  });
});
