import type { RouteMeta, RouteRecordRaw } from 'vue-router';
import { onlyFor } from '@/route-access';

/** Platform administration, for platform administrators only. */
export function adminRoutes(signedIn: (title: string) => RouteMeta): RouteRecordRaw[] {
  return [
    {
      path: 'admin/users',
      name: 'admin-users',
      component: () => import('./UsersPage.vue'),
      meta: { ...signedIn('admin.users.title'), ...onlyFor(['admin']) },
    },
    {
      path: 'admin/audit',
      name: 'admin-audit',
      component: () => import('./AuditLogPage.vue'),
      meta: { ...signedIn('admin.audit.title'), ...onlyFor(['admin']) },
    },
  ];
}
