// The realistic history the benchmarks run on: the demo (its logins and organisations) plus a generated history.
// Scale 1 is about 50,000 listings, 10,000 agreements, 30,000 projects and 200,000 events.
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.js';
import { organizations } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { seedDemo } from '../seed/demo.js';
import { generateHistory } from '../seed/history.js';

/** Seeds the demo without its listings, then the history at `scale`; returns the seconds it took. */
export async function loadBenchHistory(database: DatabaseHandle, scale: number): Promise<number> {
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  await seedDemo(database.db, { listings: false });
  const started = performance.now();
  const [association] = await database.db.select({ id: organizations.id }).from(organizations).limit(1);
  const passwordHash = await hashPassword('bench-password-nobody-has');
  await database.db.transaction((tx) =>
    generateHistory(tx, {
      size: {
        orgs: scaled(2_000),
        needs: scaled(30_000),
        capabilities: scaled(20_000),
        matchedNeeds: scaled(25_000),
        agreements: scaled(10_000),
        projectsPerAgreement: 5,
        days: 730,
      },
      now: new Date(),
      associationId: association!.id,
      passwordHash,
      tag: 'bench',
    }),
  );
  // As after the demo's history: statistics of the bulk-loaded tables, which PGlite (no autovacuum) never gathers.
  await database.db.execute(sql`analyze`);
  return (performance.now() - started) / 1000;
}
