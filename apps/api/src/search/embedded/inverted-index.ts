// Postings for one index. A posting is one 32-bit integer, docNumber * 256 + quantised weight
// (document numbers stay below 2^23), so a term's postings are a compact list sorted by document number. Deleting only marks the document; compaction drops dead postings and
// renumbers once enough have piled up.
import SearchableMap from 'minisearch/SearchableMap';
import type { SearchDocument } from '../port.js';
import { analyseForIndex, isHanWord } from './analyze.js';
import { PostingLists } from './posting-lists.js';

const K1 = 1.2;
const B = 0.75;
export const WEIGHT_SCALE = 20;
const EXPANSION_CACHE_SIZE = 5000;
const MIN_DEAD_TO_COMPACT = 1000;

/** Earlier searchable fields weigh more: 3, 2, 1.5, 1.2, 1, 0.86 … */
function fieldBoost(position: number): number {
  return 3 / (1 + position * 0.5);
}

export class InvertedIndex {
  private termIds = new Map<string, number>();
  /** Letter/digit terms in a radix tree, for prefix and typo-tolerant lookups. */
  private wordTerms = new SearchableMap<number>();
  private postings = new PostingLists();
  /**
   * Searchable fields (by position) that Traditional → Simplified conversion changed, for documents that
   * have any: highlighting matches these, as the index saw them, without converting again.
   */
  readonly simplifiedTexts = new WeakMap<SearchDocument, (string | undefined)[]>();
  /** Documents by number; undefined once deleted. */
  docs: (SearchDocument | undefined)[] = [];
  private numById = new Map<string, number>();
  private dead = 0;
  /** Token counts per field over every version ever added, for the average length BM25 needs. */
  private lengthTotals: number[] = [];
  private added = 0;

  get size(): number {
    return this.numById.size;
  }

  /** Adds or replaces a document, answering its number; `texts` are its searchable fields in priority order. */
  add(doc: SearchDocument, texts: string[]): number {
    this.remove(doc.id);
    const num = this.docs.length;
    this.docs.push(doc);
    this.numById.set(doc.id, num);
    this.added += 1;
    const weights = new Map<string, number>();
    texts.forEach((text, position) => {
      if (!text) return;
      const { terms, length, simplified } = analyseForIndex(text);
      if (simplified !== undefined) {
        const converted = this.simplifiedTexts.get(doc) ?? [];
        converted[position] = simplified;
        this.simplifiedTexts.set(doc, converted);
      }
      this.lengthTotals[position] = (this.lengthTotals[position] ?? 0) + length;
      const average = Math.max(1, this.lengthTotals[position]! / this.added);
      const norm = K1 * (1 - B + (B * length) / average);
      const boost = fieldBoost(position);
      for (const [term, tf] of terms) {
        weights.set(term, (weights.get(term) ?? 0) + (boost * tf * (K1 + 1)) / (tf + norm));
      }
    });
    for (const [term, weight] of weights) {
      const posting = num * 256 + Math.min(255, Math.max(1, Math.round(weight * WEIGHT_SCALE)));
      this.postings.push(this.listOf(term), posting);
    }
    return num;
  }

  remove(id: string): boolean {
    const num = this.numById.get(id);
    if (num === undefined) return false;
    this.docs[num] = undefined;
    this.numById.delete(id);
    this.dead += 1;
    return true;
  }

  clear(): void {
    this.termIds = new Map();
    this.wordTerms = new SearchableMap();
    this.postings = new PostingLists();
    this.docs = [];
    this.numById = new Map();
    this.dead = 0;
    this.lengthTotals = [];
    this.added = 0;
  }

  /** A term's postings, valid until the next change to the index. */
  postingsOf(term: string): Int32Array | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.postings.read(id);
  }

  /** Inverse document frequency; dead postings count until compaction, which only flattens it a little. */
  idf(postings: Int32Array): number {
    const n = this.numById.size;
    return Math.log(1 + Math.max(0, n - postings.length + 0.5) / (postings.length + 0.5));
  }

  /** The most frequent indexed words starting with `prefix`, itself excluded. */
  wordsWithPrefix(prefix: string, limit: number, scanLimit = 2000): string[] {
    const key = `${prefix}\u0000${limit}`;
    const cached = this.prefixCache.get(key);
    if (cached) return cached;
    const words = this.scanPrefix(prefix, limit, scanLimit);
    this.remember(this.prefixCache, key, words);
    return words;
  }

  private scanPrefix(prefix: string, limit: number, scanLimit: number): string[] {
    const found: [string, number][] = [];
    for (const [term, id] of this.wordTerms.atPrefix(prefix).entries()) {
      if (term !== prefix) found.push([term, this.postings.length(id)]);
      if (found.length >= scanLimit) break;
    }
    return found
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([term]) => term);
  }

  /** Indexed words within `maxEdits` edits of `word`, with their distance. */
  wordsNear(word: string, maxEdits: number): [string, number][] {
    const key = `${word}\u0000${maxEdits}`;
    const cached = this.nearCache.get(key);
    if (cached) return cached;
    const near = [...this.wordTerms.fuzzyGet(word, maxEdits)].map(
      ([term, [, distance]]) => [term, distance] as [string, number],
    );
    this.remember(this.nearCache, key, near);
    return near;
  }

  /**
   * Typo and prefix expansions are the costly part of an English query and people repeat queries, so they are
   * remembered until the vocabulary changes (a new word could be near or under any of them).
   */
  private readonly nearCache = new Map<string, [string, number][]>();
  private readonly prefixCache = new Map<string, string[]>();

  private remember<V>(cache: Map<string, V>, key: string, value: V) {
    if (cache.size >= EXPANSION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }

  private listOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.create();
      this.termIds.set(term, id);
      if (!isHanWord(term[0] ?? '')) {
        this.wordTerms.set(term, id);
        this.nearCache.clear();
        this.prefixCache.clear();
      }
    }
    return id;
  }

  /**
   * Drops dead postings and renumbers documents once enough are dead to be worth it; answers the
   * renumbering (old number → new, -1 for dropped) so per-document columns can follow.
   */
  compactIfWorthwhile(): Int32Array | undefined {
    if (this.dead < MIN_DEAD_TO_COMPACT || this.dead <= this.numById.size / 4) return undefined;
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: SearchDocument[] = [];
    this.docs.forEach((doc, num) => {
      if (!doc) return;
      renumber[num] = docs.length;
      this.numById.set(doc.id, docs.length);
      docs.push(doc);
    });
    const termIds = new Map<string, number>();
    const wordTerms = new SearchableMap<number>();
    const kept: Int32Array[] = [];
    for (const [term, id] of this.termIds) {
      const postings = this.postings.read(id);
      const live = new Int32Array(postings.length);
      let length = 0;
      for (const posting of postings) {
        const num = renumber[posting >> 8]!;
        if (num >= 0) live[length++] = num * 256 + (posting & 255);
      }
      if (length === 0) continue;
      termIds.set(term, kept.length);
      if (!isHanWord(term[0] ?? '')) wordTerms.set(term, kept.length);
      kept.push(live.subarray(0, length));
    }
    this.docs = docs;
    this.termIds = termIds;
    this.wordTerms = wordTerms;
    this.postings = PostingLists.from(kept);
    this.dead = 0;
    return renumber;
  }
}
