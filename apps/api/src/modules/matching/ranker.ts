// Scores a candidate against the listing it should answer: whole-text relevance weighted by rarity,
// plus the structured signals lexical search misses. Returns the reasons along with the score.
import { cityOf, provinceOf } from '@coop/shared';
import { termId, termVector, type Side, type TermStats, type TermVector } from './term-stats.js';
import { analyseListing } from './text.js';

/** What the ranker reads of either side. */
export interface MatchSubject {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  fields: string[];
  cooperationTypes: string[];
  regionCode: string;
  orgId: string;
  designations: string[];
}

export type MatchReason =
  | { kind: 'shared_terms'; terms: string[] }
  | { kind: 'shared_fields'; fields: string[] }
  | { kind: 'cooperation_types'; types: string[] }
  | { kind: 'same_city'; regionCode: string }
  | { kind: 'same_province'; regionCode: string }
  | { kind: 'designations'; party: Side; designations: string[] }
  | { kind: 'past_cooperation'; count: number };

export interface RankedCandidate {
  id: string;
  /** 0–1: how much of the source's own weight the candidate covers, with structured bonuses. */
  score: number;
  reasons: MatchReason[];
}

// BM25 with a slightly higher term saturation than the textbook 1.2: grant-length texts repeat key terms.
const K1 = 1.6;
const B = 0.75;
/** Titles say what a listing is about in a few words; agreeing titles add to the body's evidence. */
const TITLE_SIMILARITY_WEIGHT = 0.1;
/** Bonuses multiply the text score, so structure re-orders close candidates but cannot invent relevance. */
const BONUS = {
  field: 0.25,
  leafField: 0.15,
  cooperation: 0.1,
  city: 0.06,
  province: 0.03,
  designation: 0.04,
  past: 0.1,
};
const OUTSTANDING_DESIGNATIONS = new Set([
  'provincial_research_institute',
  'provincial_tech_centre',
  'high_tech',
]);

type TargetStats = ReturnType<TermStats['of']>;

const otherSide = (side: Side): Side => (side === 'need' ? 'capability' : 'need');

/** Chinese character pairs help scoring but are not words to show or search for. */
const isCharacterPair = (term: string) => term.startsWith('~');

/** Terms whose rarity is looked up once per request rather than once per candidate. */
interface QueryTerm {
  term: string;
  id: number;
  idf: number;
  /** idf × how much the source says the term (dampened, so repetition does not swamp rarity). */
  weight: number;
}

export interface PreparedSource {
  subject: MatchSubject;
  side: Side;
  /** In the order the text says them. */
  query: QueryTerm[];
  /** The query's term ids ascending, with their weights, to walk beside a candidate's sorted terms. */
  ids: Uint32Array;
  weights: Float64Array;
  /** Words a person can read as a reason (no character pairs), rarest first, with their place in `ids`. */
  readable: { word: string; place: number }[];
  /** The title's term ids → idf², and their sum. */
  title: Map<number, number>;
  titleNorm: number;
  surface: Map<string, string>;
  selfScore: number;
}

export function prepareSource(subject: MatchSubject, side: Side, stats: TermStats): PreparedSource {
  const weighted = analyseListing(subject);
  const { surface } = weighted;
  const target = stats.of(otherSide(side));
  const query = [...weighted.counts].map(([term, count]) => {
    const id = termId(term);
    const idf = target.idf(id);
    return { term, id, idf, weight: idf * Math.log(1 + count) };
  });
  const order = query.map((_, i) => i).sort((a, b) => query[a]!.id - query[b]!.id);
  const placeOf = new Int32Array(query.length);
  order.forEach((i, place) => (placeOf[i] = place));
  const readable = query
    .map(({ term, idf }, i) => ({ term, idf, place: placeOf[i]! }))
    .filter(({ term }) => !isCharacterPair(term))
    .sort((a, b) => b.idf - a.idf)
    .map(({ term, place }) => ({ word: surface.get(term) ?? term, place }));
  const title = new Map(
    weighted.titleTerms.map((term) => {
      const id = termId(term);
      return [id, target.idf(id) ** 2];
    }),
  );
  const terms = {
    ids: Uint32Array.from(order, (i) => query[i]!.id),
    weights: Float64Array.from(order, (i) => query[i]!.weight),
  };
  return {
    subject,
    side,
    query,
    ...terms,
    readable,
    title,
    titleNorm: [...title.values()].reduce((sum, weight) => sum + weight, 0),
    surface,
    selfScore: textScore(terms, termVector(weighted), target.averageLength()) || 1,
  };
}

/** The source's most distinctive terms, as written, for a short search query. */
export function distinctiveTerms(
  source: PreparedSource,
  stats: TermStats,
  count: number,
  skip = 0,
): string[] {
  const target = stats.of(otherSide(source.side));
  // Single words only: character pairs and word pairs mean nothing to a search engine's query parser.
  // A word no listing on the other side holds cannot find one, so it only gets a place left over.
  return source.query
    .filter(({ term }) => !isCharacterPair(term) && !term.includes(' '))
    .map(({ term, id, weight }) => ({ term, value: target.df(id) > 0 ? weight : 0 }))
    .sort((a, b) => b.value - a.value)
    .slice(skip, skip + count)
    .map(({ term }) => source.surface.get(term) ?? term);
}

