// Scores a candidate against the listing it should answer: whole-text relevance weighted by rarity, both ways,
// plus the structured signals lexical search misses. Returns the reasons along with the score.
import { cityOf, fieldLineage, provinceOf } from '@coop/shared';
import { lexicon, type Translation } from '../../search/lexicon/lexicon.js';
import { termId, termVector, type Side, type TermStats, type TermVector } from './term-stats.js';
import {
  analyse,
  analyseListing,
  isFunctionWord,
  listingText,
  type AnalysedTerms,
  type ListingText,
} from './text.js';

const withParents = (fields: string[]) => [...new Set(fields.flatMap((code) => fieldLineage(code)))];

/** What the ranker reads of a listing besides its text. */
export interface MatchFacts {
  id: string;
  fields: string[];
  cooperationTypes: string[];
  regionCode: string;
  orgId: string;
  designations: string[];
}

/** What the ranker reads of either side. */
export type MatchSubject = MatchFacts & ListingText;

/** A candidate: its text may be left out when the statistics hold its terms (it is indexed). */
export type Candidate = MatchFacts & Partial<ListingText>;

export type MatchReason =
  | { kind: 'shared_terms'; terms: string[] }
  | { kind: 'translated_terms'; terms: { own: string; other: string }[] }
  | { kind: 'shared_fields'; fields: string[] }
  | { kind: 'cooperation_types'; types: string[] }
  | { kind: 'same_city'; regionCode: string }
  | { kind: 'same_province'; regionCode: string }
  | { kind: 'designations'; party: Side; designations: string[] }
  | { kind: 'past_cooperation'; count: number };

/**
 * Bump on any change to what ranking gives for the same listings (terms, weights, bonuses, the floor, the
 * candidate queries): stored suggestions of an older version are recomputed at the next start.
 */
export const MATCHER_VERSION = 2;

