// Faults: the search engine failing or slow, a transaction failing half-way through an agreement change and a
// batch signing, a PostgreSQL connection ended under a transaction, a full disk for attachments. Afterwards the
// data is consistent, the outbox drains, the index equals the database, and the caller got a clear answer.
import { sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../config.js';
import { caller, frameworkTerms, logins } from '../modules/agreements/testing.js';
import { createDiskStorage } from '../storage/disk.js';
import type { FileStorage } from '../storage/port.js';
import {
  createTestPlatform,
  expectFoundByTitle,
  FaultySearchEngine,
  type LoggedIn,
  type TestPlatform,
} from './harness.js';

/** Disk storage whose disk fills up after `room` bytes of the next file, while `full` is on. */
class FillingDisk implements FileStorage {
  full = false;
  constructor(
    private readonly disk: FileStorage,
    private readonly room = 64 * 1024,
  ) {}
  save(content: Readable, contentType: string) {
    if (!this.full) return this.disk.save(content, contentType);
    const room = this.room;
    // Lazy, like a disk: the space runs out only as the file is written.
    async function* filling() {
      let written = 0;
      for await (const chunk of content as AsyncIterable<Buffer>) {
        written += chunk.length;
        if (written > room) {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        yield chunk;
      }
    }
    return this.disk.save(Readable.from(filling()), contentType);
  }
  open(key: string) {
    return this.disk.open(key);
  }
  remove(key: string) {
    return this.disk.remove(key);
  }
}

const engine = new FaultySearchEngine();
let filesDir: string;
let disk: FillingDisk;
let platform: TestPlatform;
let call: ReturnType<typeof caller>;
let enterprise: LoggedIn;
let college: LoggedIn;
let coordinator: LoggedIn;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await platform.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const countOf = async (table: string) =>
  (await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const counts = async (...tables: string[]) =>
  Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countOf(t)] as const)));

