import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { useSessionStore } from '@/stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    title?: string;
    requiresAuth?: boolean;
    /** Login and register: a signed-in user goes home instead. */
    guestOnly?: boolean;
  }
}

/** Only same-site paths may be redirect targets after login. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/';
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
        path: '/',
        component: () => import('@/components/layout/AppShell.vue'),
        meta: { requiresAuth: true },
        children: [
          {
            path: '',
            name: 'home',
            component: () => import('@/pages/HomePage.vue'),
            meta: { title: 'nav.home' },
          },
          {
            path: 'search',
            name: 'search',
            component: () => import('@/pages/SearchPage.vue'),
            meta: { title: 'search.title' },
          },
          {
            path: 'orgs',
            name: 'orgs',
            component: () => import('@/pages/OrgDirectoryPage.vue'),
            meta: { title: 'orgs.title' },
          },
          {
            path: 'orgs/:id',
            name: 'org',
            component: () => import('@/pages/OrgProfilePage.vue'),
            props: true,
            meta: { title: 'nav.orgs' },
          },
          {
            path: 'account',
            name: 'account',
            component: () => import('@/pages/AccountPage.vue'),
            meta: { title: 'account.title' },
          },
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
    return true;
  });

  return router;
}
