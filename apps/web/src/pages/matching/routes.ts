import type { RouteMeta, RouteRecordRaw } from 'vue-router';
import { onlyFor, PAGE_ROLES } from '@/route-access';

/** Pages of matching and notifications, inside the signed-in shell. */
export function matchingRoutes(signedIn: (title: string) => RouteMeta): RouteRecordRaw[] {
  return [
    {
      path: 'my/matches',
      name: 'my-matches',
      component: () => import('./MyMatchesPage.vue'),
      meta: { ...signedIn('matching.board.title'), ...onlyFor(PAGE_ROLES.market) },
    },
    {
      path: 'brokering',
      name: 'brokering',
      component: () => import('./BrokeringDeskPage.vue'),
      meta: { ...signedIn('matching.desk.title'), ...onlyFor(PAGE_ROLES.brokering) },
    },
    {
      path: 'notifications',
      name: 'notifications',
      component: () => import('@/pages/notifications/NotificationsPage.vue'),
      meta: signedIn('notifications.title'),
    },
  ];
}
