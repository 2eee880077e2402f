// Search over needs or capabilities, with the visibility rules applied on the server.
import type { SearchQueryParams, SearchResponse } from '@coop/shared';
import { INDEX_OF, type ListingDocument } from '../../search/indexes.js';
import type { FieldFilter, SearchEngine, SearchFilter, SortClause } from '../../search/port.js';
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

const SORTS: Record<string, SortClause[]> = {
  relevance: [],
  newest: [{ field: 'publishedAt', direction: 'desc' }],
  deadline: [{ field: 'deadline', direction: 'asc' }],
};

export function createSearchService({ engine }: { engine: SearchEngine }) {
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
      return {
        hits: result.hits.map(({ doc, highlights, snippet }) => ({
          id: doc.id,
          type: doc.type,
          title: doc.title,
          snippet,
          highlights,
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
