// What ranking keeps of the indexed listings (term statistics and each listing's structured facts) and the
// ranking work itself. The app runs it on its own thread (ranking-thread.ts), so a recompute's seconds of
// scoring leave the main thread to serve requests; tests and tools run the same object in process.
import type { ListingDocument } from '../../search/indexes.js';
import {
  distinctiveTerms,
  prepareSource,
  rank,
  type MatchFacts,
  type MatchSubject,
  type PreparedSource,
  type RankedCandidate,
} from './ranker.js';
import { TermStats, type Side } from './term-stats.js';

const QUERY_WORDS = 10;
/** Candidate queries per ranking, each of the next most distinctive words. */
const QUERIES = 3;
/** Listings analysed between pauses while a large change is applied (about 10 ms of work). */
const UPDATE_SLICE = 20;
/** Prepared sources kept for the ranking that follows their queries (a few rankings run at once). */
const PREPARED_KEPT = 32;

/** What ranking needs of an indexed listing: the listing's text is analysed as it arrives. */
export function subjectOf(doc: ListingDocument): MatchSubject {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    keywords: doc.keywords,
    fields: doc.fields,
    cooperationTypes: doc.cooperationTypes,
    regionCode: doc.regionCode,
    orgId: doc.orgId,
    designations: doc.designations,
  };
}

const otherSide = (side: Side): Side => (side === 'need' ? 'capability' : 'need');

/** The ranking work, whichever thread runs it; every method answers as a promise, as across threads. */
export interface Ranking {
  indexed(side: Side, subjects: MatchSubject[]): Promise<void>;
  removed(side: Side, ids: string[]): Promise<void>;
  /** Resolves once every change told so far is applied (rankings asked meanwhile see part of it). */
  settled(): Promise<void>;
  /** Short queries of the listing's most distinctive words (Meilisearch reads a query's first 10 words). */
  queries(subject: MatchSubject, side: Side): Promise<string[][]>;
  /** The best `limit` of the indexed candidates, best first; ids no longer indexed are left out. */
  rank(
    subject: MatchSubject,
    side: Side,
    candidateIds: string[],
    pastCooperation: Map<string, number>,
    limit: number,
  ): Promise<RankedCandidate[]>;
  /** One pair's score and reasons, as ranking would give them (the candidate need not be indexed). */
  scorePair(
    subject: MatchSubject,
    side: Side,
    candidate: MatchSubject,
    pastCooperation: Map<string, number>,
  ): Promise<RankedCandidate>;
  /** How many listings a listing of this side is ranked against (rarity weights follow it). */
  corpusSize(side: Side): Promise<number>;
  /** Told when what was indexed is lost and must be told again (a thread that restarted). */
  onLoss?(listener: () => void): void;
}

export class RankingCorpus implements Ranking {
  private readonly stats = new TermStats();
  /** The text is not kept: the statistics hold its terms, and reasons name the source's words. */
  private readonly facts: Record<Side, Map<string, MatchFacts>> = { need: new Map(), capability: new Map() };
  /**
   * Listings prepared since the statistics last changed (a prepared source holds rarities), so the ranking
   * after a listing's candidate queries does not analyse its text again.
   */
  private readonly prepared = new Map<string, PreparedSource>();
  /** Changes queued or being applied, in order; `updating` counts them. */
  private updates: Promise<void> = Promise.resolve();
  private updating = 0;

  private prepare(subject: MatchSubject, side: Side): PreparedSource {
    const key = `${side} ${JSON.stringify(subject)}`;
    let source = this.prepared.get(key);
    if (!source) {
      if (this.prepared.size >= PREPARED_KEPT) this.prepared.delete(this.prepared.keys().next().value!);
      this.prepared.set(key, (source = prepareSource(subject, side, this.stats)));
    }
    return source;
  }

  indexed(side: Side, subjects: MatchSubject[]): Promise<void> {
    return this.update(subjects, (slice) => {
      for (const subject of slice) {
        this.stats.put(side, subject.id, subject);
        const { id, fields, cooperationTypes, regionCode, orgId, designations } = subject;
        this.facts[side].set(id, { id, fields, cooperationTypes, regionCode, orgId, designations });
      }
    });
  }

  removed(side: Side, ids: string[]): Promise<void> {
    return this.update(ids, (slice) => {
      for (const id of slice) {
        this.stats.remove(side, id);
        this.facts[side].delete(id);
      }
    });
  }

  settled(): Promise<void> {
    return this.updates;
  }

  /**
   * Applies changes in order, a slice at a time with a pause between, so rankings asked meanwhile are answered
   * on what is there rather than after a rebuild's thousands of listings are analysed; a small change with
   * nothing ahead of it applies at once.
   */
  private update<T>(items: T[], apply: (slice: T[]) => void): Promise<void> {
    if (items.length === 0) return this.updates;
    if (this.updating === 0 && items.length <= UPDATE_SLICE) {
      this.change(() => apply(items));
      return Promise.resolve();
    }
    this.updating++;
    const done = this.updates.then(async () => {
      for (let i = 0; i < items.length; i += UPDATE_SLICE) {
        if (i > 0) await new Promise((resolve) => setImmediate(resolve));
        this.change(() => apply(items.slice(i, i + UPDATE_SLICE)));
      }
    });
    this.updates = done.catch(() => undefined).finally(() => this.updating--);
    return done;
  }

  private change(apply: () => void) {
    this.prepared.clear();
    apply();
  }

  async queries(subject: MatchSubject, side: Side) {
    const source = this.prepare(subject, side);
    return Array.from({ length: QUERIES }, (_, i) =>
      distinctiveTerms(source, this.stats, QUERY_WORDS, i * QUERY_WORDS),
    ).filter((words) => words.length > 0);
  }

  async rank(
    subject: MatchSubject,
    side: Side,
    candidateIds: string[],
    pastCooperation: Map<string, number>,
    limit: number,
  ) {
    const kept = this.facts[otherSide(side)];
    const candidates = candidateIds.flatMap((id) => kept.get(id) ?? []);
    return rank(this.prepare(subject, side), candidates, this.stats, pastCooperation, limit);
  }

  async scorePair(
    subject: MatchSubject,
    side: Side,
    candidate: MatchSubject,
    pastCooperation: Map<string, number>,
  ) {
    return rank(this.prepare(subject, side), [candidate], this.stats, pastCooperation)[0]!;
  }

  async corpusSize(side: Side) {
    return this.stats.of(otherSide(side)).size();
  }
}
