// Document frequencies of matching terms per side of the market, kept up to date by the indexer.
// They weigh a shared term by how rare it is (a shared "hydraulic" says more than a shared "system").
import type { ListingDocument } from '../../search/indexes.js';
import type { IndexListener } from '../../search/indexer.js';
import { analyse } from './text.js';

export type Side = 'need' | 'capability';

/** 32-bit FNV-1a: terms are kept as numbers, so 50,000 documents' worth of word pairs stays small. */
function termId(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

class SideStats {
  private readonly counts = new Map<number, number>();
  /** The terms each document contributed, so a re-indexed document does not count twice. */
  private readonly docs = new Map<string, Uint32Array>();
  private readonly lengths = new Map<string, number>();
  private totalLength = 0;

  put(id: string, text: string) {
    this.remove(id);
    const { counts, length } = analyse(text);
    const terms = Uint32Array.from(new Set([...counts.keys()].map(termId)));
    for (const term of terms) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
    this.docs.set(id, terms);
    this.totalLength += length;
    this.lengths.set(id, length);
  }

  remove(id: string) {
    const terms = this.docs.get(id);
    if (!terms) return;
    for (const term of terms) {
      const left = (this.counts.get(term) ?? 1) - 1;
      if (left > 0) this.counts.set(term, left);
      else this.counts.delete(term);
    }
    this.docs.delete(id);
    this.totalLength -= this.lengths.get(id) ?? 0;
    this.lengths.delete(id);
  }

  /** BM25's idf: rare terms weigh more; a term nobody has weighs most. */
  idf(term: string): number {
    const n = this.docs.size;
    const df = this.counts.get(termId(term)) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** How many documents hold the term. */
  df(term: string): number {
    return this.counts.get(termId(term)) ?? 0;
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

  put(side: Side, id: string, text: string) {
    this.sides[side].put(id, text);
  }

  remove(side: Side, id: string) {
    this.sides[side].remove(id);
  }

  of(side: Side): Pick<SideStats, 'idf' | 'df' | 'averageLength' | 'size'> {
    return this.sides[side];
  }
}

/** Keeps the statistics in step with what the search index holds. */
export function termStatsListener(stats: TermStats): IndexListener {
  return {
    indexed(type, docs: ListingDocument[]) {
      for (const doc of docs)
        stats.put(type, doc.id, `${doc.title}\n${doc.keywords.join(' ; ')}\n${doc.description}`);
    },
    removed(type, ids) {
      for (const id of ids) stats.remove(type, id);
    },
  };
}
