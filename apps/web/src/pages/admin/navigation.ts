import type { Component } from 'vue';
import { List, User } from '@element-plus/icons-vue';
import type { HomeRole } from '@/stores/home-role';

type ItemFactory<T> = (key: string, label: string, icon: Component) => T;

/** Accounts and the audit log, for platform administrators. */
export function adminNavItems<T>(role: HomeRole | null, item: ItemFactory<T>): T[] {
  if (role !== 'admin') return [];
  return [item('admin-users', 'admin.nav.users', User), item('admin-audit', 'admin.nav.audit', List)];
}
