// pnpm reindex: rebuilds the Meilisearch indexes from the database with a progress bar.
// The embedded engine lives inside the server process: it is rebuilt at every start, and an administrator
// can rebuild it live from the admin page (POST /api/admin/reindex).
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config.js';
import { createIndexer } from '../search/indexer.js';
import { connectMeilisearch } from '../search/meilisearch.js';
import { openConfigured, runCli } from './open.js';

runCli(async () => {
  const config = loadConfig();
  if (!config.meilisearchUrl) {
    console.log('No MEILISEARCH_URL: the embedded index is rebuilt at every start of the server,');
    console.log('or live from the admin page (POST /api/admin/reindex). Nothing to do here.');
    return;
  }
  const database = await openConfigured(config);
  const indexer = createIndexer({
    db: database.db,
    engine: connectMeilisearch(config.meilisearchUrl, config.meilisearchKey),
    log: { info: console.log, warn: (details, message) => console.warn(message, details) },
  });
  for (const type of ['need', 'capability'] as const) {
    const bar = new SingleBar({ format: `${type.padEnd(10)} {bar} {value}/{total}` }, Presets.shades_classic);
    bar.start(1, 0);
    await indexer.rebuild(type, ({ done, total }) => {
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    });
    bar.stop();
  }
  await indexer.stop();
  await database.close();
  console.log('Indexes rebuilt and swapped in.');
});
