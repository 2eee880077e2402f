import type { SearchQueryParams, SearchResponse } from '@coop/shared';
import { api } from './client';

export const searchApi = {
  /** Public listings for anyone; members-only ones too when signed in. Abort superseded searches with `signal`. */
  search: (params: SearchQueryParams, signal?: AbortSignal) =>
    api.get<SearchResponse>('/search', { ...params }, signal),
};
