import type { OrgKind } from '@coop/shared';
import type { ListingView } from '../access/policy.js';
import type { ListingTable, OrgRow, RowOf } from './repository.js';

/** Everything the shared listing service needs to know about one side of the market. */
export interface ListingDefinition<T extends ListingTable, Dto, NewInput, Update> {
  type: 'need' | 'capability';
  table: T;
  /** For messages: "Need was not found". */
  label: string;
  /** Organisation kinds that may post this side. */
  postedBy: OrgKind[];
  toDto(row: RowOf<T>, org: OrgRow, view: Exclude<ListingView, 'none'>, canEdit: boolean): Dto;
  /** Columns beyond the shared ones, from a create body; throws on cross-field problems. */
  insertValues(input: NewInput): Partial<T['$inferInsert']>;
  /** Columns to change from an update body; throws on cross-field problems. */
  updateValues(patch: Update, row: RowOf<T>): Partial<T['$inferInsert']>;
}

export function listingOrg(org: OrgRow) {
  return {
    id: org.id,
    nameZh: org.nameZh,
    nameEn: org.nameEn,
    kind: org.kind,
    verified: org.verified,
    designations: org.designations,
  };
}
