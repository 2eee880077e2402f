// Search over needs or capabilities, with the visibility rules applied on the server.
import type { SearchQueryParams, SearchResponse } from '@coop/shared';
import { INDEX_OF, type ListingDocument } from '../../search/indexes.js';
import type { FieldFilter, SearchEngine, SearchFilter, SortClause } from '../../search/port.js';
import { englishKey, englishWords, lexicon } from '../../search/lexicon/lexicon.js';
import { foldCase, normalizeText } from '../../search/text/normalize.js';
import type { Actor } from '../access/actor.js';

export const SEARCH_FACETS = ['fields', 'cooperationTypes', 'city', 'kind', 'designations'] as const;

const csv = (value: string | undefined) => value?.split(',').filter(Boolean) ?? [];

/** What a caller may find: published listings that are public, or members-only when logged in, or their own. */
export function visibilityFilters(actor: Actor | null): SearchFilter[] {
  const published: FieldFilter = { field: 'status', in: ['open', 'in_cooperation'] };
  if (!actor) return [published, { field: 'visibility', eq: 'public' }];
  return [
    published,
    {
      anyOf: [
        { field: 'visibility', in: ['public', 'members'] },
        { field: 'orgId', eq: actor.orgId },
      ],
    },
  ];
}

/** The filters a person picked, each with the facet group it narrows. */
function userFilters(params: SearchQueryParams): { facet: string; filter: FieldFilter }[] {
  const filters: { facet: string; filter: FieldFilter }[] = [];
  const lists: [string, string[]][] = [
    ['fields', csv(params.fields)],
    ['cooperationTypes', csv(params.cooperationTypes)],
    ['kind', csv(params.kind)],
    ['designations', csv(params.designations)],
  ];
  for (const [field, values] of lists)
    if (values.length) filters.push({ facet: field, filter: { field, in: values } });
  if (params.region) {
    const field = params.region.endsWith('0000')
      ? 'province'
      : params.region.endsWith('00')
        ? 'city'
        : 'regionCode';
    filters.push({ facet: 'city', filter: { field, eq: params.region } });
  }
  return filters;
}

const MAX_NOTES_PER_HIT = 3;

/** What a hit shows and its translation notes read: not the translated terms, the longest field. */
const HIT_FIELDS: (keyof ListingDocument & string)[] = [
  'type',
  'title',
  'keywords',
  'description',
  'simplifiedText',
  'kind',
  'fields',
  'cooperationTypes',
  'regionCode',
  'orgName',
  'orgNameZh',
  'orgNameEn',
  'orgId',
  'designations',
  'status',
  'visibility',
  'publishedAt',
];

/**
 * A listing's text, and (made only when an English phrase is looked for: most hits of an English query are
 * ruled out by its Chinese translation alone) its English words before it, padded so a phrase is found only
 * as whole words.
 */
function comparable(doc: ListingDocument): { padded: string; withWords(): string } {
  const text = [doc.title, doc.keywords.join(' ; '), doc.description].join('\n');
  // Converting to Simplified is the costly step and runs for every hit shown: skipped when the index found
  // that it changes nothing, and done once for both halves otherwise.
  const normalized = doc.simplifiedText === true ? foldCase(text) : normalizeText(text);
  let withWords: string | undefined;
  const padded = `${normalized} `;
  return { padded, withWords: () => (withWords ??= ` ${englishWords(normalized)} ${padded}`) };
}

const isEnglishPhrase = (phrase: string): boolean => /^[a-z0-9 ]+$/.test(phrase);

const startsHan = (phrase: string): boolean => /^\p{Script=Han}/u.test(phrase);

function holds(text: ReturnType<typeof comparable>, phrase: string, english: boolean): boolean {
  // A phrase starting with a Han character can only be found in the text itself, never among its English words.
  if (!english && startsHan(phrase)) return text.padded.includes(phrase);
  return text.withWords().includes(english ? ` ${phrase} ` : phrase);
}

interface QueryTranslation {
  source: string;
  target: string;
  /** The target as a listing's comparable text holds it. */
  phrase: string;
  englishPhrase: boolean;
  englishSource: boolean;
}

