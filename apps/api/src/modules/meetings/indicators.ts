// The SQL of the docking meetings' indicators (packages/shared/src/meeting-indicators.ts): one fact row per side's
// organisation and 1:1 meeting, on the meeting's day, so a meeting counts in both sides' regions and once in a total.
import { sql, type SQL } from 'drizzle-orm';
import { registerIndicatorSql } from '../reports/indicators.js';

/** Requests (1:1 meetings) of docking meetings with a row per side, restricted by `where` (aliases r, m, a). */
const sides = (where: SQL) => sql`
  select p.org_id, m.date as day, 'meeting_request' as ref_type, r.id as ref_id, m.title_zh as title,
         1::float8 as value, '{}'::text[] as fields, '{}'::text[] as coop_types
  from meeting_requests r
  join meetings m on m.id = r.meeting_id
  join meeting_participants p on p.id in (r.from_participant_id, r.to_participant_id)
  left join meeting_assignments a on a.request_id = r.id
  where ${where}`;

const count = (where: SQL) => ({ aggregate: 'count' as const, facts: () => sides(where) });

registerIndicatorSql('meetings_requested', count(sql`true`));
registerIndicatorSql('meetings_accepted', count(sql`r.status = 'accepted'`));
registerIndicatorSql('meetings_scheduled', count(sql`a.request_id is not null`));
registerIndicatorSql('meetings_held', count(sql`a.attendance = 'held'`));
registerIndicatorSql(
  'meetings_valuable',
  count(sql`exists (
    select 1 from meeting_outcomes o
    where o.request_id = r.id and o.phase = 'meeting' and o.outcome <> 'no_further_contact')`),
);
registerIndicatorSql('meeting_agreements_signed', {
  aggregate: 'count',
  facts: () => sql`
    select ap.org_id, ag.signed_on as day, 'agreement' as ref_type, ag.id as ref_id, ag.title as title,
           1::float8 as value, '{}'::text[] as fields, array[ag.type]::text[] as coop_types
    from meeting_agreements ma
    join agreements ag on ag.id = ma.agreement_id
    join agreement_parties ap on ap.agreement_id = ag.id
    where ag.signed_on is not null`,
});