/** A trigger that raises on the `nth` row inserted into `table` from now on: a transaction failing half-way. */
async function failNthInsert(table: string, nth: number) {
  const { db } = platform.database;
  await db.execute(sql.raw(`create sequence if not exists fault_inserts`));
  await db.execute(sql.raw(`select setval('fault_inserts', 1, false)`));
  await db.execute(
    sql.raw(`create or replace function injected_fault() returns trigger language plpgsql as $$
      begin
        if nextval('fault_inserts') = ${nth} then raise exception 'injected fault'; end if;
        return new;
      end $$`),
  );
  await db.execute(
    sql.raw(
      `create trigger injected_fault before insert on ${table} for each row execute function injected_fault()`,
    ),
  );
  return () => platform.database.db.execute(sql.raw(`drop trigger injected_fault on ${table}`));
}

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'coop-faults-'));
  disk = new FillingDisk(createDiskStorage(filesDir));
  platform = await createTestPlatform({ search: engine, storage: disk });
  call = caller(platform.app);
  [enterprise, college, coordinator] = await logins(platform.app, ['enterprise', 'college', 'coordinator']);
}, 60_000);
afterAll(async () => {
  await platform?.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe('the search engine failing or slow for a while', () => {
  const newNeed = (title: string) =>
    call('POST', '/api/needs', enterprise, {
      title,
      description: `${title}：需要合作单位提供技术方案与测试服务。`,
    });

  /** The index holds exactly the database's needs, each with its current title. */
  async function expectIndexEqualsDatabase() {
    await expect
      .poll(
        async () => {
          await platform.app.indexer.drain();
          return (await platform.app.indexer.lag()).pending;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(0);
    const needs = await rows<{ id: string; title: string }>(sql`select id, title from needs`);
    expect(await engine.count('needs')).toBe(needs.length);
    await expectFoundByTitle(engine, needs);
  }

  it('keeps every write while updates fail and searches say so, then catches up', async () => {
    engine.down = true;
    engine.searchDown = true;
    try {
      const first = await newNeed('液压阀泄漏检测');
      expect(first.statusCode).toBe(201);
      const second = await newNeed('主轴热变形补偿');
      expect(second.statusCode).toBe(201);
      const renamed = await call('PATCH', `/api/needs/${first.json().id}`, enterprise, {
        title: '液压阀内泄漏在线检测',
        version: first.json().version,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      await platform.app.indexer.drain();
      const search = await call('GET', `/api/search?type=need&q=${encodeURIComponent('液压阀')}`, enterprise);
      expect(search.statusCode).toBe(503);
      expect(search.json().error).toMatchObject({ code: 'search_unavailable' });
      expect((await platform.app.indexer.lag()).pending).toBeGreaterThan(0);
    } finally {
      engine.down = false;
      engine.searchDown = false;
    }
    await expectIndexEqualsDatabase();
  });

  it('answers writes at the database’s pace while the engine is slow', async () => {
    engine.delayMs = 1500;
    try {
      const started = Date.now();
      const created = await newNeed('齿轮箱噪声诊断');
      expect(created.statusCode).toBe(201);
      expect(Date.now() - started).toBeLessThan(engine.delayMs);
    } finally {
      engine.delayMs = 0;
    }
    await expectIndexEqualsDatabase();
  });
});

describe('a transaction failing half-way', () => {
  it('leaves an agreement change undone, and the change goes through afterwards', async () => {
    const created = await call(
      'POST',
      '/api/agreements',
      enterprise,
      frameworkTerms([enterprise.orgId, college.orgId]),
    );
    expect(created.statusCode, created.body).toBe(201);
    const agreement = created.json();
    const before = await counts('agreement_events', 'events', 'notifications');
    const restore = await failNthInsert('agreement_events', 1);
    try {
      const changed = await call('PATCH', `/api/agreements/${agreement.id}`, enterprise, {
        title: '改过的标题 A changed title',
        version: agreement.version,
      });
      expect(changed.statusCode).toBe(500);
      expect(changed.json().error.code).toBe('internal');
    } finally {
      await restore();
    }
    const after = (await call('GET', `/api/agreements/${agreement.id}`, enterprise)).json();
    expect(after).toMatchObject({ title: agreement.title, version: agreement.version });
    expect(await counts('agreement_events', 'events', 'notifications')).toEqual(before);
    const retried = await call('PATCH', `/api/agreements/${agreement.id}`, enterprise, {
      title: '改过的标题 A changed title',
      version: agreement.version,
    });
    expect(retried.statusCode, retried.body).toBe(200);
  });

  it('signs none of a batch when the third agreement fails, and all of it afterwards', async () => {
    const { meetingId, collegeParticipant, firmParticipants } = await signableMeeting();
    const signing = {
      mode: 'per_enterprise',
      collegeParticipantId: collegeParticipant,
      participantIds: firmParticipants,
      signatories: [collegeParticipant, ...firmParticipants].map((participantId, i) => ({
        participantId,
        signatoryName: `签约人 ${i + 1}`,
      })),
      signedOn: '2027-03-18',
    };
    const tables = [
      'agreements',
      'agreement_parties',
      'projects',
      'meeting_agreements',
      'agreement_events',
      'notifications',
    ];
    const before = await counts(...tables);
    const restore = await failNthInsert('agreements', 3);
    try {
      const failed = await call('POST', `/api/meetings/${meetingId}/signing`, coordinator, signing);
      expect(failed.statusCode).toBe(500);
    } finally {
      await restore();
    }
    expect(await counts(...tables)).toEqual(before);
    const signed = await call('POST', `/api/meetings/${meetingId}/signing`, coordinator, signing);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().agreements).toHaveLength(firmParticipants.length);
    expect(await countOf('agreements')).toBe(before.agreements! + firmParticipants.length);
  });
});

/** A meeting of the association with the university and three member firms, scheduled: ready to sign at. */
async function signableMeeting() {
  const orgs = (await call('GET', '/api/orgs?pageSize=100')).json().items as {
    id: string;
    kind: string;
    nameEn: string;
  }[];
  const firms = orgs.filter((o) => o.kind === 'enterprise').slice(0, 3);
  const created = await call('POST', '/api/meetings', coordinator, {
    titleZh: '故障测试对接会',
    titleEn: 'A docking meeting for the fault tests',
    date: '2027-03-18',
    venue: '杭州 Hangzhou',
    slotMinutes: 20,
    slotStarts: ['09:30', '09:50'],
    tableCount: 2,
    registrationDeadline: '2027-03-10',
  });
  expect(created.statusCode, created.body).toBe(201);
  const meetingId = created.json().id as string;
  const invited = await call('POST', `/api/meetings/${meetingId}/participants`, coordinator, {
    orgIds: [college.orgId, ...firms.map((f) => f.id)],
  });
  expect(invited.statusCode, invited.body).toBeLessThan(300);
  let version = created.json().version as number;
  const move = async (action: string) => {
    const moved = await call('POST', `/api/meetings/${meetingId}/transitions`, coordinator, {
      action,
      version,
    });
    expect(moved.statusCode, `${action}: ${moved.body}`).toBe(200);
    version = moved.json().version;
  };
  await move('open');
  const participants = (await call('GET', `/api/meetings/${meetingId}/participants`, coordinator)).json() as {
    id: string;
    org: { id: string };
  }[];
  for (const p of participants) {
    const answered = await call('PATCH', `/api/meetings/${meetingId}/participants/${p.id}`, coordinator, {
      status: 'accepted',
    });
    expect(answered.statusCode, answered.body).toBe(200);
  }
  await move('start_scheduling');
  expect((await call('POST', `/api/meetings/${meetingId}/schedule`, coordinator, {})).statusCode).toBe(200);
  await move('publish');
  const idOf = (orgId: string) => participants.find((p) => p.org.id === orgId)!.id;
  return {
    meetingId,
    collegeParticipant: idOf(college.orgId),
    firmParticipants: firms.map((f) => idOf(f.id)),
  };
}

describe('a full disk for attachments', () => {
  it('answers 507 storage_full and keeps no part of the file and no record of it', async () => {
    const { id } = (
      await call('POST', '/api/agreements', enterprise, frameworkTerms([enterprise.orgId, college.orgId]))
    ).json();
    const before = await counts('agreement_attachments', 'agreement_events');
    const filesBefore = await readdir(filesDir, { recursive: true });
    const boundary = '----faults';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
      ),
      Buffer.alloc(512 * 1024, 0x20),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    disk.full = true;
    try {
      const upload = await platform.app.inject({
        method: 'POST',
        url: `/api/agreements/${id}/attachments`,
        payload,
        headers: { ...enterprise.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(upload.statusCode).toBe(507);
      expect(upload.json().error.code).toBe('storage_full');
    } finally {
      disk.full = false;
    }
    expect(await counts('agreement_attachments', 'agreement_events')).toEqual(before);
    const files = (await readdir(filesDir, { recursive: true, withFileTypes: true })).filter((f) =>
      f.isFile(),
    );
    expect(files.length).toBe(filesBefore.filter((f) => f.includes('-')).length);
  });
});

describe.skipIf(!testDatabaseUrl())('a PostgreSQL connection ended by the server', () => {
  // PGlite runs inside this process: it has no connections to end. These run with TEST_DATABASE_URL.
  const serverSide = async (query: string) => {
    const client = new pg.Client({ connectionString: platformUrl() });
    await client.connect();
    try {
      return (await client.query(query)).rows;
    } finally {
      await client.end();
    }
  };
  const platformUrl = () =>
    (platform.database.pool!.options as { connectionString: string }).connectionString;

  it('answers 503 database_unavailable for the transaction it ended, which left nothing behind', async () => {
    const created = await call(
      'POST',
      '/api/agreements',
      enterprise,
      frameworkTerms([enterprise.orgId, college.orgId]),
    );
    const agreement = created.json();
    const before = await counts('agreement_events', 'events');
    // The change's transaction waits inside its event insert until the server ends its connection.
    await platform.database.db.execute(
      sql.raw(`create or replace function injected_wait() returns trigger language plpgsql as $$
        begin perform pg_sleep(30); return new; end $$`),
    );
    await platform.database.db.execute(
      sql.raw(`create trigger injected_wait before insert on agreement_events
        for each row execute function injected_wait()`),
    );
    try {
      const pending = call('PATCH', `/api/agreements/${agreement.id}`, enterprise, {
        title: '被中断的修改 An interrupted change',
        version: agreement.version,
      });
      await expect
        .poll(
          async () => {
            const ended = await serverSide(
              `select pg_terminate_backend(pid) as ended from pg_stat_activity
           where datname = current_database() and wait_event = 'PgSleep' and pid <> pg_backend_pid()`,
            );
            return ended.length;
          },
          { timeout: 10_000, interval: 100 },
        )
        .toBe(1);
      const changed = await pending;
      expect(changed.statusCode).toBe(503);
      expect(changed.json().error).toMatchObject({ code: 'database_unavailable' });
    } finally {
      await platform.database.db.execute(sql.raw('drop trigger injected_wait on agreement_events'));
    }
    const after = (await call('GET', `/api/agreements/${agreement.id}`, enterprise)).json();
    expect(after).toMatchObject({ title: agreement.title, version: agreement.version });
    expect(await counts('agreement_events', 'events')).toEqual(before);
  });

  it('survives idle connections ended by the server and serves the next request', async () => {
    // Fill the pool with idle connections, then end them all from the server side.
    await Promise.all(Array.from({ length: 5 }, () => call('GET', '/api/agreements?org=mine', enterprise)));
    const ended = await serverSide(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    expect(ended.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect
      .poll(async () => (await call('GET', '/api/agreements?org=mine', enterprise)).statusCode, {
        timeout: 5000,
      })
      .toBe(200);
  });
});
