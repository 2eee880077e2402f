// Starts the platform: migrate, seed the demo when asked, listen. app.ts builds everything else.
import { buildApp } from './app.js';
import { openConfigured, runCli } from './cli/open.js';
import { loadConfig } from './config.js';
import { RankingThread } from './modules/matching/ranking-thread.js';
import { createSearchEngine } from './search/engine.js';
import { seedDemo } from './seed/demo.js';

runCli(async () => {
  const config = loadConfig();
  const database = await openConfigured(config);
  if (config.seedDemo && (await seedDemo(database.db))) {
    console.log(
      'Demo data seeded: admin@ / coordinator@ / enterprise@ / college@ / gov@demo.cn, password demo-password',
    );
  }
  const search = createSearchEngine(config);
  const app = await buildApp({
    config,
    database,
    search,
    ranking: new RankingThread(),
    logger: {
      level: config.logLevel,
      // EventSource can only send its token in the URL; keep it out of the logs.
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: request.url.replace(/access_token=[^&]*/g, 'access_token=[redacted]'),
          remoteAddress: request.ip,
        }),
      },
    },
  });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Platform ready at http://${config.host}:${config.port}/ (API docs at /api/docs)`);
  // The index catches up in the background; health shows the lag meanwhile.
  app.indexer.start().catch((error) => app.log.error({ err: error }, 'search indexer failed to start'));
});
