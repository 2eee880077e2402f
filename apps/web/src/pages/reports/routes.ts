import type { RouteMeta, RouteRecordRaw } from 'vue-router';

/** The report dashboard and annual targets, for officers, coordinators and platform admins. */
export function reportRoutes(signedIn: (title: string) => RouteMeta): RouteRecordRaw[] {
  return [
    {
      path: 'reports',
      name: 'reports',
      component: () => import('./ReportDashboardPage.vue'),
      meta: signedIn('reports.title'),
    },
    {
      path: 'targets',
      name: 'targets',
      component: () => import('./TargetsPage.vue'),
      meta: { ...signedIn('reports.targets.title'), navKey: 'reports' },
    },
  ];
}
