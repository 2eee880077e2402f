// The SQL behind each indicator of packages/shared/src/indicators.ts. An indicator is a set of fact rows, one per
// (organisation, thing counted): a thing with several parties (an agreement) has a row per party, so it counts in
// each party's region, and once in any total. Modules (meetings, instruments) add theirs with registerIndicatorSql.
import { indicatorOf } from '@coop/shared';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Columns every fact query answers: org_id uuid, day date (platform calendar), ref_type text, ref_id uuid,
 * title text (null: confidential), value float8, fields text[], coop_types text[]; and instrument_id uuid for the
 * indicators marked byInstrument.
 */
export interface IndicatorSql {
  /** count: distinct things; sum: their values (each thing once); median: of their values. */
  aggregate: 'count' | 'sum' | 'median';
  facts(context: { today: string }): SQL;
  /** A ratio of two sums (not an average of ratios): each figure is numerator ÷ denominator. */
  ratio?: { numerator: string; denominator: string };
}

const registry = new Map<string, IndicatorSql>();

export function registerIndicatorSql(id: string, definition: IndicatorSql): void {
  if (!indicatorOf(id)) throw new Error(`indicator ${id} has no definition in packages/shared`);
  registry.set(id, definition);
}

export const indicatorSql = (id: string): IndicatorSql | undefined => registry.get(id);

/** A timestamp as a date on the platform's calendar. */
const dayOf = (column: SQL) => sql`(${column} at time zone 'Asia/Shanghai')::date`;
/** A need's title, unless it is confidential: then it is counted, never shown. */
const needTitle = sql`case when n.visibility = 'confidential' then null else n.title end`;

/** Each match's first move at or past `interested` in the event log (match_first_interest, kept by triggers). */
const firstInterest = sql`(select match_id, at from match_first_interest)`;

/** Each need's first interest over all its matches (a need matched twice counts once, at its first). */
const needFirstInterest = sql`(
  select need_id, min(at) as at from match_first_interest group by need_id
)`;

/** Signed agreements with a row per party, and the need they came from (if any). */
const signedAgreements = (value: SQL, partyKinds?: SQL) => sql`
  select p.org_id, a.signed_on as day, 'agreement' as ref_type, a.id as ref_id, a.title as title,
         ${value}::float8 as value, coalesce(n.fields, '{}') as fields, array[a.type]::text[] as coop_types
  from agreements a
  join agreement_parties p on p.agreement_id = a.id
  ${partyKinds ? sql`join organizations po on po.id = p.org_id and po.kind in ${partyKinds}` : sql``}
  left join matches m on m.id = a.match_id
  left join needs n on n.id = m.need_id
  where a.signed_on is not null`;

registerIndicatorSql('needs_posted', {
  aggregate: 'count',
  facts: () => sql`
    select n.org_id, ${dayOf(sql`n.published_at`)} as day, 'need' as ref_type, n.id as ref_id,
           ${needTitle} as title, 1::float8 as value, n.fields, n.cooperation_types as coop_types
    from needs n where n.published_at is not null`,
});

registerIndicatorSql('needs_matched', {
  aggregate: 'count',
  facts: () => sql`
    select n.org_id, ${dayOf(sql`fi.at`)} as day, 'need' as ref_type, n.id as ref_id,
           ${needTitle} as title, 1::float8 as value, n.fields, n.cooperation_types as coop_types
    from needs n join ${needFirstInterest} fi on fi.need_id = n.id`,
});

registerIndicatorSql('introductions', {
  aggregate: 'count',
  // Both sides' organisations: an introduction counts in the need's region and in the capability's.
  facts: () => sql`
    select side.org_id, ${dayOf(sql`e.occurred_at`)} as day, 'match' as ref_type, m.id as ref_id,
           ${needTitle} as title, 1::float8 as value, n.fields, n.cooperation_types as coop_types
    from events e
    join matches m on m.id = e.entity_id
    join needs n on n.id = m.need_id
    join capabilities c on c.id = m.capability_id
    cross join lateral (values (n.org_id), (c.org_id)) as side(org_id)
    where e.entity_type = 'match' and e.action = 'introduced'`,
});

registerIndicatorSql('agreements_signed', {
  aggregate: 'count',
  facts: () => signedAgreements(sql`1`),
});

registerIndicatorSql('contract_value', {
  aggregate: 'sum',
  facts: () => signedAgreements(sql`coalesce(a.value_yuan, 0)`),
});

registerIndicatorSql('enterprises_served', {
  aggregate: 'count',
  facts: () => sql`
    select s.org_id, s.day, 'organization' as ref_type, s.org_id as ref_id, o.name_zh as title,
           1::float8 as value, s.fields, s.coop_types
    from (${signedAgreements(sql`1`, sql`('enterprise')`)}) s
    join organizations o on o.id = s.org_id`,
});

registerIndicatorSql('projects_completed', {
  aggregate: 'count',
  facts: () => sql`
    select p.org_id, done.day, 'project' as ref_type, pr.id as ref_id, pr.title,
           1::float8 as value, '{}'::text[] as fields, array[a.type]::text[] as coop_types
    from projects pr
    join agreements a on a.id = pr.agreement_id
    join agreement_parties p on p.agreement_id = a.id
    join (
      select e.entity_id as project_id, ${dayOf(sql`min(e.occurred_at)`)} as day
      from events e
      where e.entity_type = 'project' and e.after ->> 'status' = 'done'
      group by e.entity_id
    ) done on done.project_id = pr.id
    where pr.status = 'done'`,
});

