import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import { SEARCH_SORTS, type SearchQueryParams, type SearchResponse } from '@coop/shared';
import { isAbort } from '@/api/client';
import { searchApi } from '@/api/search';
import type { ListingType } from '@/api/types';

export type SearchSort = (typeof SEARCH_SORTS)[number];
/** Facets the API counts, and the query parameter that filters by each. */
export const FACETS = ['fields', 'cooperationTypes', 'city', 'kind', 'designations'] as const;
export type Facet = (typeof FACETS)[number];
type ListFacet = Exclude<Facet, 'city'>;

export interface SearchState {
  q: string;
  fields: string[];
  cooperationTypes: string[];
  /** One region code (province, city or district); the `city` facet sets it. */
  region: string;
  kind: string[];
  designations: string[];
  sort: SearchSort;
  page: number;
}

export const PAGE_SIZE = 20;
const Q_MAX = 200;
const CODE = /^[A-Za-z0-9_.-]+$/;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => [
  ...new Set(
    text(value)
      .split(',')
      .filter((part) => CODE.test(part)),
  ),
];

/** Facets that make sense on a side: needs have no kind. */
export const facetsOf = (type: ListingType): Facet[] =>
  FACETS.filter((facet) => facet !== 'kind' || type === 'capability');
export const sortsOf = (type: ListingType): SearchSort[] =>
  SEARCH_SORTS.filter((sort) => sort !== 'deadline' || type === 'need');

/** The search as the address holds it; anything malformed there is ignored rather than sent. */
export function parseSearchQuery(query: LocationQuery, type: ListingType): SearchState {
  const sort = sortsOf(type).find((candidate) => candidate === query.sort) ?? 'relevance';
  const region = text(query.region);
  return {
    q: text(query.q).slice(0, Q_MAX),
    fields: list(query.fields),
    cooperationTypes: list(query.cooperationTypes),
    region: /^\d{6}$/.test(region) ? region : '',
    kind: type === 'capability' ? list(query.kind) : [],
    designations: list(query.designations),
    sort,
    page: Math.max(1, Math.floor(Number(query.page)) || 1),
  };
}

export function searchQueryOf(state: SearchState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.q.trim()) query.q = state.q.trim();
  for (const facet of ['fields', 'cooperationTypes', 'kind', 'designations'] as const)
    if (state[facet].length) query[facet] = state[facet].join(',');
  if (state.region) query.region = state.region;
  if (state.sort !== 'relevance') query.sort = state.sort;
  if (state.page > 1) query.page = String(state.page);
  return query;
}

export function searchParamsOf(type: ListingType, state: SearchState): SearchQueryParams {
  const join = (values: string[]) => (values.length ? values.join(',') : undefined);
  return {
    type,
    q: state.q.trim() || undefined,
    fields: join(state.fields),
    cooperationTypes: join(state.cooperationTypes),
    region: state.region || undefined,
    kind: join(state.kind),
    designations: join(state.designations),
    sort: state.sort === 'relevance' ? undefined : state.sort,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
}

/** Search of one side, kept in the address; a newer search cancels the one still under way. */
export function useListingSearch(type: ListingType) {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => parseSearchQuery(route.query, type));
  const result = shallowRef<SearchResponse | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  const hasFilters = computed(() => {
    const { fields, cooperationTypes, region, kind, designations } = state.value;
    return [fields, cooperationTypes, kind, designations].some((values) => values.length > 0) || !!region;
  });

  async function run() {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    loading.value = true;
    error.value = null;
    try {
      result.value = await searchApi.search(searchParamsOf(type, state.value), current.signal);
    } catch (caught) {
      if (!isAbort(caught)) error.value = caught;
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  // Leaving the page changes the route too; only this page's own address runs searches.
  const ownRoute = route.name;
  watch(
    () => JSON.stringify(searchParamsOf(type, state.value)),
    () => {
      if (route.name === ownRoute) run();
    },
    { immediate: true },
  );
  onScopeDispose(() => controller?.abort());

  /** Changes the search; any change but paging starts again at page 1. */
  function update(changes: Partial<SearchState>) {
    router.replace({ query: searchQueryOf({ ...state.value, page: 1, ...changes }) });
  }

  function toggle(facet: Facet, value: string) {
    if (facet === 'city') return update({ region: state.value.region === value ? '' : value });
    const values = state.value[facet as ListFacet];
    update({ [facet]: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] });
  }

  function clearFilters() {
    update({ fields: [], cooperationTypes: [], region: '', kind: [], designations: [] });
  }

  /** Selected values of a facet. */
  const selected = (facet: Facet): string[] =>
    facet === 'city' ? (state.value.region ? [state.value.region] : []) : state.value[facet];

  return { state, result, loading, error, hasFilters, run, update, toggle, clearFilters, selected };
}
