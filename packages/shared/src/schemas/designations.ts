import { Type, type Static } from 'typebox';
import { DESIGNATION_STATUSES } from '../enums.js';
import { OneOf, Reason, StrictObject, Uuid } from './common.js';
import { DesignationSchema } from './orgs.js';

const IsoDate = Type.String({ format: 'date' });

/** An organisation admin's claim of a designation, with the certificate's details. */
export const DesignationClaim = StrictObject({
  kind: DesignationSchema,
  certificateNo: Type.String({ minLength: 1, maxLength: 100 }),
  issuingBody: Type.String({ minLength: 2, maxLength: 200 }),
  validFrom: IsoDate,
  validUntil: IsoDate,
});
export type DesignationClaim = Static<typeof DesignationClaim>;

/** A coordinator's or officer's decision: always with what was checked. */
export const DesignationDecision = StrictObject({
  decision: OneOf(['verified', 'rejected'] as const),
  reason: Reason,
});
export type DesignationDecision = Static<typeof DesignationDecision>;

export const DesignationRecord = Type.Object({
  id: Uuid,
  orgId: Uuid,
  orgNameZh: Type.String(),
  orgNameEn: Type.String(),
  kind: DesignationSchema,
  certificateNo: Type.Union([Type.String(), Type.Null()]),
  issuingBody: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.Union([IsoDate, Type.Null()]),
  validUntil: Type.Union([IsoDate, Type.Null()]),
  status: OneOf(DESIGNATION_STATUSES),
  /** Whether it counts today in filters, matching and reports. */
  counts: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  verifiedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type DesignationRecord = Static<typeof DesignationRecord>;
