import type { RouteMeta, RouteRecordRaw } from 'vue-router';
import { UUID_PARAM } from '@/route-access';

/** Docking meetings: the list (organised and invited), and one meeting's page. */
export function meetingRoutes(signedIn: (title: string) => RouteMeta): RouteRecordRaw[] {
  return [
    {
      path: 'meetings',
      name: 'meetings',
      component: () => import('./MeetingListPage.vue'),
      meta: signedIn('meetings.list.title'),
    },
    {
      path: `meetings/:id${UUID_PARAM}`,
      name: 'meeting',
      component: () => import('./MeetingPage.vue'),
      props: true,
      meta: { ...signedIn('meetings.list.title'), navKey: 'meetings' },
    },
  ];
}