/** The query's translations, longest first, each phrase normalised once. */
function queryTranslations(q: string): QueryTranslation[] {
  return (q ? lexicon().translate(q) : [])
    .sort((a, b) => b.source.length - a.source.length)
    .map(({ source, target }) => {
      const phrase = /^[\p{Script=Han}]/u.test(target) ? normalizeText(target) : englishKey(target);
      return {
        source,
        target,
        phrase,
        englishPhrase: isEnglishPhrase(phrase),
        englishSource: isEnglishPhrase(source),
      };
    });
}

/**
 * The query's words a hit holds only in the other language, so the reader sees why it matched
 * ("热误差 = thermal error"); the query's translations are worked out once, each hit's check is a few look-ups.
 */
function translationNotes(translations: QueryTranslation[]) {
  return (doc: ListingDocument): { query: string; listing: string }[] => {
    if (translations.length === 0) return [];
    const own = comparable(doc);
    const notes: { query: string; listing: string }[] = [];
    // Longer phrases first, so "thermal error = 热误差" is said rather than "error = 误差" besides it.
    for (const { source, target, phrase, englishPhrase, englishSource } of translations) {
      if (
        !holds(own, phrase, englishPhrase) ||
        holds(own, source, englishSource) ||
        notes.some((note) => note.query.includes(source))
      )
        continue;
      notes.push({ query: source, listing: target });
      if (notes.length === MAX_NOTES_PER_HIT) break;
    }
    return notes;
  };
}

const SORTS: Record<string, SortClause[]> = {
  relevance: [],
  newest: [{ field: 'publishedAt', direction: 'desc' }],
  deadline: [{ field: 'deadline', direction: 'asc' }],
};

// People repeat queries; the lexicon does not change while the process runs.
const TRANSLATED_QUERIES_KEPT = 1000;

export function createSearchService({ engine }: { engine: SearchEngine }) {
  const translated = new Map<string, QueryTranslation[]>();
  const translationsOf = (q: string): QueryTranslation[] => {
    let translations = translated.get(q);
    if (translations) return translations;
    translations = queryTranslations(q);
    if (translated.size >= TRANSLATED_QUERIES_KEPT) translated.delete(translated.keys().next().value!);
    translated.set(q, translations);
    return translations;
  };
  return {
    async search(actor: Actor | null, params: SearchQueryParams): Promise<SearchResponse> {
      const page = params.page ?? 1;
      const pageSize = params.pageSize ?? 20;
      const index = INDEX_OF[params.type];
      const q = params.q?.trim() ?? '';
      const visible = visibilityFilters(actor);
      const chosen = userFilters(params);
      const result = await engine.search<ListingDocument>(index, {
        q,
        filters: [...visible, ...chosen.map((c) => c.filter)],
        facets: [...SEARCH_FACETS],
        sort: SORTS[params.sort ?? 'relevance'],
        page,
        pageSize,
        highlight: ['title'],
        snippetField: 'description',
        fields: HIT_FIELDS,
      });
      // A group someone filtered on is counted without its own filter, so its other values stay selectable.
      const facets = { ...result.facets };
      for (const group of new Set(chosen.map((c) => c.facet))) {
        const others = chosen.filter((c) => c.facet !== group).map((c) => c.filter);
        const recount = await engine.search(index, {
          q,
          filters: [...visible, ...others],
          facets: [group],
          pageSize: 0,
        });
        facets[group] = recount.facets[group] ?? {};
      }
      const notesOf = translationNotes(translationsOf(q));
      return {
        hits: result.hits.map(({ doc, highlights, snippet }) => ({
          id: doc.id,
          type: doc.type,
          title: doc.title,
          snippet,
          highlights,
          matchedTranslations: notesOf(doc),
          kind: doc.type === 'capability' ? doc.kind : null,
          fields: doc.fields,
          cooperationTypes: doc.cooperationTypes,
          regionCode: doc.regionCode,
          orgName: doc.orgName,
          orgNameZh: doc.orgNameZh,
          orgNameEn: doc.orgNameEn,
          orgId: doc.orgId,
          designations: doc.designations,
          status: doc.status,
          visibility: doc.visibility,
          publishedAt: new Date(doc.publishedAt).toISOString(),
        })),
        facets,
        total: result.total,
        page,
        pageSize,
        tookMs: result.tookMs,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
