import type { Component } from 'vue';
import { Medal } from '@element-plus/icons-vue';
import type { HomeRole } from '@/stores/home-role';
import { PAGE_ROLES } from '@/route-access';

type ItemFactory<T> = (key: string, label: string, icon: Component) => T;

/** The verification queue for those who may decide designations. */
export function designationNavItems<T>(role: HomeRole | null, item: ItemFactory<T>): T[] {
  return role && (PAGE_ROLES.oversight as readonly HomeRole[]).includes(role)
    ? [item('designation-queue', 'designations.nav', Medal)]
    : [];
}
