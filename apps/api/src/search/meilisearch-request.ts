// Pure translation between the port and Meilisearch's documented API: settings, documents, filter
// expressions, search parameters and responses. No I/O here, so all of it is unit-tested offline.
import type { Hit, SearchParams, SearchResponse, Settings } from 'meilisearch';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  SearchError,
  type FieldFilter,
  type FilterValue,
  type IndexSettings,
  type SearchDocument,
  type SearchFilter,
  type SearchHit,
  type SearchQuery,
} from './port.js';
import { fieldText } from './fields.js';
import { cropAround, markHtml, readTagged, type Range } from './text/markup.js';
import { normalizeText, toSimplified } from './text/normalize.js';
import { cutWords, splitRuns } from './text/segment.js';

// Private-use characters as highlight tags: they never occur in real text, so matches can be read
// back exactly and the text HTML-escaped before <mark> goes in.
export const HIGHLIGHT_PRE = '\ue000';
export const HIGHLIGHT_POST = '\ue001';
const SNIPPET_CHARS = 160;
const HAN_PREFIX = 'han__';
const FIELD_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

function checkField(field: string): string {
  if (!FIELD_NAME.test(field))
    throw new SearchError('invalid_query', `"${field}" is not a usable field name`);
  return field;
}

/**
 * The hidden field holding the Han sub-word terms of a searchable field. Meilisearch cuts Chinese
 * into whole words, so 机床 would not find 数控机床; these terms (characters, adjacent pairs, jieba
 * words) let a word inside a longer word, or a word missing a character, still match.
 */
export function hanField(field: string): string {
  return HAN_PREFIX + field.replaceAll('.', '__');
}

export function isHanField(field: string): boolean {
  return field.startsWith(HAN_PREFIX);
}

export function hanTerms(text: string): string {
  const terms: string[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (run.kind !== 'han') continue;
    const chars = [...run.text];
    chars.forEach((char, i) => terms.push(i + 1 < chars.length ? `${char} ${char}${chars[i + 1]}` : char));
    terms.push(...cutWords(run.text).filter((word) => [...word].length >= 3));
  }
  return terms.join(' ');
}

/** The document as sent: the original fields plus a Han-terms field per searchable field that has Han text. */
export function toMeilisearchDocument(doc: SearchDocument, searchable: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc };
  for (const field of searchable) {
    const terms = hanTerms(fieldText(doc, field));
    if (terms) out[hanField(field)] = terms;
  }
  return out;
}

/** Equivalence groups as Meilisearch's mutual synonyms: every term maps to the others of its groups. */
export function synonymMap(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    const terms = group.map((term) => toSimplified(term.trim().toLowerCase())).filter(Boolean);
    for (const term of terms) {
      const others = terms.filter((other) => other !== term);
      map[term] = [...new Set([...(map[term] ?? []), ...others])];
    }
  }
  return map;
}

// The port sorts by the caller's sort clauses first and by relevance within them, as the embedded
// engine does; Meilisearch's default puts `sort` after the relevance rules.
const RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];

export function buildSettings(settings: IndexSettings): Settings {
  const typo = settings.typoTolerance ?? { enabled: true };
  return {
    rankingRules: RANKING_RULES,
    searchableAttributes: settings.searchableAttributes.flatMap((field) => [
      checkField(field),
      hanField(field),
    ]),
    filterableAttributes: settings.filterableAttributes.map(checkField),
    sortableAttributes: settings.sortableAttributes.map(checkField),
    synonyms: synonymMap(settings.synonyms ?? []),
    typoTolerance: {
      enabled: typo.enabled,
      ...(typo.minWordSizeForTypos ? { minWordSizeForTypos: typo.minWordSizeForTypos } : {}),
    },
  };
}