export interface RankedCandidate {
  id: string;
  /** 0–1: how much of each other's weight source and candidate cover, with structured bonuses. */
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

/** A term reached only through translation counts this much of a term of the listing's own. */
const TRANSLATED_WEIGHT = 0.5;
const MAX_TERMS_SHOWN = 5;

/** Chinese character pairs help scoring but are not words to show or search for. */
const isCharacterPair = (term: string) => term.startsWith('~');

/** Terms whose rarity is looked up once per request rather than once per candidate. */
interface QueryTerm {
  term: string;
  id: number;
  idf: number;
  /** idf × how much the source says the term (dampened, so repetition does not swamp rarity). */
  weight: number;
  /** How often the source says it (weighted, translations counted at their lower weight). */
  count: number;
}

export interface PreparedSource {
  subject: MatchSubject;
  side: Side;
  /** In the order the text says them. */
  query: QueryTerm[];
  /** The query's term ids ascending, with their weights, to walk beside a candidate's sorted terms. */
  ids: Uint32Array;
  weights: Float64Array;
  /**
   * By place in `ids`, what the candidate's word gets for being in the source (scored the other way round):
   * its rarity on the source's side × BM25's saturation of the source's count of it.
   */
  backWeights: Float64Array;
  /**
   * Words a person can read as a reason (no character pairs), rarest first, with their place in `ids`;
   * `translatedFrom` is the source's own phrase when the word is its rendering in the other language.
   */
  readable: { word: string; place: number; translation?: Translation }[];
  /** Each rendering's readable terms by place: a rendering is named only when the candidate holds all of them. */
  renderingPlaces: Map<Translation, number[]>;
  /** The title's term ids → idf², and their sum. */
  title: Map<number, number>;
  titleNorm: number;
  surface: Map<string, string>;
  selfScore: number;
}

/** Renderings repeat across listings (the lexicon is finite): each is analysed once, not per request. */
const renderings = new Map<string, AnalysedTerms>();
const RENDERINGS_KEPT = 50_000;

function analysedRendering(text: string): AnalysedTerms {
  let analysed = renderings.get(text);
  if (!analysed) {
    if (renderings.size >= RENDERINGS_KEPT) renderings.clear();
    renderings.set(text, (analysed = analyse(text)));
  }
  return analysed;
}

export function prepareSource(subject: MatchSubject, side: Side, stats: TermStats): PreparedSource {
  const weighted = analyseListing(subject);
  const { surface } = weighted;
  const target = stats.of(otherSide(side));
  const query = [...weighted.counts].map(([term, count]) => {
    const id = termId(term);
    const idf = target.idf(id);
    return { term, id, idf, weight: idf * Math.log(1 + count), count };
  });
  // The listing's words in the other language, so a Chinese lab answers an English need: each rendering's
  // terms join the query at a lower weight, remembering which of the listing's phrases they render.
  const translatedFrom = new Map<string, Translation>();
  for (const translation of lexicon().translate(listingText(subject))) {
    const analysed = analysedRendering(translation.target);
    for (const [term, count] of analysed.counts) {
      if (weighted.counts.has(term) || translatedFrom.has(term)) continue;
      translatedFrom.set(term, translation);
      surface.set(term, analysed.surface.get(term) ?? term);
      const id = termId(term);
      const idf = target.idf(id);
      query.push({
        term,
        id,
        idf,
        weight: TRANSLATED_WEIGHT * idf * Math.log(1 + count),
        count: TRANSLATED_WEIGHT * count,
      });
    }
  }
  const order = query.map((_, i) => i).sort((a, b) => query[a]!.id - query[b]!.id);
  const placeOf = new Int32Array(query.length);
  order.forEach((i, place) => (placeOf[i] = place));
  const readable = query
    .map(({ term, idf }, i) => ({ term, idf, place: placeOf[i]! }))
    .filter(({ term }) => !isCharacterPair(term) && !isFunctionWord(surface.get(term) ?? term))
    .sort((a, b) => b.idf - a.idf)
    .map(({ term, place }) => ({
      word: surface.get(term) ?? term,
      place,
      ...(translatedFrom.has(term) ? { translation: translatedFrom.get(term)! } : {}),
    }));
  const renderingPlaces = new Map<Translation, number[]>();
  for (const { place, translation } of readable)
    if (translation) renderingPlaces.set(translation, [...(renderingPlaces.get(translation) ?? []), place]);
  const title = new Map(
    weighted.titleTerms.map((term) => {
      const id = termId(term);
      return [id, target.idf(id) ** 2];
    }),
  );
  const ownSide = stats.of(side);
  const ownAverage = averageOf(ownSide, weighted.length);
  const termsIn = (places: number[]) => ({
    ids: Uint32Array.from(places, (i) => query[i]!.id),
    weights: Float64Array.from(places, (i) => query[i]!.weight),
    backWeights: Float64Array.from(
      places,
      (i) => ownSide.idf(query[i]!.id) * saturation(query[i]!.count, weighted.length, ownAverage),
    ),
  });
  const terms = termsIn(order);
  // The listing scored against itself, on its own words: translated terms can add to a candidate's
  // score but are not part of what a perfect same-language answer would hold.
  const own = termsIn(order.filter((i) => !translatedFrom.has(query[i]!.term)));
  return {
    subject,
    side,
    query,
    ...terms,
    readable,
    renderingPlaces,
    title,
    titleNorm: [...title.values()].reduce((sum, weight) => sum + weight, 0),
    surface,
    selfScore: overlap(own, termVector(weighted), ownAverage).forward || 1,
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
    .filter(({ term }) => !isCharacterPair(term) && !term.includes(' ') && !isFunctionWord(term))
    .map(({ term, id, weight }) => ({ term, value: target.df(id) > 0 ? weight : 0 }))
    .sort((a, b) => b.value - a.value)
    .slice(skip, skip + count)
    .map(({ term }) => source.surface.get(term) ?? term);
}

/** A side's average length, or the listing's own while nobody has listed on that side. */
const averageOf = (side: TargetStats, length: number) => (side.size() ? side.averageLength() : length);

/** How much of BM25's weight a term said `tf` times gets in a text of this length. */
const saturation = (tf: number, length: number, averageLength: number) =>
  (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));

/** ln(1 + count) for a count kept in halves: the dampened count a candidate's word weighs as a query term. */
const LOG_COUNT = Float64Array.from({ length: 256 }, (_, h) => Math.log(1 + h / 2));

/**
 * BM25 of the source's terms in the document (`forward`) and, the other way round, of the document's terms
 * in the source (`backward`); marks the source's terms the document holds in `held` (by place in `ids`).
 */
function overlap(
  { ids, weights, backWeights }: Pick<PreparedSource, 'ids' | 'weights' | 'backWeights'>,
  doc: TermVector,
  averageLength: number,
  held?: Uint8Array,
) {
  const norm = K1 * (1 - B + (B * doc.length) / averageLength);
  const { terms, halves } = doc;
  let forward = 0;
  let backward = 0;
  // Both ascending, so one walk finds the shared terms.
  for (let i = 0, j = 0; i < ids.length && j < terms.length;) {
    if (ids[i]! < terms[j]!) i++;
    else if (ids[i]! > terms[j]!) j++;
    else {
      const tf = halves[j]! / 2;
      forward += (weights[i]! * tf * (K1 + 1)) / (tf + norm);
      backward += backWeights[i]! * LOG_COUNT[halves[j]!]!;
      if (held) held[i] = 1;
      // The document's term stays: two of the source's terms may share an id.
      i++;
    }
  }
  return { forward, backward };
}

/** The candidate's words against itself among listings of its own side: the most `backward` can give. */
function backwardSelf(doc: TermVector, sourceSide: TargetStats, candidateSide: TargetStats) {
  const { terms, halves, length } = doc;
  const averageLength = candidateSide.averageLength();
  let score = 0;
  for (let j = 0; j < terms.length; j++)
    score +=
      sourceSide.idf(terms[j]!) * LOG_COUNT[halves[j]!]! * saturation(halves[j]! / 2, length, averageLength);
  return score || 1;
}

/** The words both listings hold, and the ones the candidate holds in translation, each word once. */
function sharedTerms(source: PreparedSource, held: Uint8Array): MatchReason[] {
  const shared: string[] = [];
  const translated: { own: string; other: string }[] = [];
  const said = new Set<string>();
  for (const { word, place, translation } of source.readable) {
    if (!held[place]) continue;
    if (translation) {
      // "wear = 摩擦磨损" only when the candidate holds all of 摩擦磨损, never "wear = 摩擦".
      const { source: own, target: other } = translation;
      const whole = source.renderingPlaces.get(translation)!.every((p) => held[p]);
      if (!whole || said.has(own.toLowerCase()) || said.has(other)) continue;
      said.add(own.toLowerCase()).add(other);
      if (translated.length < MAX_TERMS_SHOWN) translated.push({ own, other });
      continue;
    }
    const key = word.toLowerCase();
    if (said.has(key)) continue;
    said.add(key);
    if (shared.length < MAX_TERMS_SHOWN) shared.push(word);
  }
  const reasons: MatchReason[] = [];
  if (shared.length) reasons.push({ kind: 'shared_terms', terms: shared });
  if (translated.length) reasons.push({ kind: 'translated_terms', terms: translated });
  return reasons;
}

/**
 * Fields both listings hold (listings carry their fields' parents too), the most specific only: two listings
 * under "machinery" share machinery, not the hydraulics one of them names.
 */
export function sharedFields(from: string[], to: string[]): string[] {
  const both = from.filter((code) => to.includes(code));
  return both.filter((code) => !both.some((other) => other.startsWith(`${code}.`)));
}

const textOf = ({ title = '', keywords = [], description = '' }: Candidate): ListingText => ({
  title,
  keywords,
  description,
});

/** The best `limit` candidates (all by default), best first, with their reasons. */
export function rank(
  source: PreparedSource,
  candidates: Candidate[],
  stats: TermStats,
  pastCooperation: Map<string, number>,
  limit = candidates.length,
): RankedCandidate[] {
  const target = stats.of(otherSide(source.side));
  const sourceSide = stats.of(source.side);
  const averageLength = target.averageLength();
  const held = new Uint8Array(source.ids.length);
  const from = source.subject;
  const fromFields = withParents(from.fields);
  const ranked = candidates.map((candidate) => {
    // The stats keep an indexed candidate's terms; only one not indexed yet is analysed here.
    const kept = target.vector(candidate.id);
    const doc = kept ?? termVector(analyseListing(textOf(candidate)));
    // A good partner is mostly about the source's subject, not a long text that also mentions it: how much of
    // the source's weight the candidate covers and how much of the candidate's the source covers, as their
    // harmonic mean (which, like an F-measure, is high only when both are).
    const { forward, backward } = overlap(source, doc, averageLength);
    const covered = forward / source.selfScore;
    const covering =
      backward /
      stats.remembered(otherSide(source.side), kept && candidate.id, () =>
        backwardSelf(doc, sourceSide, target),
      );
    const mutual = covered + covering > 0 ? (2 * covered * covering) / (covered + covering) : 0;
    // The square root spreads the typical 0.02–0.2 mutual share over a readable scale.
    const text = Math.sqrt(
      Math.min(
        1,
        mutual + TITLE_SIMILARITY_WEIGHT * titleSimilarity(source, doc.title, target, kept && candidate.id),
      ),
    );
    const reasons: MatchReason[] = [];
    let bonus = 0;
    const fields = sharedFields(fromFields, withParents(candidate.fields));
    if (fields.length) {
      reasons.push({ kind: 'shared_fields', fields });
      bonus += BONUS.field + (fields.some((code) => code.includes('.')) ? BONUS.leafField : 0);
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
    return { id: candidate.id, score: Math.min(1, text * (1 + bonus)), reasons, doc };
  });
  // The shared words are found again only for the candidates kept: most of hundreds are not.
  return ranked
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ id, score, reasons, doc }) => {
      held.fill(0);
      overlap(source, doc, averageLength, held);
      return { id, score, reasons: [...sharedTerms(source, held), ...reasons] };
    });
}

/** Cosine of the two titles' terms, each weighted by its rarity (`id` names an indexed candidate). */
function titleSimilarity(
  source: PreparedSource,
  title: Uint32Array,
  target: TargetStats,
  id?: string,
): number {
  if (!source.titleNorm) return 0;
  let shared = 0;
  for (const term of title) shared += source.title.get(term) ?? 0;
  // The source weighs a term it shares by the same idf², so the candidate's norm is its own.
  const norm = target.titleNorm(title, id);
  return norm ? shared / Math.sqrt(source.titleNorm * norm) : 0;
}
