// Scores a candidate against the listing it should answer: whole-text relevance weighted by rarity,
// plus the structured signals lexical search misses. Returns the reasons along with the score.
import { cityOf, provinceOf } from '@coop/shared';
import type { Side, TermStats } from './term-stats.js';
import { analyse, type AnalysedTerms } from './text.js';

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
const TITLE_WEIGHT = 2.5;
const KEYWORD_WEIGHT = 2;
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

interface Weighted {
  terms: Map<string, number>;
  length: number;
  /** The title's own terms, for comparing titles. */
  titleTerms: Set<string>;
}

/** Per listing id, with the text it was computed from, so an edited listing is analysed afresh. */
const cache = new Map<string, { text: string; weighted: Weighted & { surface: AnalysedTerms['surface'] } }>();
const CACHE_SIZE = 5_000;

/** Title and keywords count more than the body, as a reader skimming the listing would weigh them. */
function weightedTerms(subject: MatchSubject): Weighted & { surface: AnalysedTerms['surface'] } {
  const text = `${subject.title}\u0000${subject.keywords.join(';')}\u0000${subject.description}`;
  const cached = cache.get(subject.id);
  if (cached?.text === text) return cached.weighted;
  const weighted = computeWeightedTerms(subject);
  cache.delete(subject.id);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(subject.id, { text, weighted });
  return weighted;
}

function computeWeightedTerms(subject: MatchSubject): Weighted & { surface: AnalysedTerms['surface'] } {
  const title = analyse(subject.title);
  const keywords = analyse(subject.keywords.join(' ; '));
  const body = analyse(subject.description);
  const terms = new Map<string, number>();
  const add = (source: AnalysedTerms, weight: number) => {
    for (const [term, count] of source.counts) terms.set(term, (terms.get(term) ?? 0) + count * weight);
  };
  add(title, TITLE_WEIGHT);
  add(keywords, KEYWORD_WEIGHT);
  add(body, 1);
  const surface = new Map([...body.surface, ...keywords.surface, ...title.surface]);
  return {
    terms,
    length: title.length * TITLE_WEIGHT + keywords.length * KEYWORD_WEIGHT + body.length,
    surface,
    titleTerms: new Set(title.counts.keys()),
  };
}

type TargetStats = ReturnType<TermStats['of']>;

/** Chinese character pairs help scoring but are not words to show or search for. */
const isCharacterPair = (term: string) => term.startsWith('~');

/** Terms whose rarity is looked up once per request rather than once per candidate. */
interface QueryTerm {
  term: string;
  idf: number;
  /** idf × how much the source says the term (dampened, so repetition does not swamp rarity). */
  weight: number;
}

export interface PreparedSource {
  subject: MatchSubject;
  side: Side;
  query: QueryTerm[];
  /** Terms a person can read as a reason (no character pairs), rarest first. */
  readable: QueryTerm[];
  titleTerms: Set<string>;
  surface: Map<string, string>;
  selfScore: number;
}

export function prepareSource(subject: MatchSubject, side: Side, stats: TermStats): PreparedSource {
  const { terms, surface, length, titleTerms } = weightedTerms(subject);
  const target = stats.of(side === 'need' ? 'capability' : 'need');
  const query = [...terms].map(([term, count]) => {
    const idf = target.idf(term);
    return { term, idf, weight: idf * Math.log(1 + count) };
  });
  const readable = query.filter(({ term }) => !isCharacterPair(term)).sort((a, b) => b.idf - a.idf);
  const selfScore = textScore(query, { terms, length, titleTerms }, target.averageLength()) || 1;
  return { subject, side, query, readable, surface, titleTerms, selfScore };
}

/** The source's most distinctive terms, as written, for a short search query. */
export function distinctiveTerms(
  source: PreparedSource,
  stats: TermStats,
  count: number,
  skip = 0,
): string[] {
  const target = stats.of(source.side === 'need' ? 'capability' : 'need');
  // Single words only: character pairs and word pairs mean nothing to a search engine's query parser.
  // A word no listing on the other side holds cannot find one, so it only gets a place left over.
  return source.query
    .filter(({ term }) => !isCharacterPair(term) && !term.includes(' '))
    .map(({ term, weight }) => ({ term, value: target.df(term) > 0 ? weight : 0 }))
    .sort((a, b) => b.value - a.value)
    .slice(skip, skip + count)
    .map(({ term }) => source.surface.get(term) ?? term);
}

function textScore(query: QueryTerm[], doc: Weighted, averageLength: number) {
  const norm = K1 * (1 - B + (B * doc.length) / averageLength);
  let score = 0;
  for (const { term, weight } of query) {
    const tf = doc.terms.get(term);
    if (tf) score += (weight * tf * (K1 + 1)) / (tf + norm);
  }
  return score;
}

function sharedTerms(source: PreparedSource, doc: Weighted): string[] {
  const shared: string[] = [];
  for (const { term } of source.readable) {
    if (!doc.terms.has(term)) continue;
    shared.push(source.surface.get(term) ?? term);
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
  const target = stats.of(source.side === 'need' ? 'capability' : 'need');
  const averageLength = target.averageLength();
  const idf = memoised(target);
  const from = source.subject;
  const ranked = candidates.map((candidate) => {
    const doc = weightedTerms(candidate);
    // The square root spreads the typical 0.05–0.3 share of the source's own weight over a readable scale.
    const text = Math.sqrt(
      Math.min(
        1,
        textScore(source.query, doc, averageLength) / source.selfScore +
          TITLE_SIMILARITY_WEIGHT * titleSimilarity(source.titleTerms, doc.titleTerms, idf),
      ),
    );
    const reasons: MatchReason[] = [];
    let bonus = 0;
    const terms = sharedTerms(source, doc);
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
        party: source.side === 'need' ? 'capability' : 'need',
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
function titleSimilarity(left: Set<string>, right: Set<string>, idf: (term: string) => number): number {
  let shared = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const term of left) {
    const weight = idf(term) ** 2;
    leftNorm += weight;
    if (right.has(term)) shared += weight;
  }
  for (const term of right) rightNorm += idf(term) ** 2;
  return leftNorm && rightNorm ? shared / Math.sqrt(leftNorm * rightNorm) : 0;
}

/** Candidates' titles share many terms; each rarity is worked out once per ranking. */
function memoised(target: TargetStats): (term: string) => number {
  const known = new Map<string, number>();
  return (term) => {
    let idf = known.get(term);
    if (idf === undefined) known.set(term, (idf = target.idf(term)));
    return idf;
  };
}
