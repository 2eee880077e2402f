import type { RouteMeta, RouteRecordRaw } from 'vue-router';
import { onlyFor, PAGE_ROLES } from '@/route-access';

/** The designation verification queue, for officers, coordinators and platform admins (as its API). */
export function designationRoutes(signedIn: (title: string) => RouteMeta): RouteRecordRaw[] {
  return [
    {
      path: 'designation-queue',
      name: 'designation-queue',
      component: () => import('./DesignationQueuePage.vue'),
      meta: { ...signedIn('designations.queueTitle'), ...onlyFor(PAGE_ROLES.oversight) },
    },
  ];
}
