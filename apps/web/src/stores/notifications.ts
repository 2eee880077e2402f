import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { notificationsApi, type Notification } from '@/api/notifications';

/** How many of the newest notifications the bell shows. */
export const LATEST_COUNT = 6;
export const POLL_MS = 60_000;

/** The unread count and newest notifications, kept fresh every minute and whenever the window regains focus. */
export const useNotificationsStore = defineStore('notifications', () => {
  const latest = shallowRef<Notification[]>([]);
  const unread = ref(0);
  const loaded = ref(false);
  /** The last refresh failed; the count shown is the last one known. */
  const failed = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;
  let watchers = 0;
  let latestRequest = 0;

  async function refresh() {
    const request = ++latestRequest;
    try {
      const page = await notificationsApi.list({ page: 1, pageSize: LATEST_COUNT });
      if (request !== latestRequest) return;
      latest.value = page.items;
      unread.value = page.unread;
      loaded.value = true;
      failed.value = false;
    } catch {
      if (request === latestRequest) failed.value = true;
    }
  }

  const stamp = (items: Notification[], read: (item: Notification) => boolean) => {
    const now = new Date().toISOString();
    return items.map((item) => (read(item) && !item.readAt ? { ...item, readAt: now } : item));
  };

  async function markRead(id: string) {
    const { marked } = await notificationsApi.markRead(id);
    unread.value = Math.max(0, unread.value - marked);
    latest.value = stamp(latest.value, (item) => item.id === id);
  }

  async function markAllRead() {
    await notificationsApi.markAllRead();
    unread.value = 0;
    latest.value = stamp(latest.value, () => true);
  }

  function onVisible() {
    if (document.visibilityState === 'visible') refresh();
  }

  /** Starts polling for the first watcher (the bell); later watchers share it. */
  function watch() {
    watchers += 1;
    if (watchers > 1) return;
    refresh();
    timer = setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
  }

  /** Stops polling when the last watcher leaves (e.g. on sign-out) and forgets what it knew. */
  function unwatch() {
    watchers = Math.max(0, watchers - 1);
    if (watchers > 0) return;
    clearInterval(timer);
    window.removeEventListener('focus', refresh);
    document.removeEventListener('visibilitychange', onVisible);
    latestRequest += 1;
    latest.value = [];
    unread.value = 0;
    loaded.value = false;
  }

  return { latest, unread, loaded, failed, refresh, markRead, markAllRead, watch, unwatch };
});
