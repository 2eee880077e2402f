import type { RouteMeta, RouteRecordRaw } from 'vue-router';
import { onlyFor, PAGE_ROLES, UUID_PARAM } from '@/route-access';

declare module 'vue-router' {
  interface RouteMeta {
    /** The navigation entry a page belongs to, when it is not the route's own name (e.g. a detail page). */
    navKey?: string;
  }
}

/** Pages of agreements, project lists and tasks, inside the signed-in shell. */
export function agreementRoutes(signedIn: (title: string) => RouteMeta): RouteRecordRaw[] {
  const under = (navKey: string, title: string): RouteMeta => ({ ...signedIn(title), navKey });
  const forParties = (meta: RouteMeta): RouteMeta => ({ ...meta, ...onlyFor(PAGE_ROLES.parties) });
  return [
    {
      path: 'agreements',
      name: 'agreements',
      component: () => import('./AgreementListPage.vue'),
      meta: signedIn('agreements.list.title'),
    },
    {
      path: 'agreements/new',
      name: 'agreement-new',
      component: () => import('./AgreementEditPage.vue'),
      meta: forParties(under('agreements', 'agreements.form.createTitle')),
    },
    {
      path: `agreements/:id${UUID_PARAM}`,
      name: 'agreement',
      component: () => import('./AgreementDetailPage.vue'),
      props: true,
      meta: under('agreements', 'agreements.list.title'),
    },
    {
      path: `agreements/:id${UUID_PARAM}/edit`,
      name: 'agreement-edit',
      component: () => import('./AgreementEditPage.vue'),
      props: true,
      meta: forParties(under('agreements', 'agreements.form.editTitle')),
    },
    {
      path: 'projects',
      name: 'projects',
      component: () => import('./AllProjectsPage.vue'),
      meta: signedIn('agreements.projects.allTitle'),
    },
    {
      path: `projects/:id${UUID_PARAM}`,
      name: 'project',
      component: () => import('./ProjectPage.vue'),
      props: true,
      meta: under('projects', 'agreements.projects.title'),
    },
    {
      path: 'tasks',
      name: 'tasks',
      component: () => import('./MyTasksPage.vue'),
      meta: forParties(signedIn('agreements.tasks.title')),
    },
  ];
}
