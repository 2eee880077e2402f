// The server side of `pnpm bench:load`, a child process so the load generator does not share its event loop or
// its memory: the API (PGlite, or the PostgreSQL database named; embedded search) and, on a second port, the floor — a bare
// Fastify answering one indexed query on the same database. Search and ranking run on their own threads, as
// `pnpm start` runs them. Reports its peak RSS to the parent on request.
import Fastify from 'fastify';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client.js';
import { needs } from '../db/schema/index.js';
import { RankingThread } from '../modules/matching/ranking-thread.js';
import { WorkerSearchEngine } from '../search/embedded-worker.js';
import { buildBenchApp } from './bench-app.js';

const [url, dataDir, apiPort, floorPort] = [
  process.argv[2] || null,
  process.argv[3]!,
  Number(process.argv[4]),
  Number(process.argv[5]),
];
const send = (message: object) => process.send?.(message);

const database = await openDatabase({ url, dataDir });
const app = await buildBenchApp(database, new WorkerSearchEngine(), new RankingThread());
await app.ready();
const started = performance.now();
await app.indexer.start();
const indexSeconds = (performance.now() - started) / 1000;
await app.listen({ port: apiPort, host: '127.0.0.1' });

const floor = Fastify();
floor.get<{ Params: { id: string } }>('/floor/needs/:id', async (request, reply) => {
  const [row] = await database.db
    .select({ id: needs.id, title: needs.title })
    .from(needs)
    .where(eq(needs.id, request.params.id));
  return row ?? reply.code(404).send({ error: 'not found' });
});
await floor.listen({ port: floorPort, host: '127.0.0.1' });

// Sampled often enough to catch a phase's peak; the parent resets it at the start of each phase.
let peakRss = process.memoryUsage.rss();
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50).unref();
process.on('message', async (message: { type: string }) => {
  if (message.type === 'reset') {
    peakRss = process.memoryUsage.rss();
    send({ type: 'reset' });
  } else if (message.type === 'peak') {
    send({ type: 'peak', peakRss: Math.max(peakRss, process.memoryUsage.rss()) });
  } else if (message.type === 'backlog') {
    send({ type: 'backlog', backlog: app.suggestions.backlog() });
  } else if (message.type === 'stop') {
    await floor.close();
    await app.close();
    await database.close();
    process.exit(0);
  }
});
send({ type: 'ready', indexSeconds, rss: process.memoryUsage.rss() });