/** BM25 of the source's terms in the document; marks the ones it holds in `held` (by place in `ids`). */
function textScore(
  { ids, weights }: Pick<PreparedSource, 'ids' | 'weights'>,
  doc: TermVector,
  averageLength: number,
  held?: Uint8Array,
) {
  const norm = K1 * (1 - B + (B * doc.length) / averageLength);
  const { terms, halves } = doc;
  let score = 0;
  // Both ascending, so one walk finds the shared terms.
  for (let i = 0, j = 0; i < ids.length && j < terms.length;) {
    if (ids[i]! < terms[j]!) i++;
    else if (ids[i]! > terms[j]!) j++;
    else {
      const tf = halves[j]! / 2;
      score += (weights[i]! * tf * (K1 + 1)) / (tf + norm);
      if (held) held[i] = 1;
      // The document's term stays: two of the source's terms may share an id.
      i++;
    }
  }
  return score;
}

function sharedTerms(source: PreparedSource, held: Uint8Array): string[] {
  const shared: string[] = [];
  for (const { word, place } of source.readable) {
    if (!held[place]) continue;
    shared.push(word);
    if (shared.length === 5) break;
  }
  return shared;
}

export function rank(
  source: PreparedSource,
  candidates: MatchSubject[],
  stats: TermStats,
  pastCooperation: Map<string, number>,
): RankedCandidate[] {
  const target = stats.of(otherSide(source.side));
  const averageLength = target.averageLength();
  const held = new Uint8Array(source.ids.length);
  const from = source.subject;
  const ranked = candidates.map((candidate) => {
    // The stats keep an indexed candidate's terms; only one not indexed yet is analysed here.
    const doc = target.vector(candidate.id) ?? termVector(analyseListing(candidate));
    held.fill(0);
    // The square root spreads the typical 0.05–0.3 share of the source's own weight over a readable scale.
    const text = Math.sqrt(
      Math.min(
        1,
        textScore(source, doc, averageLength, held) / source.selfScore +
          TITLE_SIMILARITY_WEIGHT * titleSimilarity(source, doc.title, target),
      ),
    );
    const reasons: MatchReason[] = [];
    let bonus = 0;
    const terms = sharedTerms(source, held);
    if (terms.length) reasons.push({ kind: 'shared_terms', terms });
    const fields = from.fields.filter((code) =>
      candidate.fields.some(
        (other) => other === code || other.startsWith(`${code}.`) || code.startsWith(`${other}.`),
      ),
    );
    if (fields.length) {
      reasons.push({ kind: 'shared_fields', fields });
      bonus +=
        BONUS.field +
        (fields.some((code) => candidate.fields.includes(code) && code.includes('.')) ? BONUS.leafField : 0);
    }
    const types = from.cooperationTypes.filter((type) => candidate.cooperationTypes.includes(type));
    if (types.length) {
      reasons.push({ kind: 'cooperation_types', types });
      bonus += BONUS.cooperation;
    }
    if (cityOf(from.regionCode) === cityOf(candidate.regionCode) && !from.regionCode.endsWith('0000')) {
      reasons.push({ kind: 'same_city', regionCode: cityOf(candidate.regionCode) });
      bonus += BONUS.city;
    } else if (provinceOf(from.regionCode) === provinceOf(candidate.regionCode)) {
      reasons.push({ kind: 'same_province', regionCode: provinceOf(candidate.regionCode) });
      bonus += BONUS.province;
    }
    const designations = candidate.designations.filter((d) => OUTSTANDING_DESIGNATIONS.has(d));
    if (designations.length) {
      reasons.push({
        kind: 'designations',
        party: otherSide(source.side),
        designations,
      });
      bonus += BONUS.designation;
    }
    const past = pastCooperation.get(candidate.orgId) ?? 0;
    if (past > 0) {
      reasons.push({ kind: 'past_cooperation', count: past });
      bonus += BONUS.past;
    }
    return { id: candidate.id, score: Math.min(1, text * (1 + bonus)), reasons };
  });
  return ranked.sort((a, b) => b.score - a.score);
}

/** Cosine of the two titles' terms, each weighted by its rarity. */
function titleSimilarity(source: PreparedSource, title: Uint32Array, target: TargetStats): number {
  let shared = 0;
  let norm = 0;
  for (const term of title) {
    const weight = source.title.get(term);
    if (weight === undefined) norm += target.idf(term) ** 2;
    else {
      shared += weight;
      norm += weight;
    }
  }
  return source.titleNorm && norm ? shared / Math.sqrt(source.titleNorm * norm) : 0;
}
