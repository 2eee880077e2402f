// Measures Chinese known-item search in the embedded engine on shared/data/zh-needs-dev: hit@10 per
// query kind, on the 172 needs alone and again padded with ~50,000 other listings (half Chinese made
// from the needs' own sentences and words, half English from match-dev), with timings and memory.
//   pnpm --filter @coop/api exec tsx src/cli/score-zh-search.ts [zh-needs-dev path] [--pad 50000]
import { FIELD_CODES, synonymGroups } from '@coop/shared';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedSearchEngine } from '../search/embedded.js';
import type { IndexSettings, SearchDocument } from '../search/port.js';
import { cutWords } from '../search/text/segment.js';

interface Need {
  id: string;
  title: string;
  description: string;
}
interface KnownItemQuery {
  need_id: string;
  kind: string;
  q: string;
}

const INDEX = 'needs';
// As the product configures its listing indexes: taxonomy synonyms, typo tolerance on.
const SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'description'],
  filterableAttributes: ['lang', 'kind', 'fields'],
  sortableAttributes: ['createdAt'],
  synonyms: synonymGroups(),
  typoTolerance: { enabled: true },
};

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Deterministic pseudo-random numbers (mulberry32), so every run pads with the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!;
}

/** Chinese listings from the needs' sentences, titled with words drawn by frequency to a real title's length. */
function chinesePadding(needs: Need[], count: number, next: () => number): SearchDocument[] {
  const sentences = needs.flatMap((need) =>
    need.description.split(/[。；！？\n]/).filter((s) => s.length >= 8),
  );
  const words = needs.flatMap((need) =>
    cutWords(`${need.title}。${need.description}`).filter((w) => /^\p{Script=Han}{2,}$/u.test(w)),
  );
  return Array.from({ length: count }, (_, i) => {
    const length = pick(needs, next).title.length;
    let title = '';
    while (title.length < length) title += pick(words, next);
    let description = '';
    while (description.length < 260) description += `${pick(sentences, next)}。`;
    return {
      id: `pad-zh-${i}`,
      title,
      description,
      lang: 'zh',
      kind: pick(['need', 'capability'], next),
      createdAt: i,
    };
  });
}

