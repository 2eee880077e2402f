// One index of the embedded engine: settings, postings, and the search pipeline
// (parse → score → filter → facets → order → page → highlight).
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  SearchError,
  type IndexSettings,
  type SearchDocument,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type TypoTolerance,
} from '../port.js';
import { fieldText } from '../fields.js';
import { cropAround, markHtml } from '../text/markup.js';
import { normalizeText } from '../text/normalize.js';
import { FieldValues } from './facets.js';
import { highlightPlan, matchRanges, type HighlightPlan } from './highlight.js';
import { InvertedIndex } from './inverted-index.js';
import { parseQuery, SynonymTable, type QuerySlot } from './query.js';
import { compileFilters, countFacets, firstInOrder, keepAccepted, type Candidates } from './results.js';
import { Scorer } from './scorer.js';

const SNIPPET_CHARS = 160;
const SNIPPET_SCAN_CHARS = 1500;
// Meilisearch's rule for document ids, kept here too so both engines accept the same documents.
const VALID_ID = /^[A-Za-z0-9_-]{1,511}$/;
const DEFAULT_TYPOS: TypoTolerance = { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } };
const NO_TYPOS: TypoTolerance = { enabled: false };
const PARSED_QUERIES_KEPT = 1000;

/** A copy of the document with only these fields (and its id); the whole document without a list. */
function pick(doc: SearchDocument, fields: string[] | undefined): SearchDocument {
  if (!fields) return { ...doc };
  const picked: SearchDocument = { id: doc.id };
  for (const field of fields) if (field in doc) picked[field] = doc[field];
  return picked;
}

export class EmbeddedIndex {
  private settings!: IndexSettings;
  private values = new FieldValues([]);
  private sortable = new Set<string>();
  private synonyms = new SynonymTable();
  private readonly store = new InvertedIndex();
  private readonly scorer = new Scorer();

  constructor(settings: IndexSettings) {
    this.configure(settings);
  }

  configure(settings: IndexSettings): void {
    const previous = this.settings;
    this.settings = structuredClone(settings);
    this.sortable = new Set(settings.sortableAttributes);
    this.synonyms = new SynonymTable(settings.synonyms);
    this.parsed = new Map();
    const same = (a: string[], b: string[]): boolean => a.join('\n') === b.join('\n');
    if (
      previous &&
      same(previous.searchableAttributes, settings.searchableAttributes) &&
      same(previous.filterableAttributes, settings.filterableAttributes)
    ) {
      return;
    }
    this.values = new FieldValues(settings.filterableAttributes);
    if (!previous) return;
    // Other fields are now searched or filtered on: every document is indexed again.
    const docs = this.store.docs.filter((doc) => doc !== undefined);
    this.store.clear();
    for (const doc of docs) this.add(doc);
  }

  upsert(docs: SearchDocument[]): void {
    for (const doc of docs) {
      if (typeof doc.id !== 'string' || !VALID_ID.test(doc.id)) {
        throw new SearchError(
          'invalid_query',
          `Document id ${JSON.stringify(doc.id)} is not 1–511 of A–Z a–z 0–9 _ -`,
        );
      }
    }
    for (const doc of docs) this.add({ ...doc });
    this.compact();
  }

  delete(ids: string[]): void {
    for (const id of ids) this.store.remove(id);
    this.compact();
  }

  clear(): void {
    this.store.clear();
  }

  count(): number {
    return this.store.size;
  }

  search(query: SearchQuery): SearchResult {
    const started = performance.now();
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(0, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));
    const accept = compileFilters(query.filters ?? [], this.values);
    const slots = query.q?.trim() ? this.parse(query.q, query.exactWords === true) : [];
    const candidates =
      slots.length > 0
        ? this.scorer.score(this.store, slots, query.matchingStrategy === 'any')
        : this.everyDocument();
    const docs = this.store.docs;
    if (accept) keepAccepted(candidates, docs, accept);
    const facets = countFacets(candidates, query.facets ?? [], this.values);
    const positions = firstInOrder(candidates, docs, query.sort ?? [], this.sortable, page * pageSize);
    const plan = highlightPlan(slots, this.store);
    return {
      hits: positions.slice((page - 1) * pageSize).map((position) => {
        const score = slots.length > 0 ? candidates.scores[position] : undefined;
        return this.hit(docs[candidates.nums[position]!]!, score, plan, query);
      }),
      facets,
      total: candidates.length,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }

  /** Parsed queries by text: people repeat queries, and a parse depends only on the settings. */
  private parsed = new Map<string, QuerySlot[]>();

  private parse(q: string, exactWords: boolean): QuerySlot[] {
    const key = `${exactWords ? 'exact' : 'typed'}\u0000${q}`;
    let slots = this.parsed.get(key);
    if (slots) return slots;
    // A trailing space ends the last word, so it is not taken as a prefix.
    slots = exactWords
      ? parseQuery(`${q} `, this.synonyms, NO_TYPOS)
      : parseQuery(q, this.synonyms, this.settings.typoTolerance ?? DEFAULT_TYPOS);
    if (this.parsed.size >= PARSED_QUERIES_KEPT) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(key, slots);
    return slots;
  }

  private add(doc: SearchDocument): void {
    const texts = this.settings.searchableAttributes.map((field) => fieldText(doc, field));
    this.values.set(this.store.add(doc, texts), doc);
  }

  private compact(): void {
    const renumber = this.store.compactIfWorthwhile();
    if (renumber) this.values.renumber(renumber, this.store.size);
  }

  private everyDocument(): Candidates {
    const docs = this.store.docs;
    const nums = new Int32Array(this.store.size);
    let length = 0;
    for (let num = 0; num < docs.length; num++) if (docs[num]) nums[length++] = num;
    return { nums, scores: new Float64Array(length), matched: new Uint16Array(length), length };
  }

  /** A field's text as the index analysed it (Simplified, same length), for matching its offsets. */
  private asIndexed(doc: SearchDocument, field: string, text: string): string {
    const converted = this.store.simplifiedTexts.get(doc);
    if (!converted) return text;
    const position = this.settings.searchableAttributes.indexOf(field);
    return position < 0 ? normalizeText(text) : (converted[position] ?? text);
  }

  private hit(
    doc: SearchDocument,
    score: number | undefined,
    plan: HighlightPlan,
    query: SearchQuery,
  ): SearchHit {
    const highlights: Record<string, string> = {};
    for (const field of query.highlight ?? []) {
      const text = fieldText(doc, field);
      highlights[field] = markHtml(text, matchRanges(this.asIndexed(doc, field, text), plan));
    }
    let snippet = '';
    if (query.snippetField) {
      // Only the opening of a long text is scanned: the excerpt shows the first match there, or the start.
      const text = fieldText(doc, query.snippetField);
      const scanned = this.asIndexed(doc, query.snippetField, text).slice(0, SNIPPET_SCAN_CHARS);
      const ranges = matchRanges(scanned, plan, SNIPPET_CHARS);
      const excerpt = cropAround(text.slice(0, SNIPPET_SCAN_CHARS), ranges, SNIPPET_CHARS);
      snippet = markHtml(excerpt.text, excerpt.ranges);
    }
    const hit: SearchHit = { id: doc.id, doc: pick(doc, query.fields), highlights, snippet };
    if (score !== undefined) hit.score = Math.round(score * 1000) / 1000;
    return hit;
  }
}
