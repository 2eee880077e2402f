// Per side of the market, how many listings hold each matching term, and each indexed listing's own weighted
// terms, kept up to date by the indexer. Rarity weighs a shared term (a shared "hydraulic" says more than a
// shared "system"); the kept terms let the ranker score a candidate without analysing its text again.
import { analyseListing, type ListingText, type WeightedTerms } from './text.js';

export type Side = 'need' | 'capability';

/** 32-bit FNV-1a: terms are kept as numbers, so 50,000 documents' worth of word pairs stays small. */
export function termId(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A listing's weighted terms as the ranker reads them. */
export interface TermVector {
  /** Term ids, ascending. */
  terms: Uint32Array;
  /** Each term's weighted count in halves (weights are multiples of ½), capped where BM25 has long saturated. */
  halves: Uint8Array;
  /** Ids of the title's terms. */
  title: Uint32Array;
  /** Weighted number of terms. */
  length: number;
}

/**
 * A TermVector in one typed array, as kept for every indexed listing (each typed array costs some 200 bytes
 * besides its contents): term count n, title term count t, length in halves, the n term ids, the t title
 * term ids, then the n counts as bytes.
 */
type PackedTerms = Uint32Array;

const HEADER = 3;
const MAX_HALVES = 255;
/** Sort keys are id × SHIFT + count, so sorting by id carries each count along (exact: below 2^40). */
const SHIFT = MAX_HALVES + 1;

function pack({ counts, titleTerms, length }: WeightedTerms): PackedTerms {
  const keys = new Float64Array(counts.size);
  let k = 0;
  counts.forEach(
    (count, term) => (keys[k++] = termId(term) * SHIFT + Math.min(MAX_HALVES, Math.round(count * 2))),
  );
  keys.sort();
  const terms = new Uint32Array(keys.length);
  const halves = new Uint8Array(keys.length);
  let n = 0;
  for (const key of keys) {
    const id = Math.floor(key / SHIFT);
    // Two terms of one listing may share an id; they count as one, as they do for rarity.
    if (n > 0 && terms[n - 1] === id) halves[n - 1] = Math.min(MAX_HALVES, halves[n - 1]! + (key % SHIFT));
    else {
      terms[n] = id;
      halves[n++] = key % SHIFT;
    }
  }
  const title = Uint32Array.from(new Set(titleTerms.map(termId)));
  const packed = new Uint32Array(HEADER + n + title.length + Math.ceil(n / 4));
  packed.set([n, title.length, Math.round(length * 2)]);
  packed.set(terms.subarray(0, n), HEADER);
  packed.set(title, HEADER + n);
  new Uint8Array(packed.buffer, (HEADER + n + title.length) * 4, n).set(halves.subarray(0, n));
  return packed;
}

/** Views into the packed array; nothing is copied. */
function unpack(packed: PackedTerms): TermVector {
  const n = packed[0]!;
  const t = packed[1]!;
  return {
    terms: packed.subarray(HEADER, HEADER + n),
    title: packed.subarray(HEADER + n, HEADER + n + t),
    halves: new Uint8Array(packed.buffer, (HEADER + n + t) * 4, n),
    length: packed[2]! / 2,
  };
}

export const termVector = (weighted: WeightedTerms): TermVector => unpack(pack(weighted));

class SideStats {
  /** term id → how many documents hold it */
  private readonly counts = new Map<number, number>();
  /** Each document's terms, for the ranker and so a re-indexed document does not count twice. */
  private readonly docs = new Map<string, PackedTerms>();
  private totalLength = 0;
  /** Each document's title norm (Σ idf² of its title's terms), good until a document comes or goes. */
  private readonly titleNorms = new Map<string, number>();

  put(id: string, packed: PackedTerms) {
    this.remove(id);
    this.titleNorms.clear();
    const { terms, length } = unpack(packed);
    for (const term of terms) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
    this.docs.set(id, packed);
    this.totalLength += length;
  }

  remove(id: string) {
    const packed = this.docs.get(id);
    if (!packed) return;
    this.titleNorms.clear();
    const { terms, length } = unpack(packed);
    for (const term of terms) {
      const left = (this.counts.get(term) ?? 1) - 1;
      if (left > 0) this.counts.set(term, left);
      else this.counts.delete(term);
    }
    this.docs.delete(id);
    this.totalLength -= length;
  }

  /** The terms of an indexed document. */
  vector(id: string): TermVector | undefined {
    const packed = this.docs.get(id);
    return packed && unpack(packed);
  }

  /** BM25's idf: rare terms weigh more; a term nobody has weighs most. */
  idf(term: number): number {
    const n = this.docs.size;
    const df = this.counts.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Σ idf² of a title's terms; kept per indexed document, as a recompute asks for it once per source. */
  titleNorm(title: Uint32Array, id?: string): number {
    const kept = id === undefined ? undefined : this.titleNorms.get(id);
    if (kept !== undefined) return kept;
    let norm = 0;
    for (const term of title) norm += this.idf(term) ** 2;
    if (id !== undefined && this.docs.has(id)) this.titleNorms.set(id, norm);
    return norm;
  }

  /** How many documents hold the term. */
  df(term: number): number {
    return this.counts.get(term) ?? 0;
  }

  averageLength(): number {
    return this.docs.size ? this.totalLength / this.docs.size : 1;
  }

  size(): number {
    return this.docs.size;
  }
}

export class TermStats {
  private readonly sides: Record<Side, SideStats> = { need: new SideStats(), capability: new SideStats() };
  /** Per indexed listing, values that rest on both sides' rarities: good until any listing comes or goes. */
  private readonly derived: Record<Side, Map<string, number>> = { need: new Map(), capability: new Map() };

  put(side: Side, id: string, listing: ListingText) {
    this.sides[side].put(id, pack(analyseListing(listing)));
    this.forget();
  }

  remove(side: Side, id: string) {
    this.sides[side].remove(id);
    this.forget();
  }

  /** `compute()` for an indexed listing, remembered until the statistics change (`id` absent: not indexed). */
  remembered(side: Side, id: string | undefined, compute: () => number): number {
    if (id === undefined) return compute();
    let value = this.derived[side].get(id);
    if (value === undefined) this.derived[side].set(id, (value = compute()));
    return value;
  }

  private forget() {
    this.derived.need.clear();
    this.derived.capability.clear();
  }

  of(side: Side): Pick<SideStats, 'idf' | 'df' | 'averageLength' | 'size' | 'vector' | 'titleNorm'> {
    return this.sides[side];
  }
}
