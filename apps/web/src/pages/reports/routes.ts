import type { RouteMeta, RouteRecordRaw } from 'vue-router';
import { onlyFor, PAGE_ROLES } from '@/route-access';

/** The report dashboard and annual targets, for officers, coordinators and platform admins. */
export function reportRoutes(signedIn: (title: string) => RouteMeta): RouteRecordRaw[] {
  return [
    {
      path: 'reports',
      name: 'reports',
      component: () => import('./ReportDashboardPage.vue'),
      meta: { ...signedIn('reports.title'), ...onlyFor(PAGE_ROLES.oversight) },
    },
    {
      path: 'targets',
      name: 'targets',
      component: () => import('./TargetsPage.vue'),
      meta: { ...signedIn('reports.targets.title'), navKey: 'reports', ...onlyFor(PAGE_ROLES.oversight) },
    },
  ];
}
