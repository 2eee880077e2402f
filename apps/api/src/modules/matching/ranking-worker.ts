// The ranking thread (see ranking-thread.ts): the same RankingCorpus the app would run in process.
import { serveOnThread } from '../../threads/host.js';
import { RankingCorpus } from './ranking.js';

serveOnThread(new RankingCorpus());
