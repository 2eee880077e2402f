// The API as the benchmarks run it: the embedded engine, no web app, a fixed secret; in process unless given.
import { buildApp } from '../app.js';
import type { DatabaseHandle } from '../db/client.js';
import type { Ranking } from '../modules/matching/ranking.js';
import { EmbeddedSearchEngine } from '../search/embedded.js';
import type { SearchEngine } from '../search/port.js';

export function buildBenchApp(
  database: DatabaseHandle,
  search: SearchEngine = new EmbeddedSearchEngine(),
  ranking?: Ranking,
) {
  return buildApp({
    config: {
      jwtSecret: 'bench-secret-that-is-long-enough-for-hs256',
      webDist: '/nonexistent',
      trustProxy: false,
    },
    database,
    search,
    ranking,
  });
}
