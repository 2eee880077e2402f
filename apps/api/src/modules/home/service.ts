// A home that says what needs doing: which figures and to-dos a caller sees depends on who they are.
import type { HomeFigureKey, HomeResponse, HomeTodoKey } from '@coop/shared';
import type { Database } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy } from '../access/policy.js';
import { platformDate } from '../agreements/dates.js';
import { countAll, homeCounts, type HomeOrgs } from './repository.js';

/** Where the web app lets the caller act on each item. */
const TODO_LINKS: Record<HomeTodoKey, string> = {
  new_matches: '/my/matches',
  proposals_to_answer: '/my/matches',
  tasks_overdue: '/tasks',
  tasks_due_this_week: '/tasks',
  meeting_invitations: '/meetings',
  bookings_to_approve: '/bookings/requests',
  introductions_to_broker: '/brokering',
};
const FIGURE_LINKS: Record<HomeFigureKey, string> = {
  open_listings: '/my/needs',
  live_agreements: '/agreements',
  projects_in_progress: '/projects',
  organisations_overseen: '/orgs',
};
/** Overseers follow their organisations' projects (the dashboard lists what is overdue), not tasks of their own. */
const OVERSIGHT_LINKS: Partial<Record<HomeTodoKey | HomeFigureKey, string>> = {
  tasks_overdue: '/reports',
  tasks_due_this_week: '/projects',
};

interface Plan {
  orgs: HomeOrgs;
  todos: HomeTodoKey[];
  figures: HomeFigureKey[];
}

function planFor(actor: Actor, access: AccessPolicy): Plan {
  const scope = access.oversightScope(actor);
  if (scope?.kind === 'association') {
    return {
      orgs: scope,
      todos: ['introductions_to_broker', 'tasks_overdue', 'tasks_due_this_week'],
      figures: ['organisations_overseen', 'live_agreements', 'projects_in_progress'],
    };
  }
  if (scope?.kind === 'region') {
    return {
      orgs: scope,
      todos: ['tasks_overdue', 'tasks_due_this_week'],
      figures: ['organisations_overseen', 'live_agreements', 'projects_in_progress'],
    };
  }
  const own = { kind: 'org', orgId: actor.orgId } as const;
  const listings = actor.orgKind === 'enterprise' ? [] : (['bookings_to_approve'] as const);
  return {
    orgs: own,
    todos: [
      'new_matches',
      'proposals_to_answer',
      'tasks_overdue',
      'tasks_due_this_week',
      'meeting_invitations',
      ...listings,
    ],
    figures: ['open_listings', 'live_agreements', 'projects_in_progress'],
  };
}

export function createHomeService({ db, access }: { db: Database; access: AccessPolicy }) {
  return {
    async home(actor: Actor): Promise<HomeResponse> {
      const plan = planFor(actor, access);
      const today = platformDate();
      const { todos, figures } = homeCounts(plan.orgs, today);
      const counts = await countAll(db, [
        ...plan.todos.map((key) => [key, todos[key]] as const),
        ...plan.figures.map((key) => [key, figures[key]] as const),
      ]);
      const overseeing = plan.orgs.kind !== 'org';
      const link = (key: HomeTodoKey | HomeFigureKey, fallback: string) =>
        (overseeing && OVERSIGHT_LINKS[key]) || fallback;
      return {
        today,
        figures: plan.figures.map((key) => ({
          key,
          value: counts.get(key) ?? 0,
          link:
            key === 'open_listings' && actor.orgKind !== 'enterprise'
              ? '/my/capabilities'
              : link(key, FIGURE_LINKS[key]),
        })),
        todos: plan.todos.map((key) => ({
          key,
          count: counts.get(key) ?? 0,
          link: link(key, TODO_LINKS[key]),
        })),
      };
    },
  };
}
export type HomeService = ReturnType<typeof createHomeService>;
