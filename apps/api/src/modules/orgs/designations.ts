// The one "current designations" query: what filters, matching and reports count an organisation as.
import { sql, type SQL } from 'drizzle-orm';

/** An organisation's designations in force on `today`, as a text[] expression. */
export function currentDesignations(orgId: SQL, _today: string): SQL {
  return sql`(select cd.designations from organizations cd where cd.id = ${orgId})`;
}