/** A filter value as a Meilisearch literal; strings are double-quoted with `\` and `"` escaped. */
export function filterLiteral(value: FilterValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SearchError('invalid_query', `${value} cannot be filtered on`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** One condition as an expression, or null when it can match nothing (an empty `in`). */
function fieldExpression(filter: FieldFilter): string | null {
  const field = checkField(filter.field);
  if ('eq' in filter) return `${field} = ${filterLiteral(filter.eq)}`;
  if ('in' in filter)
    return filter.in.length ? `${field} IN [${filter.in.map(filterLiteral).join(', ')}]` : null;
  const bounds = (['gt', 'gte', 'lt', 'lte'] as const)
    .filter((key) => filter.range[key] !== undefined)
    .map(
      (key) =>
        `${field} ${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[key]} ${filterLiteral(filter.range[key]!)}`,
    );
  if (bounds.length === 0) throw new SearchError('invalid_query', `The range on "${field}" has no bound`);
  return bounds.length === 1 ? bounds[0]! : `(${bounds.join(' AND ')})`;
}

/**
 * The one place filter expressions are written. Returns undefined for no filter and null when the
 * filters can match nothing, so the caller answers empty without asking the server.
 */
export function buildFilter(filters: SearchFilter[]): string | undefined | null {
  const parts: string[] = [];
  for (const filter of filters) {
    if (!('anyOf' in filter)) {
      const expression = fieldExpression(filter);
      if (expression === null) return null;
      parts.push(expression);
      continue;
    }
    const options = filter.anyOf.map(fieldExpression).filter((e): e is string => e !== null);
    if (options.length === 0) return null;
    parts.push(options.length === 1 ? options[0]! : `(${options.join(' OR ')})`);
  }
  return parts.length ? parts.join(' AND ') : undefined;
}

function pageOf(query: SearchQuery): { page: number; pageSize: number } {
  return {
    page: Math.max(1, Math.floor(query.page ?? 1)),
    pageSize: Math.min(MAX_PAGE_SIZE, Math.max(0, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE))),
  };
}

/** Search parameters; `filter` must come from buildFilter. The query is sent in Simplified characters. */
export function buildSearchParams(
  query: SearchQuery,
  filter: string | undefined,
): SearchParams & { q: string; page: number; hitsPerPage: number } {
  const { page, pageSize } = pageOf(query);
  const highlighted = [
    ...new Set([...(query.highlight ?? []), ...(query.snippetField ? [query.snippetField] : [])]),
  ];
  const q = toSimplified(query.q ?? '');
  return {
    // A quoted word is matched as written, without typos or prefix.
    q: query.exactWords
      ? q
          .split(/\s+/)
          .filter(Boolean)
          .map((word) => `"${word.replaceAll('"', '')}"`)
          .join(' ')
      : q,
    page,
    hitsPerPage: pageSize,
    showRankingScore: true,
    // 'frequency' lets documents missing the commonest words through, rarest-word matches first.
    ...(query.matchingStrategy === 'any' ? { matchingStrategy: 'frequency' as const } : {}),
    ...(filter ? { filter } : {}),
    ...(query.facets?.length ? { facets: query.facets.map(checkField) } : {}),
    ...(query.sort?.length
      ? { sort: query.sort.map((clause) => `${checkField(clause.field)}:${clause.direction}`) }
      : {}),
    // Highlighted fields are retrieved too: Meilisearch formats only what it returns (toSearchHit drops them).
    ...(query.fields
      ? { attributesToRetrieve: [...new Set(['id', ...query.fields, ...highlighted])].map(checkField) }
      : {}),
    ...(highlighted.length
      ? {
          attributesToHighlight: highlighted.map(checkField),
          highlightPreTag: HIGHLIGHT_PRE,
          highlightPostTag: HIGHLIGHT_POST,
        }
      : {}),
  };
}

function taggedText(
  formatted: Record<string, unknown> | undefined,
  field: string,
): { text: string; ranges: Range[] } {
  return readTagged(fieldText(formatted, field), HIGHLIGHT_PRE, HIGHLIGHT_POST);
}

export function toSearchHit(hit: Hit, query: SearchQuery): SearchHit {
  const formatted = hit._formatted as Record<string, unknown> | undefined;
  const score = hit._rankingScore;
  // Meilisearch's own keys start with '_'; the Han-terms fields are ours: neither belongs to the document.
  const asked = query.fields && new Set(['id', ...query.fields]);
  const doc = Object.fromEntries(
    Object.entries(hit).filter(
      ([field]) => !field.startsWith('_') && !isHanField(field) && (!asked || asked.has(field)),
    ),
  ) as SearchDocument;
  const highlights: Record<string, string> = {};
  for (const field of query.highlight ?? []) {
    const { text, ranges } = taggedText(formatted, field);
    highlights[field] = markHtml(text, ranges);
  }
  let snippet = '';
  if (query.snippetField) {
    const { text, ranges } = taggedText(formatted, query.snippetField);
    const excerpt = cropAround(text, ranges, SNIPPET_CHARS);
    snippet = markHtml(excerpt.text, excerpt.ranges);
  }
  return { id: String(doc.id), doc, highlights, snippet, ...(typeof score === 'number' ? { score } : {}) };
}

export function facetsOf(
  response: Pick<SearchResponse, 'facetDistribution'>,
  query: SearchQuery,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    (query.facets ?? []).map((field) => [field, { ...(response.facetDistribution?.[field] ?? {}) }]),
  );
}
