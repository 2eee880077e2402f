import type { Component } from 'vue';
import { Checked, Files, Memo } from '@element-plus/icons-vue';
import type { HomeRole } from '@/stores/home-role';

type ItemFactory<T> = (key: string, label: string, icon: Component) => T;

/** Agreements and projects for everyone signed in (government reads those of its region); tasks for those who work on them. */
export function agreementNavItems<T>(role: HomeRole | null, item: ItemFactory<T>): T[] {
  if (!role) return [];
  const agreements = item('agreements', 'agreements.nav.agreements', Files);
  const projects = item('projects', 'agreements.nav.projects', Memo);
  if (role === 'government') return [agreements, projects];
  return [agreements, projects, item('tasks', 'agreements.nav.tasks', Checked)];
}
