// pnpm bench:instruments [instruments=200] [years=3] [approvals=100]: instruments with years of bookings.
// Prints a month calendar's latency through HTTP (p50 / p95) and what 100 concurrent approvals of mutually
// overlapping requests end with (exactly one approved, the rest refused with their reason). Runs on PGlite, or on
// the PostgreSQL server named by TEST_DATABASE_URL (a fresh database, dropped at the end), like the API tests.
import { cpus, loadavg, totalmem } from 'node:os';
import { sql } from 'drizzle-orm';
import {
  capabilities,
  instrumentBookings,
  instrumentProfiles,
  organizations,
  users,
} from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { createTestDatabase } from '../test/harness.js';
import { buildBenchApp } from './bench-app.js';

const INSTRUMENTS = Number(process.argv[2] ?? 200);
const YEARS = Number(process.argv[3] ?? 3);
const APPROVALS = Number(process.argv[4] ?? 100);
const CALENDAR_REQUESTS = 300;
const PASSWORD = 'bench-password';
const DAY_MS = 86_400_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const at = (day: number, hour: number) =>
  new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + day * DAY_MS + (hour - 8) * 3_600_000);

const database = await createTestDatabase();
const { db } = database;
console.log(`driver ${database.driver}; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);

const passwordHash = await hashPassword(PASSWORD);
const [owner] = await db
  .insert(organizations)
  .values({
    kind: 'college',
    nameZh: '基准大学',
    nameEn: 'Bench University',
    regionCode: '330100',
    verified: true,
  })
  .returning();
const requesters = await db
  .insert(organizations)
  .values(
    Array.from({ length: 5 }, (_, i) => ({
      kind: 'enterprise' as const,
      nameZh: `基准企业 ${i}`,
      nameEn: `Bench Co ${i}`,
      regionCode: '330100',
      verified: true,
    })),
  )
  .returning();
const [ownerUser] = await db
  .insert(users)
  .values({ email: 'owner@bench.cn', orgId: owner!.id, displayName: 'Owner', orgRole: 'admin', passwordHash })
  .returning();
const requesterUsers = await db
  .insert(users)
  .values(
    requesters.map((org, i) => ({
      email: `r${i}@bench.cn`,
      orgId: org.id,
      displayName: `R${i}`,
      orgRole: 'admin' as const,
      passwordHash,
    })),
  )
  .returning();

let t = performance.now();
const instrumentIds: string[] = [];
for (let i = 0; i < INSTRUMENTS; i += 100) {
  const rows = await db
    .insert(capabilities)
    .values(
      Array.from({ length: Math.min(100, INSTRUMENTS - i) }, (_, k) => ({
        orgId: owner!.id,
        createdBy: ownerUser!.id,
        kind: 'instrument' as const,
        status: 'open' as const,
        title: `基准仪器 Bench instrument ${i + k}`,
        description: '基准测试用仪器。',
        regionCode: '330100',
      })),
    )
    .returning({ id: capabilities.id });
  await db.insert(instrumentProfiles).values(
    rows.map(({ id }) => ({
      capabilityId: id,
      orgId: owner!.id,
      model: 'M',
      maker: 'Maker',
      location: 'Lab',
      measuresZh: '硬度',
      measuresEn: 'hardness',
      feeOwnYuanPerHour: 100,
      feeMemberYuanPerHour: 200,
      feeOutsideYuanPerHour: 300,
      horizonDays: 60,
      minMinutes: 60,
      maxMinutes: 480,
      approvalRequired: true,
      maxFuturePerOrg: 1000,
      cancelDeadlineHours: 0,
      openingHours: [],
    })),
  );
  instrumentIds.push(...rows.map((r) => r.id));
}

// Two blocks a working day, from (years − ½) back to half a year ahead: finished in the past, approved ahead.
const firstDay = -Math.round((YEARS - 0.5) * 365);
const lastDay = Math.round(0.5 * 365);
let bookingCount = 0;
for (const [index, instrumentId] of instrumentIds.entries()) {
  const batch: (typeof instrumentBookings.$inferInsert)[] = [];
  for (let day = firstDay; day < lastDay; day++) {
    if ([0, 6].includes(new Date(at(day, 12)).getUTCDay())) continue;
    // Day 7 ahead stays free for the approval race below.
    if (index === 0 && day === 7) continue;
    for (const hour of [9, 14]) {
      const requester = (((day + hour + index) % requesters.length) + requesters.length) % requesters.length;
      const past = day < 0;
      batch.push({
        instrumentId,
        ownerOrgId: owner!.id,
        requesterOrgId: requesters[requester]!.id,
        requesterUserId: requesterUsers[requester]!.id,
        startsAt: at(day, hour),
        endsAt: at(day, hour + 2),
        purpose: '基准',
        sample: '样品',
        status: past ? 'completed' : 'approved',
        relation: 'outside',
        rateYuanPerHour: 300,
        feeYuan: 600,
        actualStartAt: past ? at(day, hour) : null,
        actualEndAt: past ? at(day, hour + 2) : null,
      });
    }
  }
  for (let i = 0; i < batch.length; i += 1000)
    await db.insert(instrumentBookings).values(batch.slice(i, i + 1000));
  bookingCount += batch.length;
}
console.log(
  `loaded ${INSTRUMENTS} instruments, ${bookingCount} bookings in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const app = await buildBenchApp(database);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const token = async (email: string) =>
  (
    (await (
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      })
    ).json()) as { accessToken: string }
  ).accessToken;
