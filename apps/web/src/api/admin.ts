// Platform administration: rebuilding the search indexes.
import { api } from './client';

export interface ReindexStatus {
  running: boolean;
  index: string | null;
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export const adminApi = {
  reindexStatus: () => api.get<ReindexStatus>('/admin/reindex'),
  startReindex: () => api.post<ReindexStatus>('/admin/reindex'),
};
