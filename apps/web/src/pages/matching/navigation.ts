import type { Component } from 'vue';
import { Bell, Connection, Share } from '@element-plus/icons-vue';
import type { HomeRole } from '@/stores/home-role';

type ItemFactory<T> = (key: string, label: string, icon: Component) => T;

/** Navigation entries of matching: "my matches" for the two sides, the brokering desk for coordinators, notifications for all. */
export function matchingNavItems<T>(role: HomeRole | null, item: ItemFactory<T>): T[] {
  if (!role) return [];
  return [
    ...(role === 'enterprise' || role === 'college'
      ? [item('my-matches', 'matching.board.title', Connection)]
      : []),
    ...(role === 'coordinator' || role === 'admin' ? [item('brokering', 'matching.desk.title', Share)] : []),
    item('notifications', 'notifications.title', Bell),
  ];
}
