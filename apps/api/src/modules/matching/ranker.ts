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

const cache = new Map<string, Weighted & { surface: AnalysedTerms['surface'] }>();
const CACHE_SIZE = 5_000;

/** Title and keywords count more than the body, as a reader skimming the listing would weigh them. */
function weightedTerms(subject: MatchSubject): Weighted & { surface: AnalysedTerms['surface'] } {
  const key = `${subject.title}\u0000${subject.keywords.join(';')}\u0000${subject.description}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const computed = computeWeightedTerms(subject);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, computed);
  return computed;
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

export interface PreparedSource {
  subject: MatchSubject;
  side: Side;
  terms: Map<string, number>;
  titleTerms: Set<string>;
  surface: Map<string, string>;
  selfScore: number;
}

export function prepareSource(subject: MatchSubject, side: Side, stats: TermStats): PreparedSource {
  const { terms, surface, length, titleTerms } = weightedTerms(subject);
  const target = stats.of(side === 'need' ? 'capability' : 'need');
  const prepared = { subject, side, terms, surface, titleTerms, selfScore: 0 };
  prepared.selfScore = textScore(prepared, { terms, length, titleTerms }, target) || 1;
  return prepared;
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
  return [...source.terms.entries()]
    .filter(([term]) => !term.startsWith('~') && !term.includes(' '))
    .map(([term, weight]) => ({ term, value: Math.log(1 + weight) * target.idf(term) }))
    .sort((a, b) => b.value - a.value)
    .slice(skip, skip + count)
    .map(({ term }) => source.surface.get(term) ?? term);
}

function textScore(
  source: Pick<PreparedSource, 'terms'>,
  doc: Weighted,
  target: ReturnType<TermStats['of']>,
) {
  const average = target.averageLength();
  let score = 0;
  for (const [term, queryWeight] of source.terms) {
    const tf = doc.terms.get(term);
    if (!tf) continue;
    const saturation = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / average));
    score += target.idf(term) * saturation * Math.log(1 + queryWeight);
  }
  return score;
}

function sharedTerms(source: PreparedSource, doc: Weighted, target: ReturnType<TermStats['of']>): string[] {
  return [...source.terms.keys()]
    .filter((term) => !term.startsWith('~') && doc.terms.has(term))
    .sort((a, b) => target.idf(b) - target.idf(a))
    .slice(0, 5)
    .map((term) => source.surface.get(term) ?? term);
}

export function rank(
  source: PreparedSource,
  candidates: MatchSubject[],
  stats: TermStats,
  pastCooperation: Map<string, number>,
): RankedCandidate[] {
  const target = stats.of(source.side === 'need' ? 'capability' : 'need');
  const from = source.subject;
  const ranked = candidates.map((candidate) => {
    const doc = weightedTerms(candidate);
    // The square root spreads the typical 0.05–0.3 share of the source's own weight over a readable scale.
    const text = Math.sqrt(
      Math.min(
        1,
        textScore(source, doc, target) / source.selfScore +
          TITLE_SIMILARITY_WEIGHT * titleSimilarity(source.titleTerms, doc.titleTerms, target),
      ),
    );
    const reasons: MatchReason[] = [];
    let bonus = 0;
    const terms = sharedTerms(source, doc, target);
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
function titleSimilarity(left: Set<string>, right: Set<string>, target: ReturnType<TermStats['of']>): number {
  let shared = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const term of left) {
    const weight = target.idf(term) ** 2;
    leftNorm += weight;
    if (right.has(term)) shared += weight;
  }
  for (const term of right) rightNorm += target.idf(term) ** 2;
  return leftNorm && rightNorm ? shared / Math.sqrt(leftNorm * rightNorm) : 0;
}