registerIndicatorSql('items_overdue', {
  aggregate: 'count',
  facts: ({ today }) => sql`
    select p.org_id, i.due_date as day, 'checklist_item' as ref_type, i.id as ref_id, i.title,
           1::float8 as value, '{}'::text[] as fields, array[a.type]::text[] as coop_types
    from checklist_items i
    join projects pr on pr.id = i.project_id
    join agreements a on a.id = pr.agreement_id
    join agreement_parties p on p.agreement_id = a.id
    where i.due_date < ${today}::date and i.status <> 'done'
      and pr.status not in ('done', 'closed')
      and a.status in ('signed', 'active')`,
});

registerIndicatorSql('days_to_interest', {
  aggregate: 'median',
  facts: () => sql`
    select n.org_id, ${dayOf(sql`fi.at`)} as day, 'need' as ref_type, n.id as ref_id, ${needTitle} as title,
           (extract(epoch from fi.at - n.published_at) / 86400)::float8 as value,
           n.fields, n.cooperation_types as coop_types
    from needs n join ${needFirstInterest} fi on fi.need_id = n.id
    where n.published_at is not null`,
});

registerIndicatorSql('days_to_signing', {
  aggregate: 'median',
  facts: () => sql`
    select p.org_id, a.signed_on as day, 'agreement' as ref_type, a.id as ref_id, a.title,
           (a.signed_on - ${dayOf(sql`fi.at`)})::float8 as value,
           n.fields, array[a.type]::text[] as coop_types
    from agreements a
    join agreement_parties p on p.agreement_id = a.id
    join matches m on m.id = a.match_id
    join needs n on n.id = m.need_id
    join ${firstInterest} fi on fi.match_id = m.id
    where a.signed_on is not null`,
});

/**
 * The funnel's cohort: needs first published in the period, with how far each got (by now).
 * Columns: org_id, ref_id, day, interested, introduced, signed (booleans). Each stage is a look-up by index for
 * the needs of the periods only, rather than an aggregate over every match's events joined to all needs.
 */
export const funnelFacts = sql`
  select n.org_id, n.id as ref_id, ${dayOf(sql`n.published_at`)} as day,
    exists (select 1 from match_first_interest f where f.need_id = n.id) as interested,
    exists (
      select 1 from matches m join events e on e.entity_type = 'match' and e.entity_id = m.id
      where m.need_id = n.id and e.action in ('introduced', 'negotiating', 'agreed')
    ) as introduced,
    exists (
      select 1 from matches m join agreements a on a.match_id = m.id
      where m.need_id = n.id and a.signed_on is not null
    ) as signed
  from needs n
  where n.published_at is not null`;

/** Completed and no-show bookings, counted for the instrument's owner on the day (Asia/Shanghai) they started. */
const bookingFacts = (value: SQL, where: SQL) => sql`
  select b.owner_org_id as org_id, ${dayOf(sql`b.starts_at`)} as day, 'instrument_booking' as ref_type,
         b.id as ref_id, c.title, ${value}::float8 as value, c.fields, '{}'::text[] as coop_types,
         b.instrument_id
  from instrument_bookings b join capabilities c on c.id = b.instrument_id
  where ${where}`;
const usedHours = sql`extract(epoch from b.actual_end_at - b.actual_start_at) / 3600`;
const external = sql`b.relation <> 'own'`;

registerIndicatorSql('instrument_effective_hours', {
  aggregate: 'sum',
  facts: () => bookingFacts(usedHours, sql`b.status = 'completed'`),
});

registerIndicatorSql('instrument_external_hours', {
  aggregate: 'sum',
  facts: () => bookingFacts(usedHours, sql`b.status = 'completed' and ${external}`),
});

registerIndicatorSql('instrument_sharing_rate', {
  aggregate: 'sum',
  ratio: { numerator: 'instrument_external_hours', denominator: 'instrument_effective_hours' },
  // Drilling lists the bookings behind the denominator, each with its hours.
  facts: () => bookingFacts(usedHours, sql`b.status = 'completed'`),
});

registerIndicatorSql('instrument_income', {
  aggregate: 'sum',
  facts: () => bookingFacts(sql`b.fee_yuan`, sql`b.status = 'completed'`),
});

registerIndicatorSql('instrument_enterprises_served', {
  aggregate: 'count',
  // One row per (booking's enterprise): the thing counted is the enterprise, so it counts once however often it came.
  facts: () => sql`
    select b.owner_org_id as org_id, ${dayOf(sql`b.starts_at`)} as day, 'organization' as ref_type,
           b.requester_org_id as ref_id, r.name_zh as title, 1::float8 as value, c.fields,
           '{}'::text[] as coop_types, b.instrument_id
    from instrument_bookings b
    join capabilities c on c.id = b.instrument_id
    join organizations r on r.id = b.requester_org_id and r.kind = 'enterprise'
    where b.status = 'completed' and ${external}`,
});

registerIndicatorSql('instrument_no_shows', {
  aggregate: 'count',
  facts: () => bookingFacts(sql`1`, sql`b.status = 'no_show'`),
});
