// What a signed-in user's home shows: the organisation's own figures and today's to-dos, each with where to act.
import { Type, type Static } from 'typebox';
import { OneOf } from './common.js';

export const HOME_TODOS = [
  'new_matches',
  'proposals_to_answer',
  'tasks_overdue',
  'tasks_due_this_week',
  'meeting_invitations',
  'bookings_to_approve',
  'introductions_to_broker',
] as const;
export type HomeTodoKey = (typeof HOME_TODOS)[number];

export const HOME_FIGURES = [
  'open_listings',
  'live_agreements',
  'projects_in_progress',
  'organisations_overseen',
] as const;
export type HomeFigureKey = (typeof HOME_FIGURES)[number];

export const HomeResponse = Type.Object({
  /** Today in Asia/Shanghai: what "overdue" and "this week" were measured against. */
  today: Type.String({ format: 'date' }),
  figures: Type.Array(Type.Object({ key: OneOf(HOME_FIGURES), value: Type.Integer(), link: Type.String() })),
  todos: Type.Array(Type.Object({ key: OneOf(HOME_TODOS), count: Type.Integer(), link: Type.String() })),
});
export type HomeResponse = Static<typeof HomeResponse>;
