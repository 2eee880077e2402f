// Storage of docking meetings: the meeting, its participants, requests, schedule cells and outcomes.
import { and, count, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { allOf, type Executor } from '../../db/client.js';
import {
  associationMembers,
  meetingAgreements,
  meetingAssignments,
  meetingOutcomes,
  meetingParticipants,
  meetingRequests,
  meetings,
  organizations,
} from '../../db/schema/index.js';
import type { MeetingFacts } from '../access/policy.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type ParticipantRow = typeof meetingParticipants.$inferSelect;
export type RequestRow = typeof meetingRequests.$inferSelect;
export type AssignmentRow = typeof meetingAssignments.$inferSelect;
export type OutcomeRow = typeof meetingOutcomes.$inferSelect;

export const orgColumns = {
  id: organizations.id,
  nameZh: organizations.nameZh,
  nameEn: organizations.nameEn,
  kind: organizations.kind,
};
export type OrgRef = { id: string; nameZh: string; nameEn: string; kind: string };

export interface ParticipantView extends ParticipantRow {
  org: OrgRef;
}

/** A meeting with its organiser and participants, as services present and authorise it. */
export interface MeetingRecord {
  row: MeetingRow;
  organiser: OrgRef;
  participants: ParticipantView[];
  facts: MeetingFacts;
}

export interface RequestView {
  row: RequestRow;
  from: ParticipantView;
  to: ParticipantView;
  assignment: AssignmentRow | null;
  outcomes: OutcomeRow[];
}

export function createMeetingRepository() {
  async function participants(db: Executor, meetingId: string): Promise<ParticipantView[]> {
    const rows = await db
      .select({ participant: meetingParticipants, org: orgColumns })
      .from(meetingParticipants)
      .innerJoin(organizations, eq(organizations.id, meetingParticipants.orgId))
      .where(eq(meetingParticipants.meetingId, meetingId))
      .orderBy(meetingParticipants.createdAt, organizations.nameZh);
    return rows.map(({ participant, org }) => ({ ...participant, org }));
  }

  return {
    participants,

    async get(db: Executor, id: string, lock = false): Promise<MeetingRecord | null> {
      const query = db
        .select({ row: meetings, organiser: orgColumns })
        .from(meetings)
        .innerJoin(organizations, eq(organizations.id, meetings.organiserOrgId))
        .where(eq(meetings.id, id));
      const [found] = lock ? await query.for('update', { of: meetings }) : await query;
      if (!found) return null;
      const list = await participants(db, id);
      const involved = [found.row.organiserOrgId, ...list.map((p) => p.orgId)];
      // Officers oversee by region, coordinators by membership: the policy needs both of everyone involved.
      const [regions, memberships] = await allOf(db, [
        db
          .select({ code: organizations.regionCode })
          .from(organizations)
          .where(inArray(organizations.id, involved)),
        db
          .selectDistinct({ id: associationMembers.associationId })
          .from(associationMembers)
          .where(inArray(associationMembers.memberId, involved)),
      ]);
      return {
        ...found,
        participants: list,
        facts: {
          organiserOrgId: found.row.organiserOrgId,
          participantOrgIds: list.map((p) => p.orgId),
          regionCodes: regions.map((r) => r.code),
          associationIds: memberships.map((m) => m.id),
        },
      };
    },

    /**
     * Meetings run by `organiserOrgId` or with `participantOrgId` among the invited, or (observers) with the
     * organiser or an invited organisation in `regionPrefix` or among `associationId`'s members (all optional: all).
     */
    async list(
      db: Executor,
      scope:
        | {
            organiserOrgId?: string;
            participantOrgId?: string;
            regionPrefix?: string;
            associationId?: string;
          }
        | 'all',
      status: MeetingRow['status'] | undefined,
      page: number,
      pageSize: number,
    ) {
      const invitedIn = (orgId: string) =>
        inArray(
          meetings.id,
          db
            .select({ id: meetingParticipants.meetingId })
            .from(meetingParticipants)
            .where(eq(meetingParticipants.orgId, orgId)),
        );
      const involving = (observed: { regionPrefix?: string; associationId?: string }) => {
        const orgs = db
          .select({ id: organizations.id })
          .from(organizations)
          .where(
            observed.regionPrefix
              ? like(organizations.regionCode, `${observed.regionPrefix}%`)
              : inArray(
                  organizations.id,
                  db
                    .select({ id: associationMembers.memberId })
                    .from(associationMembers)
                    .where(eq(associationMembers.associationId, observed.associationId!)),
                ),
          );
        return or(
          inArray(meetings.organiserOrgId, orgs),
          inArray(
            meetings.id,
            db
              .select({ id: meetingParticipants.meetingId })
              .from(meetingParticipants)
              .where(inArray(meetingParticipants.orgId, orgs)),
          ),
        );
      };
      const visible: SQL | undefined =
        scope === 'all'
          ? undefined
          : or(
              scope.organiserOrgId ? eq(meetings.organiserOrgId, scope.organiserOrgId) : undefined,
              scope.participantOrgId ? invitedIn(scope.participantOrgId) : undefined,
              scope.regionPrefix || scope.associationId ? involving(scope) : undefined,
            );
      const where = and(visible, status ? eq(meetings.status, status) : undefined);
      const [ids, [total]] = await Promise.all([
        db
          .select({ id: meetings.id })
          .from(meetings)
          .where(where)
          .orderBy(desc(meetings.date), desc(meetings.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ value: count() }).from(meetings).where(where),
      ]);
      return { ids: ids.map((r) => r.id), total: total?.value ?? 0 };
    },

    /** Requests of a meeting with both sides, their cell and outcomes; `participantId` keeps one side's. */
    async requests(
      db: Executor,
      meetingId: string,
      participantId?: string,
      ids?: string[],
    ): Promise<RequestView[]> {
      const from = alias(meetingParticipants, 'from_participant');
      const to = alias(meetingParticipants, 'to_participant');
      const rows = await db
        .select({ row: meetingRequests, assignment: meetingAssignments })
        .from(meetingRequests)
        .leftJoin(meetingAssignments, eq(meetingAssignments.requestId, meetingRequests.id))
        .innerJoin(from, eq(from.id, meetingRequests.fromParticipantId))
        .innerJoin(to, eq(to.id, meetingRequests.toParticipantId))
        .where(
          and(
            eq(meetingRequests.meetingId, meetingId),
            participantId
              ? or(
                  eq(meetingRequests.fromParticipantId, participantId),
                  eq(meetingRequests.toParticipantId, participantId),
                )
              : undefined,
            ids ? inArray(meetingRequests.id, ids) : undefined,
          ),
        )
        .orderBy(meetingRequests.createdAt, meetingRequests.id);
      if (rows.length === 0) return [];
      const [people, outcomes] = await allOf(db, [
        participants(db, meetingId),
        db
          .select()
          .from(meetingOutcomes)
          .where(
            inArray(
              meetingOutcomes.requestId,
              rows.map((r) => r.row.id),
            ),
          ),
      ]);
      const byId = new Map(people.map((p) => [p.id, p]));
      return rows.map(({ row, assignment }) => ({
        row,
        assignment,
        from: byId.get(row.fromParticipantId)!,
        to: byId.get(row.toParticipantId)!,
        outcomes: outcomes.filter((o) => o.requestId === row.id),
      }));
    },

    async assignments(db: Executor, meetingId: string): Promise<AssignmentRow[]> {
      return db.select().from(meetingAssignments).where(eq(meetingAssignments.meetingId, meetingId));
    },

    async agreementIds(db: Executor, meetingId: string): Promise<string[]> {
      const rows = await db
        .select({ id: meetingAgreements.agreementId })
        .from(meetingAgreements)
        .where(eq(meetingAgreements.meetingId, meetingId));
      return rows.map((r) => r.id);
    },
  };
}

export type MeetingRepository = ReturnType<typeof createMeetingRepository>;