const ownerToken = await token('owner@bench.cn');
const headers = { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' };

// Fresh statistics, as autovacuum would have after a bulk load; then a few requests to warm the code paths up.
await db.execute(sql`analyze instrument_bookings`);
const WARM_UP = 30;
// A month view (six weeks) of a random instrument at a random month, as its owner sees it (every detail).
const latencies: number[] = [];
for (let i = 0; i < WARM_UP + CALENDAR_REQUESTS; i++) {
  const id = instrumentIds[(i * 7919) % instrumentIds.length]!;
  const from = at(firstDay + ((i * 37) % Math.max(1, lastDay - firstDay - 42)), 0);
  const to = new Date(from.getTime() + 42 * DAY_MS);
  t = performance.now();
  const response = await fetch(
    `${base}/api/instruments/${id}/calendar?from=${from.toISOString()}&to=${to.toISOString()}`,
    { headers },
  );
  await response.arrayBuffer();
  if (i >= WARM_UP) latencies.push(performance.now() - t);
  if (response.status !== 200) throw new Error(`calendar answered ${response.status}`);
}
latencies.sort((a, b) => a - b);
console.log(
  `month calendar through HTTP (${CALENDAR_REQUESTS} requests after ${WARM_UP} to warm up): p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms (load average ${loadavg()[0]!.toFixed(1)})`,
);

// Mutually overlapping requests on one free morning, then every approval at once.
const contested = instrumentIds[0]!;
const requests = await db
  .insert(instrumentBookings)
  .values(
    Array.from({ length: APPROVALS }, (_, i) => ({
      instrumentId: contested,
      ownerOrgId: owner!.id,
      requesterOrgId: requesters[i % requesters.length]!.id,
      requesterUserId: requesterUsers[i % requesters.length]!.id,
      startsAt: new Date(at(7, 9).getTime() + (i % 30) * 60_000),
      endsAt: new Date(at(7, 11).getTime() + (i % 30) * 60_000),
      purpose: '争用',
      sample: '样品',
      status: 'requested' as const,
      relation: 'outside' as const,
      rateYuanPerHour: 300,
      feeYuan: 600,
    })),
  )
  .returning({ id: instrumentBookings.id });
t = performance.now();
const answers = await Promise.all(
  requests.map(async ({ id }) => {
    const response = await fetch(`${base}/api/bookings/${id}/transitions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ action: 'approve', version: 1 }),
    });
    const body = (await response.json()) as { error?: { code: string } };
    return `${response.status}${body.error ? ` ${body.error.code}` : ''}`;
  }),
);
const counts: Record<string, number> = {};
for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
console.log(
  `${APPROVALS} concurrent approvals of overlapping requests in ${((performance.now() - t) / 1000).toFixed(1)} s:`,
  Object.entries(counts)
    .map(([answer, n]) => `${n} × ${answer}`)
    .join(', '),
);
const approved = counts['200'] ?? 0;
await app.close();
await database.close();
if (approved !== 1) {
  console.error(`expected exactly one approval, got ${approved}`);
  process.exit(1);
}
