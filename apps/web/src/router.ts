import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import type { ListingType } from '@/api/types';
import { useSessionStore } from '@/stores/session';
import type { HomeRole } from '@/stores/home-role';
import { onlyFor, PAGE_ROLES, UUID_PARAM } from '@/route-access';
import { matchingRoutes } from '@/pages/matching/routes';
import { agreementRoutes } from '@/pages/agreements/routes';
import { adminRoutes } from '@/pages/admin/routes';
import { reportRoutes } from '@/pages/reports/routes';
import { meetingRoutes } from '@/pages/meetings/routes';
import { instrumentRoutes } from '@/pages/instruments/routes';
import { designationRoutes } from '@/pages/designations/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    title?: string;
    requiresAuth?: boolean;
    /** Login and register: a signed-in user goes home instead. */
    guestOnly?: boolean;
    /** Only these roles may open the page; others see "no access" (the API refuses them anyway). */
    roles?: HomeRole[];
  }
}

/** Only same-site paths may be redirect targets after login. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

/** Route names of each side of the market. */
export const LISTING_ROUTES = {
  need: { search: 'search-needs', detail: 'need', create: 'need-new', edit: 'need-edit', mine: 'my-needs' },
  capability: {
    search: 'search-capabilities',
    detail: 'capability',
    create: 'capability-new',
    edit: 'capability-edit',
    mine: 'my-capabilities',
  },
} as const satisfies Record<ListingType, Record<string, string>>;

/** The side a user mostly searches: enterprises look for capabilities, everyone else for needs. */
export function defaultSearchSide(): ListingType {
  return useSessionStore().role === 'enterprise' ? 'capability' : 'need';
}

const signedIn = (title: string) => ({ title, requiresAuth: true });

// Search and listing details are open to guests (they see public listings only); the rest needs a session.
function listingRoutes(type: ListingType, plural: string): RouteRecordRaw[] {
  const names = LISTING_ROUTES[type];
  const page = {
    search: () => import('@/pages/SearchListingsPage.vue'),
    detail: () => import('@/pages/ListingDetailPage.vue'),
    edit: () => import('@/pages/ListingEditPage.vue'),
    mine: () => import('@/pages/MyListingsPage.vue'),
  };
  return [
    {
      path: `search/${plural}`,
      name: names.search,
      component: page.search,
      props: { type },
      meta: { title: `search.${type}.title` },
    },
    {
      path: `${plural}/new`,
      name: names.create,
      component: page.edit,
      props: { type },
      meta: { ...signedIn(`listing.${type}.createTitle`), ...onlyFor(PAGE_ROLES.market) },
    },
    {
      path: `${plural}/:id${UUID_PARAM}`,
      name: names.detail,
      component: page.detail,
      props: (route) => ({ type, id: route.params.id }),
      meta: { title: `listing.${type}.one` },
    },
    {
      path: `${plural}/:id${UUID_PARAM}/edit`,
      name: names.edit,
      component: page.edit,
      props: (route) => ({ type, id: route.params.id }),
      meta: signedIn(`listing.${type}.editTitle`),
    },
    {
      path: `my/${plural}`,
      name: names.mine,
      component: page.mine,
      props: { type },
      meta: { ...signedIn(`listing.${type}.mine`), ...onlyFor(PAGE_ROLES.market) },
    },
  ];
}

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes: [
      {
        path: '/login',
        name: 'login',
        component: () => import('@/pages/LoginPage.vue'),
        meta: { title: 'login.title', guestOnly: true },
      },
      {
        path: '/register',
        name: 'register',
        component: () => import('@/pages/RegisterPage.vue'),
        meta: { title: 'register.title', guestOnly: true },
      },
      {
        path: '/reset-password',
        name: 'reset-password',
        component: () => import('@/pages/ResetPasswordPage.vue'),
        props: (route) => ({ token: typeof route.query.token === 'string' ? route.query.token : '' }),
        meta: { title: 'admin.reset.title' },
      },
      {
        path: '/',
        component: () => import('@/components/layout/AppShell.vue'),
        children: [
          {
            path: '',
            name: 'home',
            component: () => import('@/pages/HomePage.vue'),
            meta: signedIn('nav.home'),
          },
          {
            path: 'search',
            name: 'search',
            redirect: (to) => ({ name: LISTING_ROUTES[defaultSearchSide()].search, query: to.query }),
          },
          ...listingRoutes('need', 'needs'),
          ...listingRoutes('capability', 'capabilities'),
          {
            path: 'review',
            name: 'review',
            component: () => import('@/pages/ReviewQueuePage.vue'),
            meta: { ...signedIn('listing.reviewQueue.title'), ...onlyFor(PAGE_ROLES.review) },
          },
          {
            path: 'orgs',
            name: 'orgs',
            component: () => import('@/pages/OrgDirectoryPage.vue'),
            meta: signedIn('orgs.title'),
          },
          {
            path: `orgs/:id${UUID_PARAM}`,
            name: 'org',
            component: () => import('@/pages/OrgProfilePage.vue'),
            props: true,
            meta: signedIn('nav.orgs'),
          },
          {
            path: 'account',
            name: 'account',
            component: () => import('@/pages/AccountPage.vue'),
            meta: signedIn('account.title'),
          },
          ...matchingRoutes(signedIn),
          ...agreementRoutes(signedIn),
          ...adminRoutes(signedIn),
          {
            path: 'no-access',
            name: 'no-access',
            component: () => import('@/pages/NoAccessPage.vue'),
            props: (route) => ({ roles: String(route.query.roles ?? '') }),
            meta: signedIn('noAccess.title'),
          },
          ...reportRoutes(signedIn),
          ...meetingRoutes(signedIn),
          ...instrumentRoutes(signedIn),
          ...designationRoutes(signedIn),
        ],
      },
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/pages/NotFoundPage.vue'),
        meta: { title: 'notFound.title' },
      },
    ],
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    await session.restore();
    if (to.matched.some((route) => route.meta.requiresAuth) && !session.isLoggedIn) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    if (to.meta.guestOnly && session.isLoggedIn) return { name: 'home' };
    const roles = to.meta.roles;
    if (roles && session.role && !roles.includes(session.role)) {
      return { name: 'no-access', query: { roles: roles.join(',') } };
    }
    return true;
  });

  return router;
}
