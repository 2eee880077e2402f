import type { Component } from 'vue';
import { DataAnalysis } from '@element-plus/icons-vue';
import type { HomeRole } from '@/stores/home-role';

type ItemFactory<T> = (key: string, label: string, icon: Component) => T;

/** Reports for those who oversee organisations: officers, coordinators, platform admins. */
export function reportNavItems<T>(role: HomeRole | null, item: ItemFactory<T>): T[] {
  return role === 'government' || role === 'coordinator' || role === 'admin'
    ? [item('reports', 'reports.nav', DataAnalysis)]
    : [];
}
