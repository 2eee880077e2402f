import { ref, shallowRef } from 'vue';
import type { PageQuery, Paged } from '@/api/types';

/** One page of a server list at a time; answers to superseded requests are dropped. */
export function usePagedList<T>(fetchPage: (query: PageQuery) => Promise<Paged<T>>, pageSize = 20) {
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const loading = ref(false);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let latestRequest = 0;

  async function load(pageNumber = page.value) {
    const request = ++latestRequest;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetchPage({ page: pageNumber, pageSize });
      if (request !== latestRequest) return;
      items.value = result.items;
      total.value = result.total;
      page.value = result.page;
      loaded.value = true;
    } catch (caught) {
      if (request === latestRequest) error.value = caught;
    } finally {
      if (request === latestRequest) loading.value = false;
    }
  }

  /** Replaces one item in place, e.g. after verifying it. */
  function replace(match: (item: T) => boolean, next: T) {
    items.value = items.value.map((item) => (match(item) ? next : item));
  }

  return { items, total, page, pageSize, loading, loaded, error, load, replace };
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
