// Where to put the score floor below which no suggestion is offered, measured on a labelled set (the format of
// shared/data/match-dev): the scores of labelled pairs (a capability that answers the need) against the scores
// of the other pairs that reach a need's first ten. Ranks in-process with the product's ranker.
//   pnpm --filter @coop/api exec tsx src/cli/match-score-floor.ts [folder]
import { resolve } from 'node:path';
import { loadLabelledSet } from '../modules/matching/evaluation.js';
import { prepareSource, rank, type MatchSubject } from '../modules/matching/ranker.js';
import { TermStats } from '../modules/matching/term-stats.js';

const folder = resolve(
  process.argv[2] ?? new URL('../../../../../shared/data/match-dev', import.meta.url).pathname,
);
const set = loadLabelledSet(folder);
const subject = (id: string, title: string, description: string): MatchSubject => ({
  id,
  title,
  description,
  keywords: [],
  fields: [],
  cooperationTypes: [],
  regionCode: '110100',
  orgId: `org-${id}`,
  designations: [],
});
const stats = new TermStats();
const capabilities = set.capabilities.map((c) => subject(c.id, c.title, c.description));
for (const c of capabilities) stats.put('capability', c.id, c);
for (const n of set.needs) stats.put('need', n.id, subject(n.id, n.title, n.description));

const labelled: number[] = [];
const others: number[] = [];
for (const need of set.needs) {
  const ranked = rank(
    prepareSource(subject(need.id, need.title, need.description), 'need', stats),
    capabilities,
    stats,
    new Map(),
  );
  const relevant = set.relevant.get(need.id) ?? new Set();
  ranked.forEach(({ id, score }, place) => {
    if (relevant.has(id)) labelled.push(score);
    else if (place < 10) others.push(score);
  });
}
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const share = (values: number[], floor: number) => values.filter((v) => v >= floor).length / values.length;
console.log(`${labelled.length} labelled pairs, ${others.length} other pairs in a need's first ten`);
for (const q of [0.05, 0.1, 0.25, 0.5])
  console.log(
    `labelled q${q * 100}: ${quantile(labelled, q).toFixed(3)}  others q${q * 100}: ${quantile(others, q).toFixed(3)}`,
  );
for (const floor of [0.1, 0.15, 0.2, 0.25, 0.3])
  console.log(
    `floor ${floor}: keeps ${(share(labelled, floor) * 100).toFixed(0)} % of labelled pairs, ${(share(others, floor) * 100).toFixed(0)} % of other first-ten pairs`,
  );
