import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  orgId,
  registerOrg,
  type LoggedIn,
  type TestPlatform,
} from '../../test/harness.js';
import { addDays, platformDate } from '../agreements/dates.js';
import { caller, logins } from '../agreements/testing.js';

let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let enterprise: LoggedIn;
let coordinator: LoggedIn;
let gov: LoggedIn;
let vocational: LoggedIn;
let college: LoggedIn;
let otherProvince: LoggedIn;
let claimId: string;
const today = platformDate();
const PDF = '%PDF-1.7 certificate scan';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  [enterprise, coordinator, gov, vocational, college] = await logins(platform.app, [
    'enterprise',
    'coordinator',
    'gov',
    'vocational',
    'college',
  ]);
  otherProvince = await registerOrg(
    platform.app,
    'officer@js.gov.cn',
    { kind: 'government', nameZh: '江苏省科技厅', nameEn: 'Jiangsu S&T Department', regionCode: '320000' },
    { verify: true },
  );
  claimId = (
    await call('POST', `/api/orgs/${enterprise.orgId}/designations`, enterprise, {
      kind: 'little_giant',
      certificateNo: 'GXB-2026-118',
      issuingBody: '工业和信息化部',
      validFrom: addDays(today, -30),
      validUntil: addDays(today, 1000),
    })
  ).json().id;
}, 60_000);
afterAll(() => platform?.close());

function upload(url: string, who: LoggedIn, filename: string, type: string, content: Buffer | string) {
  const boundary = '----coop-evidence-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return platform.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('a designation claim’s evidence', () => {
  it('is uploaded by the organisation, seen by its verifiers, refused to other organisations and regions', async () => {
    const url = `/api/designations/${claimId}/files`;
    const added = await upload(url, enterprise, '证书.pdf', 'application/pdf', PDF);
    expect(added.statusCode).toBe(201);
    const file = added.json();
    expect(file).toMatchObject({ fileName: '证书.pdf', contentType: 'application/pdf', size: PDF.length });

    // The association's coordinator and the province's officer see and open it before deciding.
    for (const verifier of [coordinator, gov]) {
      expect((await call('GET', url, verifier)).json()).toEqual([file]);
      const opened = await call('GET', `/api/evidence/${file.id}`, verifier);
      expect(opened.statusCode).toBe(200);
      expect(opened.body).toBe(PDF);
      expect(opened.headers['content-security-policy']).toBe('sandbox');
    }
    // Another organisation and another province's officer: refused, and the file stays hidden.
    for (const outsider of [vocational, otherProvince]) {
      expect((await call('GET', url, outsider)).statusCode).toBe(403);
      expect((await call('GET', `/api/evidence/${file.id}`, outsider)).statusCode).toBe(404);
      expect((await call('DELETE', `/api/evidence/${file.id}`, outsider)).statusCode).toBe(404);
      expect((await upload(url, outsider, 'fake.pdf', 'application/pdf', PDF)).statusCode).toBe(403);
    }
    // Verifiers read it; only the organisation adds or takes back its files.
    expect((await upload(url, coordinator, 'mine.pdf', 'application/pdf', PDF)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/evidence/${file.id}`, gov)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/evidence/${file.id}`, enterprise)).statusCode).toBe(204);
    expect((await call('GET', url, enterprise)).json()).toEqual([]);
  });

  it('refuses a file whose content lies about its type with 415, keeping nothing', async () => {
    const url = `/api/designations/${claimId}/files`;
    const lie = await upload(url, enterprise, 'certificate.pdf', 'application/pdf', PNG);
    expect(lie.statusCode).toBe(415);
    expect(lie.json().error.details).toEqual([expect.objectContaining({ field: 'file' })]);
    expect((await call('GET', url, enterprise)).json()).toEqual([]);
  });

  it('no longer changes once the claim is decided', async () => {
    const url = `/api/designations/${claimId}/files`;
    const file = (await upload(url, enterprise, 'scan.png', 'image/png', PNG)).json();
    const decided = await call('POST', `/api/designations/${claimId}/decision`, gov, {
      decision: 'verified',
      reason: 'Certificate scan matches the national list',
    });
    expect(decided.statusCode).toBe(200);
    expect((await upload(url, enterprise, 'late.png', 'image/png', PNG)).statusCode).toBe(409);
    expect((await call('DELETE', `/api/evidence/${file.id}`, enterprise)).statusCode).toBe(409);
    expect((await call('GET', `/api/evidence/${file.id}`, enterprise)).statusCode).toBe(200);
  });
});

describe('an organisation verification’s evidence', () => {
  it('is added by the verifier who decided, kept with the decision and seen by the organisation', async () => {
    const yuexi = await orgId(platform.app, 'Yuexi Intelligent Equipment Co., Ltd.');
    const decision = (
      await call('POST', `/api/orgs/${yuexi}/verification`, coordinator, {
        verified: true,
        reason: 'Business licence and site visit on 1 December',
      })
    ).json();
    const url = `/api/org-verifications/${decision.id}/files`;
    expect((await upload(url, gov, 'visit.pdf', 'application/pdf', PDF)).statusCode).toBe(403);
    expect((await upload(url, college, 'visit.pdf', 'application/pdf', PDF)).statusCode).toBe(403);
    expect((await upload(url, coordinator, 'visit.txt', 'text/plain', PNG)).statusCode).toBe(415);
    const added = await upload(url, coordinator, 'visit.pdf', 'application/pdf', PDF);
    expect(added.statusCode).toBe(201);
    const [kept] = (await call('GET', `/api/orgs/${yuexi}/verifications`, coordinator)).json();
    expect(kept).toMatchObject({ id: decision.id, files: [added.json()] });
    expect((await call('GET', `/api/evidence/${added.json().id}`, college)).statusCode).toBe(404);
    expect((await call('GET', `/api/evidence/${added.json().id}`, otherProvince)).statusCode).toBe(404);
    // Kept as the decision's record.
    expect((await call('DELETE', `/api/evidence/${added.json().id}`, coordinator)).statusCode).toBe(409);
  });
});
