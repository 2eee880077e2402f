// Measures cross-language known-item search: each held-out case is a listing in one language found by a query
// in the other (cli/data/crosslang-eval.ts), among distractors in both languages (zh-needs-dev's needs and
// match-dev's capabilities). Reports hit@10 per direction with the product's listing index (translated terms on)
// and without the translated terms, and lists the misses.
//   pnpm --filter @coop/api exec tsx src/cli/score-crosslang-search.ts [shared data path] [--distractors 2000]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedSearchEngine } from '../search/embedded.js';
import { crossTermsOf, LISTING_INDEX_SETTINGS } from '../search/indexes.js';
import type { IndexSettings, SearchDocument } from '../search/port.js';
import { CROSS_LANGUAGE_CASES } from './data/crosslang-eval.js';

interface Text {
  id: string;
  title: string;
  description: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = args.indexOf('--distractors');
const distractorCount = flag >= 0 ? Number(args[flag + 1]) : 2000;
const dataPath = resolve(
  args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--distractors') ??
    join(here, '../../../../../shared/data'),
);

const readJsonl = (path: string): Text[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Text);

function document(
  id: string,
  listing: { title: string; description: string; keywords: string[] },
): SearchDocument {
  return { id, ...listing, fieldLabels: [], orgName: '', crossTerms: crossTermsOf(listing) };
}

const distractors = [
  ...readJsonl(join(dataPath, 'zh-needs-dev', 'needs.jsonl')),
  ...readJsonl(join(dataPath, 'match-dev', 'capabilities.jsonl')),
].slice(0, distractorCount);
const docs = [
  ...CROSS_LANGUAGE_CASES.map((c) => document(c.id, c.listing)),
  ...distractors.map((d) =>
    document(`d-${d.id}`, { title: d.title, description: d.description, keywords: [] }),
  ),
];

async function score(label: string, settings: IndexSettings): Promise<void> {
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex('listings', settings);
  await engine.upsert('listings', docs);
  const hits = { zhListing: 0, enListing: 0 };
  const misses: string[] = [];
  for (const c of CROSS_LANGUAGE_CASES) {
    const result = await engine.search('listings', { q: c.query, pageSize: 10 });
    const rank = result.hits.findIndex((hit) => hit.id === c.id);
    if (rank >= 0) hits[c.id.startsWith('zh') ? 'zhListing' : 'enListing'] += 1;
    else misses.push(`${c.id} "${c.query}" (${result.total} hits)`);
  }
  const zh = CROSS_LANGUAGE_CASES.filter((c) => c.id.startsWith('zh')).length;
  const en = CROSS_LANGUAGE_CASES.length - zh;
  const all = (hits.zhListing + hits.enListing) / CROSS_LANGUAGE_CASES.length;
  console.log(
    `${label}: hit@10 English query → Chinese listing ${(hits.zhListing / zh).toFixed(3)} · ` +
      `Chinese query → English listing ${(hits.enListing / en).toFixed(3)} · all ${all.toFixed(3)}`,
  );
  if (misses.length) console.log(`  missed: ${misses.join('; ')}`);
}

console.log(`${CROSS_LANGUAGE_CASES.length} cases among ${distractors.length} distractors`);
await score('with translated terms', LISTING_INDEX_SETTINGS);
await score('without translated terms', {
  ...LISTING_INDEX_SETTINGS,
  searchableAttributes: LISTING_INDEX_SETTINGS.searchableAttributes.filter((field) => field !== 'crossTerms'),
});
