// Counts behind a home page, each one SQL count over the tables (nothing cached, so a home is never stale).
import { regionPrefix, type HomeFigureKey, type HomeTodoKey } from '@coop/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { OversightScope } from '../access/policy.js';

/** Suggestions younger than this are "new". */
export const NEW_MATCH_DAYS = 7;

/** The organisations a count covers: the caller's own, or those an officer or coordinator oversees. */
export type HomeOrgs = { kind: 'org'; orgId: string } | OversightScope;

/** A condition on an organisation id column: is it one of `orgs`. */
function within(column: SQL, orgs: HomeOrgs): SQL {
  switch (orgs.kind) {
    case 'org':
      return sql`${column} = ${orgs.orgId}`;
    case 'all':
      return sql`true`;
    case 'region':
      return sql`${column} in (select id from organizations where region_code like ${`${regionPrefix(orgs.regionCode)}%`})`;
    case 'association':
      return sql`${column} in (select member_id from association_members where association_id = ${orgs.associationId})`;
  }
}

/** Each count as one scalar sub-query; `today` is the platform's date (Asia/Shanghai). */
export function homeCounts(orgs: HomeOrgs, today: string) {
  const side = (column: string) => sql.raw(column);
  const onEitherSide = sql`(${within(side('n.org_id'), orgs)} or ${within(side('c.org_id'), orgs)})`;
  const matchPairs = sql`matches m join needs n on n.id = m.need_id join capabilities c on c.id = m.capability_id`;
  const partyAgreements = sql`select agreement_id from agreement_parties where ${within(side('org_id'), orgs)}`;
  // Tasks of live projects only (as the reports' overdue list): one's own, or any in an overseen agreement.
  const openTasks = sql`checklist_items i join projects pr on pr.id = i.project_id
    join agreements a on a.id = pr.agreement_id
    where i.status <> 'done' and i.due_date is not null
    and pr.status not in ('done', 'closed') and a.status in ('signed', 'active')
    and ${orgs.kind === 'org' ? within(side('i.responsible_org_id'), orgs) : sql`a.id in (${partyAgreements})`}`;
  const todos: Record<HomeTodoKey, SQL> = {
    new_matches: sql`select count(*) from ${matchPairs} where m.stage = 'suggested'
      and m.created_at >= now() - make_interval(days => ${NEW_MATCH_DAYS}) and ${onEitherSide}`,
    // Interest the other side sent with a proposal, still waiting for this side's move.
    proposals_to_answer: sql`select count(*) from ${matchPairs} where m.stage = 'interested' and ${onEitherSide}
      and exists (select 1 from proposals p where p.match_id = m.id and not ${within(side('p.org_id'), orgs)})`,
    tasks_overdue: sql`select count(*) from ${openTasks} and i.due_date < ${today}::date`,
    tasks_due_this_week: sql`select count(*) from ${openTasks}
      and i.due_date between ${today}::date and ${today}::date + 6`,
    meeting_invitations: sql`select count(*) from meeting_participants mp join meetings mt on mt.id = mp.meeting_id
      where mp.status = 'invited' and mt.status = 'open' and ${within(side('mp.org_id'), orgs)}`,
    bookings_to_approve: sql`select count(*) from instrument_bookings b
      where b.status = 'requested' and ${within(side('b.owner_org_id'), orgs)}`,
    // Interest between two overseen organisations that nobody has introduced yet.
    introductions_to_broker: sql`select count(*) from ${matchPairs} where m.stage = 'interested'
      and ${within(side('n.org_id'), orgs)} and ${within(side('c.org_id'), orgs)}`,
  };
  const figures: Record<HomeFigureKey, SQL> = {
    open_listings: sql`select (select count(*) from needs where status in ('open', 'in_cooperation')
        and ${within(side('org_id'), orgs)})
      + (select count(*) from capabilities where status = 'open' and ${within(side('org_id'), orgs)})`,
    live_agreements: sql`select count(*) from agreements
      where status in ('signed', 'active') and id in (${partyAgreements})`,
    projects_in_progress: sql`select count(*) from projects pr join agreements a on a.id = pr.agreement_id
      where pr.status = 'active' and a.id in (${partyAgreements})`,
    organisations_overseen: sql`select count(*) from organizations o where ${within(side('o.id'), orgs)}`,
  };
  return { todos, figures };
}

/** Runs the chosen counts in one round trip. */
export async function countAll<K extends string>(
  db: Executor,
  queries: (readonly [K, SQL])[],
): Promise<Map<K, number>> {
  if (queries.length === 0) return new Map();
  const columns = sql.join(
    queries.map(([key, query]) => sql`(${query}) as ${sql.identifier(key)}`),
    sql`, `,
  );
  const result = (await db.execute(sql`select ${columns}`)) as unknown as { rows: Record<string, unknown>[] };
  const row = result.rows[0] ?? {};
  return new Map(queries.map(([key]) => [key, Number(row[key] ?? 0)]));
}
