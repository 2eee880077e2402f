// The signed-in user's in-app notifications and their daily digest.
import type { Notification } from '@coop/shared';
import { api } from './client';
import type { Paged } from './types';

export type { Notification };

export interface NotificationPage extends Paged<Notification> {
  /** Unread notifications of the user in all, whatever the page holds. */
  unread: number;
}

export interface NotificationDigest {
  /** YYYY-MM-DD */
  date: string;
  byKind: Record<string, number>;
  items: Notification[];
}

export const notificationsApi = {
  list: (query: { unread?: boolean; page?: number; pageSize?: number }) =>
    api.get<NotificationPage>('/notifications', query),
  markRead: (id: string) => api.post<{ marked: number }>(`/notifications/${id}/read`),
  markAllRead: () => api.post<{ marked: number }>('/notifications/read-all'),
  digest: (date: string) => api.get<NotificationDigest>('/notifications/digest', { date }),
};
