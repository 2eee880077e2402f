import type { RouteMeta, RouteRecordRaw } from 'vue-router';
import { UUID_PARAM } from '@/route-access';

/** Pages of shared instruments. The catalogue and an instrument's calendar are open to guests. */
export function instrumentRoutes(signedIn: (title: string) => RouteMeta): RouteRecordRaw[] {
  const under = (navKey: string, title: string): RouteMeta => ({ ...signedIn(title), navKey });
  return [
    {
      path: 'instruments',
      name: 'instruments',
      component: () => import('./InstrumentListPage.vue'),
      meta: { title: 'instruments.list.title' },
    },
    {
      path: 'instruments/usage',
      name: 'instrument-usage',
      component: () => import('./UsagePage.vue'),
      meta: signedIn('instruments.usage.title'),
    },
    {
      path: `instruments/:id${UUID_PARAM}`,
      name: 'instrument',
      component: () => import('./InstrumentDetailPage.vue'),
      props: true,
      meta: { title: 'instruments.list.title', navKey: 'instruments' },
    },
    {
      path: `instruments/:id${UUID_PARAM}/profile`,
      name: 'instrument-profile',
      component: () => import('./InstrumentProfilePage.vue'),
      props: true,
      meta: under('instruments', 'instruments.profile.title'),
    },
    {
      path: 'bookings',
      name: 'my-bookings',
      component: () => import('./BookingsPage.vue'),
      props: { side: 'mine' },
      meta: signedIn('instruments.bookings.mineTitle'),
    },
    {
      path: 'bookings/requests',
      name: 'booking-requests',
      component: () => import('./BookingsPage.vue'),
      props: { side: 'requests' },
      meta: signedIn('instruments.bookings.requestsTitle'),
    },
  ];
}
