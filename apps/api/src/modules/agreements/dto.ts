// How agreements read to a given caller: their data plus what that caller may do with them now.
import type { Agreement, Attachment, TimelineEvent } from '@coop/shared';
import type { agreementAttachments } from '../../db/schema/index.js';
import type { Actor } from '../access/actor.js';
import { allowsAgreement } from '../access/policy.js';
import { endsSoon, platformDate } from './dates.js';
import type { Journal } from './journal.js';
import type { AgreementRecord } from './repository.js';
import { allowedActions, FINAL_STATUSES } from './status.js';

export function toAgreement(
  { row, parties, broker, facts }: AgreementRecord,
  actor: Actor | null,
  now = new Date(),
): Agreement {
  const open = !FINAL_STATUSES.includes(row.status);
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    description: row.description,
    status: row.status,
    parties,
    broker,
    matchId: row.matchId,
    signedOn: row.signedOn,
    startDate: row.startDate,
    endDate: row.endDate,
    valueYuan: row.valueYuan,
    expiringSoon: row.status === 'active' && endsSoon(row.endDate, platformDate(now)),
    allowedActions: allowedActions(actor, row.status, facts),
    canManage: open && allowsAgreement(actor, 'agreement.manage', facts),
    canWork: open && allowsAgreement(actor, 'agreement.work', facts),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A snapshot of the terms for the event log. */
export const agreementSnapshot = ({ row, parties }: Pick<AgreementRecord, 'row' | 'parties'>) => ({
  type: row.type,
  title: row.title,
  status: row.status,
  parties: parties.map((p) => ({
    orgId: p.org.id,
    signatoryName: p.signatoryName,
    signatoryTitle: p.signatoryTitle,
  })),
  brokerOrgId: row.brokerOrgId,
  matchId: row.matchId,
  startDate: row.startDate,
  endDate: row.endDate,
  valueYuan: row.valueYuan,
});

export type AttachmentRow = typeof agreementAttachments.$inferSelect & { uploaderName: string };

export const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  uploadedBy: { id: row.uploadedBy, displayName: row.uploaderName },
  createdAt: row.createdAt.toISOString(),
});

type TimelineRow = Awaited<ReturnType<Journal['timeline']>>['rows'][number];

/** An event with who did it; system events (expiry) have no actor. */
export function toTimelineEvent({
  displayName,
  orgNameZh,
  orgNameEn,
  actorUserId,
  actorOrgId,
  ...event
}: TimelineRow): TimelineEvent {
  return {
    ...event,
    entityType: event.entityType as TimelineEvent['entityType'],
    occurredAt: event.occurredAt.toISOString(),
    actor:
      actorUserId && actorOrgId && displayName
        ? {
            userId: actorUserId,
            displayName,
            orgId: actorOrgId,
            orgNameZh: orgNameZh ?? '',
            orgNameEn: orgNameEn ?? '',
          }
        : null,
  };
}
