import type { Component } from 'vue';
import { Checked, Files, Memo } from '@element-plus/icons-vue';
import type { HomeRole } from '@/stores/home-role';

type ItemFactory<T> = (key: string, label: string, icon: Component) => T;

/** Agreements for everyone signed in (government sees those in its scope); projects and tasks for those who work on them. */
export function agreementNavItems<T>(role: HomeRole | null, item: ItemFactory<T>): T[] {
  if (!role) return [];
  const agreements = item('agreements', 'agreements.nav.agreements', Files);
  if (role === 'government') return [agreements];
  return [
    agreements,
    item('projects', 'agreements.nav.projects', Memo),
    item('tasks', 'agreements.nav.tasks', Checked),
  ];
}