/** English listings from match-dev capabilities: a title and a ~300-character window of a description. */
function englishPadding(path: string, count: number, next: () => number): SearchDocument[] {
  if (!existsSync(path)) return [];
  const capabilities = readJsonl<Need>(path);
  return Array.from({ length: count }, (_, i) => {
    const source = pick(capabilities, next);
    const start = Math.floor(next() * Math.max(1, source.description.length - 300));
    const title =
      i < capabilities.length
        ? source.title
        : `${source.title} ${pick(capabilities, next).title.split(' ')[0]}`;
    return {
      id: `pad-en-${i}`,
      title,
      description: source.description.slice(start, start + 300),
      lang: 'en',
      kind: 'capability',
      createdAt: i,
    };
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function format(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

/**
 * Wall-clock and CPU time of each call. CPU time (all threads, GC included) stays meaningful when
 * other work shares the machine; wall-clock is what a caller waits.
 */
class Timings {
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];

  async time<T>(work: () => Promise<T>): Promise<T> {
    const [cpu, started] = [process.cpuUsage(), performance.now()];
    const result = await work();
    this.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    this.cpu.push((used.user + used.system) / 1000);
    return result;
  }

  summary(): string {
    const wall = `wall p50 ${format(percentile(this.wall, 50))} p95 ${format(percentile(this.wall, 95))}`;
    return `${wall} | cpu p50 ${format(percentile(this.cpu, 50))} p95 ${format(percentile(this.cpu, 95))}`;
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The title word a word_missing_char query was made from (the query with one character put back). */
function completeWord(query: KnownItemQuery, title: string): string | undefined {
  const typed = [...query.q];
  return cutWords(title).find((word) => {
    const chars = [...word];
    return (
      chars.length === typed.length + 1 && chars.some((_, i) => chars.toSpliced(i, 1).join('') === query.q)
    );
  });
}

async function hitAt10(engine: EmbeddedSearchEngine, q: string, id: string): Promise<boolean> {
  return (await engine.search(INDEX, { q, pageSize: 10 })).hits.some((hit) => hit.id === id);
}

/** How often the correctly typed word finds the need: the ceiling for the missing-character queries. */
async function scoreCompleteWords(
  engine: EmbeddedSearchEngine,
  needs: Need[],
  queries: KnownItemQuery[],
): Promise<void> {
  const titles = new Map(needs.map((need) => [need.id, need.title]));
  let found = 0;
  let total = 0;
  for (const query of queries.filter((q) => q.kind === 'word_missing_char')) {
    const word = completeWord(query, titles.get(query.need_id) ?? '');
    if (!word) continue;
    total += 1;
    if (await hitAt10(engine, word, query.need_id)) found += 1;
  }
  console.log(
    `  (same words typed in full         ${(found / total).toFixed(3)}  (${found}/${total}): the ceiling for word_missing_char)`,
  );
}

async function score(engine: EmbeddedSearchEngine, queries: KnownItemQuery[]): Promise<void> {
  const kinds = [...new Set(queries.map((query) => query.kind))];
  const timings = new Timings();
  for (const kind of kinds) {
    const ofKind = queries.filter((query) => query.kind === kind);
    let found = 0;
    for (const query of ofKind) {
      const result = await timings.time(() => engine.search(INDEX, { q: query.q, pageSize: 10 }));
      if (result.hits.some((hit) => hit.id === query.need_id)) found += 1;
    }
    console.log(
      `  hit@10 ${kind.padEnd(22)} ${(found / ofKind.length).toFixed(3)}  (${found}/${ofKind.length})`,
    );
  }
  console.log(`  these queries                     ${timings.summary()}`);
}

async function timeOtherQueries(engine: EmbeddedSearchEngine): Promise<void> {
  const cases: [string, Parameters<EmbeddedSearchEngine['search']>[1]][] = [
    ['English words + typo', { q: 'quantum magnetc materials' }],
    ['English prefix', { q: 'spintron' }],
    [
      'browse: filters + 3 facets + sort',
      {
        filters: [
          { field: 'lang', in: ['zh', 'en'] },
          {
            anyOf: [
              { field: 'kind', eq: 'need' },
              { field: 'lang', eq: 'en' },
            ],
          },
        ],
        facets: ['lang', 'kind', 'fields'],
        sort: [{ field: 'createdAt', direction: 'desc' }],
      },
    ],
    [
      'common word + facets + highlight',
      { q: '技术', facets: ['lang', 'kind', 'fields'], highlight: ['title'], snippetField: 'description' },
    ],
  ];
  for (const [label, query] of cases) {
    const timings = new Timings();
    let total = 0;
    for (let i = 0; i < 50; i++) total = (await timings.time(() => engine.search(INDEX, query))).total;
    console.log(`  ${label.padEnd(33)} ${timings.summary()}  (${total} hits)`);
  }
}

async function timeSingleUpserts(engine: EmbeddedSearchEngine): Promise<void> {
  const timings = new Timings();
  for (let i = 0; i < 100; i++) {
    const found = await timings.time(async () => {
      await engine.upsert(INDEX, [
        {
          id: `fresh-${i}`,
          title: `新型液压系统${i}号`,
          description: '用于数控机床的高精度液压伺服系统。Hydraulic servo.',
          lang: 'zh',
          kind: 'need',
          createdAt: i,
        },
      ]);
      return engine.search(INDEX, { q: `液压系统${i}号`, pageSize: 1 });
    });
    if (found.hits[0]?.id !== `fresh-${i}`) console.log(`  upserted document fresh-${i} not found first`);
  }
  console.log(`  upsert one document + find it     ${timings.summary()}`);
}

async function run(needs: Need[], queries: KnownItemQuery[], padding: SearchDocument[]): Promise<void> {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex(INDEX, SETTINGS);
  const started = performance.now();
  // Two field codes per listing, so facets count a multi-valued field as the product's do.
  const docs = [
    ...needs.map((need, i) => ({ ...need, lang: 'zh', kind: 'need', createdAt: -i })),
    ...padding,
  ].map((doc, i) => ({
    ...doc,
    fields: [FIELD_CODES[i % FIELD_CODES.length]!, FIELD_CODES[(i * 7 + 3) % FIELD_CODES.length]!],
  }));
  for (let i = 0; i < docs.length; i += 1000) await engine.upsert(INDEX, docs.slice(i, i + 1000));
  const indexMs = performance.now() - started;
  collectGarbage();
  const memory = process.memoryUsage();
  console.log(
    `\n${await engine.count(INDEX)} documents indexed in ${(indexMs / 1000).toFixed(1)} s (${format(indexMs / docs.length)} per document)`,
  );
  console.log(
    `  memory: index ≈ ${megabytes(memory.heapUsed - heapBefore)} of heap; heap ${megabytes(memory.heapUsed)}, rss ${megabytes(memory.rss)}`,
  );
  await score(engine, queries);
  await scoreCompleteWords(engine, needs, queries);
  await timeOtherQueries(engine);
  await timeSingleUpserts(engine);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const padFlag = args.indexOf('--pad');
  const pad = padFlag >= 0 ? Number(args[padFlag + 1]) : 50_000;
  const positional = args.filter((arg, i) => !arg.startsWith('--') && (padFlag < 0 || i !== padFlag + 1));
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  const dataDir = resolve(positional[0] ?? join(repoRoot, '../shared/data/zh-needs-dev'));
  if (!existsSync(join(dataDir, 'needs.jsonl'))) {
    console.error(`No needs.jsonl in ${dataDir}; pass the zh-needs-dev folder as the first argument.`);
    process.exit(1);
  }
  const needs = readJsonl<Need>(join(dataDir, 'needs.jsonl'));
  const queries = readJsonl<KnownItemQuery>(join(dataDir, 'queries.jsonl'));
  console.log(`${needs.length} needs, ${queries.length} queries from ${dataDir}`);
  // A busy machine inflates wall-clock timings, so say how busy it was.
  console.log(`load average ${loadavg().map((load) => load.toFixed(1))}`);
  await run(needs, queries, []);
  if (pad > 0) {
    const next = random(20_19);
    const capabilitiesPath = join(dataDir, '../match-dev/capabilities.jsonl');
    const english = englishPadding(capabilitiesPath, Math.floor(pad / 2), next);
    const padding = [...chinesePadding(needs, pad - english.length, next), ...english];
    await run(needs, queries, padding);
  }
}

await main();
