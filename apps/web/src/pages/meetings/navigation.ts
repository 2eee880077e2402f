import type { Component } from 'vue';
import { Calendar } from '@element-plus/icons-vue';
import type { HomeRole } from '@/stores/home-role';

type ItemFactory<T> = (key: string, label: string, icon: Component) => T;

/** Coordinators and colleges run meetings, enterprises and colleges are invited; officers read their region's. */
export function meetingNavItems<T>(role: HomeRole | null, item: ItemFactory<T>): T[] {
  if (!role) return [];
  return [item('meetings', 'meetings.nav.meetings', Calendar)];
}
