// Docking meetings: set-up, invitations, requests, the schedule, the day itself and outcomes.
// Every change is one transaction with its event; people hear of what concerns them after commit.
import {
  MEETING_ACTIONS,
  type AttendanceBody,
  type Meeting,
  type MeetingAction,
  type MeetingFigures,
  type MeetingInvitation,
  type MeetingListQuery,
  type MeetingRequest,
  type MeetingStatus,
  type MeetingTransition,
  type MeetingUpdate,
  type NewMeeting,
  type NewMeetingRequest,
  type OutcomeBody,
  type Participant,
  type ParticipantUpdate,
  type PlacementBody,
  type RequestAnswer,
  type RequestListQuery,
  type ScheduleBody,
  type ScheduleRun,
  type Suggestion,
  type WalkIn,
} from '@coop/shared';
import { and, count, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Executor, Transaction } from '../../db/client.js';
import {
  capabilities,
  matches,
  meetingAgreements,
  meetingAssignments,
  meetingOutcomes,
  meetingParticipants,
  meetingRequests,
  meetings,
  needs,
  organizations,
} from '../../db/schema/index.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import {
  meetingRole,
  requireActor,
  type AccessPolicy,
  type MeetingNeed,
  type MeetingRole,
} from '../access/policy.js';
import { platformDate } from '../agreements/dates.js';
import { invalid, trimmed, withoutUndefined } from '../agreements/input.js';
import { recordEvent } from '../events/repository.js';
import { regionPrefix } from '../listings/repository.js';
import type { Page } from '../listings/service.js';
import type { NotificationService, NotifyInput } from '../notifications/service.js';
import type { NotificationMessage } from '../notifications/sender.js';
import { progressMatch } from './match-progress.js';
import {
  createMeetingRepository,
  type MeetingRecord,
  type ParticipantView,
  type RequestView,
} from './repository.js';
import { schedule } from './scheduler.js';
import { checkSlots } from './slots.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  notifications: NotificationService;
}

const MOVES: Record<MeetingAction, { from: MeetingStatus[]; to: MeetingStatus }> = {
  open: { from: ['draft'], to: 'open' },
  start_scheduling: { from: ['open'], to: 'scheduling' },
  publish: { from: ['scheduling', 'scheduled'], to: 'scheduled' },
  hold: { from: ['scheduled'], to: 'held' },
  close: { from: ['held'], to: 'closed' },
};
/** Set-up (terms, invitations) changes until scheduling starts. */
const SETTING_UP: MeetingStatus[] = ['draft', 'open'];
/** Requests are made and answered while registration is open, and by the organiser while scheduling. */
const REQUESTING: MeetingStatus[] = ['open', 'scheduling'];
const SCHEDULING: MeetingStatus[] = ['scheduling', 'scheduled'];
/** The day: check-in, attendance, walk-ins. */
const ON_THE_DAY: MeetingStatus[] = ['scheduled', 'held'];
const AFTER_THE_DAY: MeetingStatus[] = ['scheduled', 'held', 'closed'];

const conflict = (code: string, message: string, details?: unknown) =>
  new ConflictError(code, message, details);
const requireStatus = (record: MeetingRecord, allowed: MeetingStatus[], doing: string) => {
  if (!allowed.includes(record.row.status)) {
    throw conflict('meeting_status', `Cannot ${doing} while the meeting is ${record.row.status}`, {
      status: record.row.status,
    });
  }
};

export function createMeetingService({ db, access, notifications }: Deps) {
  const repository = createMeetingRepository();

  async function load(id: string, executor: Executor = db, lock = false) {
    const record = await repository.get(executor, id, lock);
    if (!record) throw new NotFoundError('Meeting');
    return record;
  }

  /** The caller's own participation (or none). */
  const mine = (record: MeetingRecord, actor: Actor) =>
    record.participants.find((p) => p.orgId === actor.orgId);

  /** One transaction; messages written in it are delivered after commit. */
  async function write<T>(
    work: (tx: Transaction, notify: (input: NotifyInput) => Promise<void>) => Promise<T>,
  ) {
    const outbox: NotificationMessage[] = [];
    const result = await db.transaction((tx) =>
      work(tx, async (input) => {
        outbox.push(...(await notifications.notify(tx, input)));
      }),
    );
    if (outbox.length) await notifications.deliver(outbox);
    return result;
  }

  const event = (
    tx: Executor,
    actor: Actor,
    entityType: string,
    entityId: string,
    action: string,
    after?: unknown,
    before?: unknown,
  ) =>
    recordEvent(tx, {
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      entityType,
      entityId,
      action,
      after,
      before,
    });

  function present(record: MeetingRecord, actor: Actor, role: MeetingRole): Meeting {
    const { row } = record;
    return {
      id: row.id,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      date: row.date,
      venue: row.venue,
      programme: row.programme,
      slotMinutes: row.slotMinutes,
      slotStarts: row.slotStarts,
      tableCount: row.tableCount,
      registrationDeadline: row.registrationDeadline,
      requestLimit: row.requestLimit,
      followUpMonths: row.followUpMonths,
      organiser: record.organiser,
      status: row.status,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      role,
      myParticipantId: mine(record, actor)?.id ?? null,
      allowedActions:
        role === 'organiser' ? MEETING_ACTIONS.filter((a) => MOVES[a].from.includes(row.status)) : [],
      participantCount: record.participants.length,
      version: row.version,
    };
  }

  const presentRequest = (view: RequestView, actor: Actor, role: MeetingRole): MeetingRequest => ({
    id: view.row.id,
    from: { participantId: view.from.id, org: view.from.org },
    to: { participantId: view.to.id, org: view.to.org },
    purpose: view.row.purpose,
    priority: view.row.priority,
    status: view.row.status,
    matchId: view.row.matchId,
    walkIn: view.row.walkIn,
    placement: view.assignment && {
      slot: view.assignment.slot,
      table: view.assignment.tableNo,
      fixed: view.assignment.fixed,
      attendance: view.assignment.attendance,
    },
    outcomes: view.outcomes.map((o) => ({
      orgId: o.orgId,
      phase: o.phase,
      outcome: o.outcome,
      note: o.note,
    })),
    canAnswer: view.row.status === 'requested' && (role === 'organiser' || view.to.orgId === actor.orgId),
    createdAt: view.row.createdAt.toISOString(),
  });

  function checkTerms(
    terms: Partial<Pick<NewMeeting, 'slotStarts' | 'slotMinutes' | 'date' | 'registrationDeadline'>>,
    current?: MeetingRecord['row'],
  ) {
    const slotStarts = terms.slotStarts ?? current?.slotStarts;
    const slotMinutes = terms.slotMinutes ?? current?.slotMinutes;
    if (slotStarts && slotMinutes) checkSlots(slotStarts, slotMinutes);
    const date = terms.date ?? current?.date;
    const deadline = terms.registrationDeadline ?? current?.registrationDeadline;
    if (date && deadline && deadline > date) {
      throw invalid('body.registrationDeadline', 'must not be after the meeting date');
    }
  }

  /** The participant a request body names, which must be invited to this meeting. */
  function participantOf(record: MeetingRecord, id: string, field: string): ParticipantView {
    const participant = record.participants.find((p) => p.id === id);
    if (!participant) throw invalid(field, 'is not a participant invited to this meeting', 'unknown_value');
    return participant;
  }

  async function requestIn(
    record: MeetingRecord,
    requestId: string,
    executor: Executor = db,
  ): Promise<RequestView> {
    const [view] = await repository.requests(executor, record.row.id, undefined, [requestId]);
    if (!view) throw new NotFoundError('Meeting request');
    return view;
  }

  /** Checks a cell for one meeting: slot and table exist, both sides free and available, the table empty. */
  async function checkCell(
    tx: Executor,
    record: MeetingRecord,
    sides: ParticipantView[],
    slot: number,
    table: number,
    exceptRequestId?: string,
  ) {
    if (slot >= record.row.slotStarts.length) {
      throw invalid(
        'body.slot',
        `is not a slot of this meeting (it has ${record.row.slotStarts.length})`,
        'too_large',
      );
    }
    if (table > record.row.tableCount) {
      throw invalid(
        'body.table',
        `is not a table of this meeting (it has ${record.row.tableCount})`,
        'too_large',
      );
    }
    for (const side of sides) {
      if (side.availableSlots && !side.availableSlots.includes(slot)) {
        throw invalid('body.slot', `is a slot ${side.org.nameZh} is not available in`);
      }
    }
    const taken = await tx
      .select({
        requestId: meetingAssignments.requestId,
        tableNo: meetingAssignments.tableNo,
        from: meetingRequests.fromParticipantId,
        to: meetingRequests.toParticipantId,
      })
      .from(meetingAssignments)
      .innerJoin(meetingRequests, eq(meetingRequests.id, meetingAssignments.requestId))
      .where(
        and(
          eq(meetingAssignments.meetingId, record.row.id),
          eq(meetingAssignments.slot, slot),
          exceptRequestId ? ne(meetingAssignments.requestId, exceptRequestId) : undefined,
        ),
      );
    if (taken.some((t) => t.tableNo === table)) {
      throw conflict('table_taken', `Table ${table} already has a meeting in this slot`, {
        field: 'body.table',
      });
    }
    const busy = sides.find((side) => taken.some((t) => t.from === side.id || t.to === side.id));
    if (busy) {
      throw conflict('participant_busy', `${busy.org.nameZh} already has a meeting in this slot`, {
        field: 'body.slot',
        participantId: busy.id,
      });
    }
  }

  /** After publishing, the two sides of each changed meeting hear of it. */
  async function notifyChanges(
    record: MeetingRecord,
    notify: (input: NotifyInput) => Promise<void>,
    changed: RequestView[],
    actor: Actor,
  ) {
    if (!record.row.publishedAt) return;
    for (const view of changed) {
      await notify({
        orgIds: [view.from.orgId, view.to.orgId],
        kind: 'meeting_schedule_changed',
        entityType: 'meeting',
        entityId: record.row.id,
        params: {
          meetingTitle: record.row.titleZh,
          meetingTitleEn: record.row.titleEn,
          requestId: view.row.id,
        },
        except: actor.userId,
      });
    }
  }

  return {
    repository,
    load,
    /** Requests with their sides, cells and outcomes (one participant's, or all). */
    requestViews: (id: string, participantId?: string) => repository.requests(db, id, participantId),

    /** Loads a meeting and the caller's standing; others see nothing of it. */
    async authorise(actor: Actor | null, id: string, need: MeetingNeed = 'participant') {
      const record = await load(id);
      return { record, ...access.requireMeeting(actor, record.facts, need) };
    },

    async create(actor: Actor | null, input: NewMeeting): Promise<Meeting> {
      const caller = requireActor(actor);
      const organiserOrgId = input.organiserOrgId ?? caller.orgId;
      access.requireMeetingCreation(caller, organiserOrgId);
      checkTerms(input);
      const id = await write(async (tx) => {
        const [row] = await tx
          .insert(meetings)
          .values({
            titleZh: input.titleZh.trim(),
            titleEn: input.titleEn.trim(),
            date: input.date,
            venue: input.venue.trim(),
            programme: trimmed(input.programme) ?? null,
            slotMinutes: input.slotMinutes,
            slotStarts: input.slotStarts,
            tableCount: input.tableCount,
            registrationDeadline: input.registrationDeadline,
            ...withoutUndefined({ requestLimit: input.requestLimit, followUpMonths: input.followUpMonths }),
            organiserOrgId,
            createdBy: caller.userId,
          })
          .returning();
        await event(tx, caller, 'meeting', row!.id, 'created', row);
        return row!.id;
      });
      return present(await load(id), caller, 'organiser');
    },

    async list(actor: Actor | null, query: MeetingListQuery): Promise<Page<Meeting>> {
      const caller = requireActor(actor);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      // Without a role asked for, officers and coordinators also see the meetings they oversee (read-only).
      const oversight = query.role ? null : access.oversightScope(caller);
      const scope =
        oversight?.kind === 'all'
          ? ('all' as const)
          : {
              organiserOrgId: query.role === 'participant' ? undefined : caller.orgId,
              participantOrgId: query.role === 'organiser' ? undefined : caller.orgId,
              ...(oversight?.kind === 'region' ? { regionPrefix: regionPrefix(oversight.regionCode) } : {}),
              ...(oversight?.kind === 'association' ? { associationId: oversight.associationId } : {}),
            };
      const { ids, total } = await repository.list(db, scope, query.status, page, pageSize);
      const records = await Promise.all(ids.map((id) => load(id)));
      const items = records.flatMap((record) => {
        const role = meetingRole(caller, record.facts);
        return role ? [present(record, caller, role)] : [];
      });
      return { items, total, page, pageSize };
    },

    async get(actor: Actor | null, id: string): Promise<Meeting> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts, 'read');
      return present(record, caller, role);
    },

    async update(actor: Actor | null, id: string, patch: MeetingUpdate): Promise<Meeting> {
      const record = await load(id);
      const { caller } = access.requireMeeting(actor, record.facts, 'organiser');
      requireStatus(record, SETTING_UP, 'change the terms');
      if (patch.version !== record.row.version) {
        throw conflict('version_conflict', 'Someone changed this meeting since you opened it', {
          current: present(record, caller, 'organiser'),
        });
      }
      const { version, ...terms } = patch;
      checkTerms(terms, record.row);
      if (terms.slotStarts && terms.slotStarts.length < record.row.slotStarts.length) {
        const late = record.participants.find((p) =>
          p.availableSlots?.some((s) => s >= terms.slotStarts!.length),
        );
        if (late)
          throw invalid(
            'body.slotStarts',
            `would drop slots ${late.org.nameZh} said it is available in`,
            'too_few',
          );
      }
      const values = withoutUndefined({
        ...terms,
        titleZh: terms.titleZh?.trim(),
        titleEn: terms.titleEn?.trim(),
        venue: terms.venue?.trim(),
        programme: trimmed(terms.programme),
      });
      await write(async (tx) => {
        const updated = await tx
          .update(meetings)
          .set({ ...values, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
          .where(and(eq(meetings.id, id), eq(meetings.version, version)))
          .returning({ id: meetings.id });
        if (updated.length === 0)
          throw conflict('version_conflict', 'Someone changed this meeting since you opened it');
        await event(tx, caller, 'meeting', id, 'updated', values);
      });
      return present(await load(id), caller, 'organiser');
    },

    async transition(actor: Actor | null, id: string, body: MeetingTransition): Promise<Meeting> {
      const record = await load(id);
      const { caller } = access.requireMeeting(actor, record.facts, 'organiser');
      const move = MOVES[body.action];
      if (!move.from.includes(record.row.status)) {
        throw conflict('invalid_transition', `Cannot ${body.action} a meeting that is ${record.row.status}`, {
          status: record.row.status,
        });
      }
      if (body.version !== record.row.version) {
        throw conflict('version_conflict', 'Someone changed this meeting since you opened it', {
          current: present(record, caller, 'organiser'),
        });
      }
      await write(async (tx, notify) => {
        const firstPublication = body.action === 'publish' && !record.row.publishedAt;
        const updated = await tx
          .update(meetings)
          .set({
            status: move.to,
            version: sql`${meetings.version} + 1`,
            updatedAt: new Date(),
            ...(firstPublication ? { publishedAt: new Date() } : {}),
          })
          .where(and(eq(meetings.id, id), eq(meetings.version, body.version)))
          .returning({ id: meetings.id });
        if (updated.length === 0)
          throw conflict('version_conflict', 'Someone changed this meeting since you opened it');
        let expired = 0;
        if (body.action === 'start_scheduling') {
          // Unanswered requests expire: the schedule works from accepted ones only.
          const rows = await tx
            .update(meetingRequests)
            .set({ status: 'expired', answeredAt: new Date() })
            .where(and(eq(meetingRequests.meetingId, id), eq(meetingRequests.status, 'requested')))
            .returning({ id: meetingRequests.id });
          expired = rows.length;
        }
        await event(
          tx,
          caller,
          'meeting',
          id,
          body.action,
          { status: move.to, expired },
          { status: record.row.status },
        );
        const accepted = record.participants.filter((p) => p.status === 'accepted').map((p) => p.orgId);
        if (body.action === 'open' || body.action === 'publish') {
          await notify({
            orgIds: body.action === 'open' ? record.participants.map((p) => p.orgId) : accepted,
            kind: body.action === 'open' ? 'meeting_invitation' : 'meeting_schedule',
            entityType: 'meeting',
            entityId: id,
            params: {
              meetingTitle: record.row.titleZh,
              meetingTitleEn: record.row.titleEn,
              date: record.row.date,
            },
            except: caller.userId,
          });
        }
      });
      return present(await load(id), caller, 'organiser');
    },

    // ---- participants

    async participants(actor: Actor | null, id: string): Promise<Participant[]> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts, 'read');
      const sent = await db
        .select({ id: meetingRequests.fromParticipantId, value: count() })
        .from(meetingRequests)
        .where(and(eq(meetingRequests.meetingId, id), ne(meetingRequests.status, 'declined')))
        .groupBy(meetingRequests.fromParticipantId);
      // Participants see who else takes part (to ask for meetings), not their delegates or availability.
      return record.participants.map((p) => {
        const full = role !== 'participant' || p.orgId === caller.orgId;
        return {
          id: p.id,
          org: p.org,
          status: p.status,
          delegates: full ? (p.delegates as Participant['delegates']) : [],
          needIds: p.needIds,
          capabilityIds: p.capabilityIds,
          availableSlots: full ? p.availableSlots : null,
          checkedInAt: p.checkedInAt?.toISOString() ?? null,
          requestsSent: sent.find((s) => s.id === p.id)?.value ?? 0,
        };
      });
    },

    async invite(actor: Actor | null, id: string, body: MeetingInvitation): Promise<Participant[]> {
      const record = await load(id);
      const { caller } = access.requireMeeting(actor, record.facts, 'organiser');
      requireStatus(record, SETTING_UP, 'invite');
      const orgIds = body.orgIds;
      const repeated = orgIds.findIndex((orgId, index) => orgIds.indexOf(orgId) !== index);
      if (repeated >= 0)
        throw invalid(`body.orgIds.${repeated}`, 'names an organisation already listed', 'duplicate');
      const known = await db
        .select({ id: organizations.id, kind: organizations.kind })
        .from(organizations)
        .where(inArray(organizations.id, orgIds));
      for (const [index, orgId] of orgIds.entries()) {
        const org = known.find((k) => k.id === orgId);
        if (!org) throw invalid(`body.orgIds.${index}`, 'is not a known organisation', 'unknown_value');
        if (org.kind === 'government' || org.kind === 'association') {
          throw invalid(`body.orgIds.${index}`, 'is not an enterprise, college or institute', 'not_allowed');
        }
        if (orgId === record.row.organiserOrgId)
          throw invalid(`body.orgIds.${index}`, 'is the organiser itself', 'not_allowed');
      }
      const fresh = orgIds.filter((orgId) => !record.facts.participantOrgIds.includes(orgId));
      await write(async (tx, notify) => {
        if (fresh.length === 0) return;
        const rows = await tx
          .insert(meetingParticipants)
          .values(fresh.map((orgId) => ({ meetingId: id, orgId })))
          .returning({ id: meetingParticipants.id, orgId: meetingParticipants.orgId });
        for (const row of rows)
          await event(tx, caller, 'meeting_participant', row.id, 'invited', {
            meetingId: id,
            orgId: row.orgId,
          });
        // Invitations go out now if registration is open, else when it opens.
        if (record.row.status === 'open') {
          await notify({
            orgIds: fresh,
            kind: 'meeting_invitation',
            entityType: 'meeting',
            entityId: id,
            params: {
              meetingTitle: record.row.titleZh,
              meetingTitleEn: record.row.titleEn,
              date: record.row.date,
            },
          });
        }
      });
      return this.participants(caller, id);
    },

    async updateParticipant(
      actor: Actor | null,
      id: string,
      participantId: string,
      patch: ParticipantUpdate,
    ): Promise<Participant> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts);
      const participant = record.participants.find((p) => p.id === participantId);
      if (!participant) throw new NotFoundError('Participant');
      if (role !== 'organiser' && participant.orgId !== caller.orgId) {
        throw new NotFoundError('Participant');
      }
      if (patch.status) requireStatus(record, ['draft', 'open'], 'answer the invitation');
      const slotCount = record.row.slotStarts.length;
      patch.availableSlots?.forEach((slot, index) => {
        if (slot >= slotCount)
          throw invalid(
            `body.availableSlots.${index}`,
            `is not a slot of this meeting (it has ${slotCount})`,
            'too_large',
          );
      });
      for (const [field, table] of [
        ['needIds', needs],
        ['capabilityIds', capabilities],
      ] as const) {
        const listed = patch[field];
        if (!listed?.length) continue;
        const own = await db
          .select({ id: table.id })
          .from(table)
          .where(and(inArray(table.id, listed), eq(table.orgId, participant.orgId)));
        const stray = listed.findIndex((listingId) => !own.some((o) => o.id === listingId));
        if (stray >= 0)
          throw invalid(`body.${field}.${stray}`, 'is not a listing of this participant', 'unknown_value');
      }
      const values = withoutUndefined({
        status: patch.status,
        delegates: patch.delegates?.map((d) => ({ name: d.name.trim(), title: trimmed(d.title) ?? null })),
        needIds: patch.needIds,
        capabilityIds: patch.capabilityIds,
        availableSlots:
          patch.availableSlots === undefined
            ? undefined
            : patch.availableSlots && [...new Set(patch.availableSlots)].sort((a, b) => a - b),
      });
      await write(async (tx, notify) => {
        await tx.update(meetingParticipants).set(values).where(eq(meetingParticipants.id, participantId));
        await event(tx, caller, 'meeting_participant', participantId, patch.status ?? 'updated', values, {
          status: participant.status,
        });
        if (patch.status && patch.status !== participant.status) {
          await notify({
            orgIds: [record.row.organiserOrgId],
            kind: 'meeting_invitation_answered',
            entityType: 'meeting',
            entityId: id,
            params: {
              meetingTitle: record.row.titleZh,
              meetingTitleEn: record.row.titleEn,
              orgName: participant.org.nameZh,
              answer: patch.status,
            },
            except: caller.userId,
          });
        }
      });
      return (await this.participants(caller, id)).find((p) => p.id === participantId)!;
    },

    async checkIn(actor: Actor | null, id: string, participantId: string): Promise<Participant> {
      const record = await load(id);
      const { caller } = access.requireMeeting(actor, record.facts, 'organiser');
      requireStatus(record, ON_THE_DAY, 'check in');
      const participant = record.participants.find((p) => p.id === participantId);
      if (!participant) throw new NotFoundError('Participant');
      await write(async (tx) => {
        await tx
          .update(meetingParticipants)
          .set({ checkedInAt: new Date() })
          .where(eq(meetingParticipants.id, participantId));
        await event(tx, caller, 'meeting_participant', participantId, 'checked_in', { meetingId: id });
      });
      return (await this.participants(caller, id)).find((p) => p.id === participantId)!;
    },

    // ---- requests

    /** Pairs the matching engine found between participants' listings (those they bring, else all they hold). */
    async suggestions(actor: Actor | null, id: string): Promise<Suggestion[]> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts, 'read');
      const present = record.participants.filter((p) => p.status !== 'declined');
      if (present.length < 2) return [];
      const byOrg = new Map(present.map((p) => [p.orgId, p]));
      const capability = alias(capabilities, 'capability');
      const rows = await db
        .select({
          matchId: matches.id,
          score: matches.score,
          reasons: matches.reasons,
          needId: needs.id,
          needTitle: needs.title,
          needOrgId: needs.orgId,
          capabilityId: capability.id,
          capabilityTitle: capability.title,
          capabilityOrgId: capability.orgId,
        })
        .from(matches)
        .innerJoin(needs, eq(needs.id, matches.needId))
        .innerJoin(capability, eq(capability.id, matches.capabilityId))
        .where(
          and(
            inArray(needs.orgId, [...byOrg.keys()]),
            inArray(capability.orgId, [...byOrg.keys()]),
            ne(matches.stage, 'declined'),
          ),
        )
        .orderBy(sql`${matches.score} desc`, matches.id)
        .limit(500);
      const existing = await db
        .select({ from: meetingRequests.fromParticipantId, to: meetingRequests.toParticipantId })
        .from(meetingRequests)
        .where(eq(meetingRequests.meetingId, id));
      const requested = (a: string, b: string) =>
        existing.some((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));
      const brings = (p: ParticipantView, listingId: string, side: 'need' | 'capability') => {
        const list = side === 'need' ? p.needIds : p.capabilityIds;
        return p.needIds.length + p.capabilityIds.length === 0 || list.includes(listingId);
      };
      return rows.flatMap((row) => {
        const needSide = byOrg.get(row.needOrgId)!;
        const capabilitySide = byOrg.get(row.capabilityOrgId)!;
        if (needSide.id === capabilitySide.id) return [];
        if (!brings(needSide, row.needId, 'need') || !brings(capabilitySide, row.capabilityId, 'capability'))
          return [];
        if (role !== 'organiser' && caller.orgId !== row.needOrgId && caller.orgId !== row.capabilityOrgId)
          return [];
        return [
          {
            matchId: row.matchId,
            score: row.score,
            reasons: row.reasons,
            needTitle: row.needTitle,
            capabilityTitle: row.capabilityTitle,
            needSide: { participantId: needSide.id, org: needSide.org },
            capabilitySide: { participantId: capabilitySide.id, org: capabilitySide.org },
            requested: requested(needSide.id, capabilitySide.id),
          },
        ];
      });
    },

    async requests(actor: Actor | null, id: string, query: RequestListQuery): Promise<Page<MeetingRequest>> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts, 'read');
      const own = role === 'participant' ? mine(record, caller)!.id : undefined;
      const views = (await repository.requests(db, id, own)).filter(
        (v) => !query.status || v.row.status === query.status,
      );
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 100;
      const items = views
        .slice((page - 1) * pageSize, page * pageSize)
        .map((v) => presentRequest(v, caller, role));
      return { items, total: views.length, page, pageSize };
    },

    async createRequest(actor: Actor | null, id: string, body: NewMeetingRequest): Promise<MeetingRequest> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts);
      requireStatus(record, role === 'organiser' ? REQUESTING : ['open'], 'request meetings');
      let from: ParticipantView;
      if (body.fromParticipantId) {
        from = participantOf(record, body.fromParticipantId, 'body.fromParticipantId');
        if (role !== 'organiser' && from.orgId !== caller.orgId) {
          throw invalid(
            'body.fromParticipantId',
            'is not your organisation: you request meetings for yourself',
            'not_allowed',
          );
        }
      } else {
        const own = mine(record, caller);
        if (!own)
          throw invalid(
            'body.fromParticipantId',
            'is required: the organiser names the requesting side',
            'required',
          );
        from = own;
      }
      const to = participantOf(record, body.toParticipantId, 'body.toParticipantId');
      if (to.id === from.id) throw invalid('body.toParticipantId', 'is the requesting side itself');
      for (const [side, field] of [
        [from, 'body.fromParticipantId'],
        [to, 'body.toParticipantId'],
      ] as const) {
        if (side.status === 'declined')
          throw invalid(field, `is ${side.org.nameZh}, which declined the invitation`, 'not_allowed');
      }
      if (body.matchId) await checkMatch(db, body.matchId, [from.orgId, to.orgId]);
      const created = await write(async (tx, notify) => {
        // The limit is checked under a lock on the meeting row, so two requests at once cannot both slip in.
        await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).for('update');
        const [sent] = await tx
          .select({ value: count() })
          .from(meetingRequests)
          .where(and(eq(meetingRequests.fromParticipantId, from.id), ne(meetingRequests.status, 'declined')));
        if ((sent?.value ?? 0) >= record.row.requestLimit) {
          throw conflict(
            'request_limit',
            `${from.org.nameZh} has sent the ${record.row.requestLimit} requests a participant may send`,
            {
              limit: record.row.requestLimit,
            },
          );
        }
        const [pair] = await tx
          .select({ id: meetingRequests.id })
          .from(meetingRequests)
          .where(
            and(
              eq(meetingRequests.meetingId, id),
              or(
                and(
                  eq(meetingRequests.fromParticipantId, from.id),
                  eq(meetingRequests.toParticipantId, to.id),
                ),
                and(
                  eq(meetingRequests.fromParticipantId, to.id),
                  eq(meetingRequests.toParticipantId, from.id),
                ),
              ),
            ),
          );
        if (pair)
          throw conflict('duplicate_request', 'These two participants already have a meeting request', {
            requestId: pair.id,
          });
        const [row] = await tx
          .insert(meetingRequests)
          .values({
            meetingId: id,
            fromParticipantId: from.id,
            toParticipantId: to.id,
            purpose: body.purpose.trim(),
            priority: body.priority ?? 0,
            matchId: body.matchId ?? null,
            createdBy: caller.userId,
          })
          .returning();
        await event(tx, caller, 'meeting_request', row!.id, 'requested', row);
        await notify({
          orgIds: [to.orgId],
          kind: 'meeting_request',
          entityType: 'meeting',
          entityId: id,
          params: {
            meetingTitle: record.row.titleZh,
            meetingTitleEn: record.row.titleEn,
            fromName: from.org.nameZh,
            fromNameEn: from.org.nameEn,
            purpose: row!.purpose,
          },
          except: caller.userId,
        });
        return row!.id;
      });
      return presentRequest(await requestIn(record, created), caller, role);
    },

    async answer(
      actor: Actor | null,
      id: string,
      requestId: string,
      body: RequestAnswer,
    ): Promise<MeetingRequest> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts);
      const view = await requestIn(record, requestId);
      if (role !== 'organiser' && view.from.orgId !== caller.orgId && view.to.orgId !== caller.orgId) {
        throw new NotFoundError('Meeting request');
      }
      if (role !== 'organiser' && view.to.orgId !== caller.orgId) {
        throw conflict('not_yours', 'Only the side that was asked answers a meeting request');
      }
      requireStatus(record, REQUESTING, 'answer requests');
      if (view.row.status !== 'requested') {
        throw conflict('invalid_transition', `This request is already ${view.row.status}`, {
          status: view.row.status,
        });
      }
      await write(async (tx, notify) => {
        const updated = await tx
          .update(meetingRequests)
          .set({ status: body.answer, answeredAt: new Date() })
          .where(and(eq(meetingRequests.id, requestId), eq(meetingRequests.status, 'requested')))
          .returning({ id: meetingRequests.id });
        if (updated.length === 0) throw conflict('invalid_transition', 'This request was answered meanwhile');
        await event(
          tx,
          caller,
          'meeting_request',
          requestId,
          body.answer,
          { status: body.answer },
          { status: 'requested' },
        );
        await notify({
          orgIds: [view.from.orgId],
          kind: 'meeting_request_answered',
          entityType: 'meeting',
          entityId: id,
          params: {
            meetingTitle: record.row.titleZh,
            meetingTitleEn: record.row.titleEn,
            toName: view.to.org.nameZh,
            toNameEn: view.to.org.nameEn,
            answer: body.answer,
          },
          except: caller.userId,
        });
      });
      return presentRequest(await requestIn(record, requestId), caller, role);
    },

    // ---- schedule

    /** Places accepted requests; meetings already placed stay (all, or only those fixed by hand). */
    async runSchedule(actor: Actor | null, id: string, body: ScheduleBody): Promise<ScheduleRun> {
      const { caller } = access.requireMeeting(actor, (await load(id)).facts, 'organiser');
      return write(async (tx, notify) => {
        const record = await load(id, tx, true);
        requireStatus(record, SCHEDULING, 'schedule');
        const views = (await repository.requests(tx, id)).filter((v) => v.row.status === 'accepted');
        const keepAll = (body.keep ?? 'all') === 'all';
        const pinned = views.flatMap((v) =>
          v.assignment && (keepAll || v.assignment.fixed)
            ? [{ requestId: v.row.id, slot: v.assignment.slot, table: v.assignment.tableNo }]
            : [],
        );
        const result = schedule({
          slotCount: record.row.slotStarts.length,
          tables: record.row.tableCount,
          participants: record.participants
            .filter((p) => p.status === 'accepted')
            .map((p) => ({ id: p.id, ...(p.availableSlots ? { available: p.availableSlots } : {}) })),
          requests: views.map((v) => ({ id: v.row.id, a: v.from.id, b: v.to.id, priority: v.row.priority })),
          pinned,
        });
        const before = new Map(
          views.flatMap((v) => (v.assignment ? [[v.row.id, v.assignment] as const] : [])),
        );
        const after = new Map(result.placements.map((p) => [p.requestId, p]));
        const changed = views.filter((v) => {
          const was = before.get(v.row.id);
          const now = after.get(v.row.id);
          return (was?.slot ?? -1) !== (now?.slot ?? -1) || (was?.tableNo ?? -1) !== (now?.table ?? -1);
        });
        // Rewrite the changed cells: out first (so cells free up), then in.
        const changedIds = changed.map((v) => v.row.id);
        if (changedIds.length) {
          await tx.delete(meetingAssignments).where(inArray(meetingAssignments.requestId, changedIds));
          const placedNow = changed.flatMap((v) => {
            const p = after.get(v.row.id);
            return p
              ? [
                  {
                    requestId: p.requestId,
                    meetingId: id,
                    slot: p.slot,
                    tableNo: p.table,
                    fixed: before.get(p.requestId)?.fixed ?? false,
                  },
                ]
              : [];
          });
          if (placedNow.length) await tx.insert(meetingAssignments).values(placedNow);
        }
        const run: ScheduleRun = {
          placed: result.placements.length,
          kept: pinned.length - result.unplaced.filter((u) => u.reason === 'pinned_conflict').length,
          unplaced: result.unplaced,
          gaps: result.gaps,
        };
        await event(tx, caller, 'meeting', id, 'scheduled', {
          ...run,
          unplaced: run.unplaced.length,
          changed: changedIds.length,
        });
        await notifyChanges(record, notify, changed, caller);
        return run;
      });
    },

    /** Puts a meeting in a cell by hand; the scheduler keeps it there. */
    async place(
      actor: Actor | null,
      id: string,
      requestId: string,
      body: PlacementBody,
    ): Promise<MeetingRequest> {
      const { caller, role } = access.requireMeeting(actor, (await load(id)).facts, 'organiser');
      await write(async (tx, notify) => {
        const record = await load(id, tx, true);
        requireStatus(record, SCHEDULING, 'move meetings');
        const view = await requestIn(record, requestId, tx);
        if (view.row.status !== 'accepted') {
          throw conflict('not_accepted', 'Only accepted requests have a place in the schedule', {
            status: view.row.status,
          });
        }
        await checkCell(tx, record, [view.from, view.to], body.slot, body.table, requestId);
        await tx
          .insert(meetingAssignments)
          .values({ requestId, meetingId: id, slot: body.slot, tableNo: body.table, fixed: true })
          .onConflictDoUpdate({
            target: meetingAssignments.requestId,
            set: { slot: body.slot, tableNo: body.table, fixed: true, updatedAt: new Date() },
          });
        await event(
          tx,
          caller,
          'meeting_request',
          requestId,
          'placed',
          body,
          view.assignment && { slot: view.assignment.slot, table: view.assignment.tableNo },
        );
        await notifyChanges(record, notify, [view], caller);
      });
      return presentRequest(await requestIn(await load(id), requestId), caller, role);
    },

    async attendance(
      actor: Actor | null,
      id: string,
      requestId: string,
      body: AttendanceBody,
    ): Promise<MeetingRequest> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts, 'organiser');
      requireStatus(record, ON_THE_DAY, 'mark attendance');
      const view = await requestIn(record, requestId);
      if (!view.assignment) throw conflict('not_scheduled', 'This request has no place in the schedule');
      await write(async (tx) => {
        await tx
          .update(meetingAssignments)
          .set({ attendance: body.attendance, updatedAt: new Date() })
          .where(eq(meetingAssignments.requestId, requestId));
        await event(tx, caller, 'meeting_request', requestId, body.attendance, body, {
          attendance: view.assignment!.attendance,
        });
      });
      return presentRequest(await requestIn(record, requestId), caller, role);
    },

    /** A meeting agreed on the day, put in a free cell. */
    async walkIn(actor: Actor | null, id: string, body: WalkIn): Promise<MeetingRequest> {
      const { caller, role } = access.requireMeeting(actor, (await load(id)).facts, 'organiser');
      const created = await write(async (tx) => {
        const record = await load(id, tx, true);
        requireStatus(record, ON_THE_DAY, 'add walk-in meetings');
        const from = participantOf(record, body.fromParticipantId, 'body.fromParticipantId');
        const to = participantOf(record, body.toParticipantId, 'body.toParticipantId');
        if (from.id === to.id) throw invalid('body.toParticipantId', 'is the requesting side itself');
        await checkCell(tx, record, [from, to], body.slot, body.table);
        const [existing] = await tx
          .select({ id: meetingRequests.id, status: meetingRequests.status })
          .from(meetingRequests)
          .where(
            and(
              eq(meetingRequests.meetingId, id),
              or(
                and(
                  eq(meetingRequests.fromParticipantId, from.id),
                  eq(meetingRequests.toParticipantId, to.id),
                ),
                and(
                  eq(meetingRequests.fromParticipantId, to.id),
                  eq(meetingRequests.toParticipantId, from.id),
                ),
              ),
            ),
          );
        let requestId = existing?.id;
        if (existing) {
          const [placed] = await tx
            .select()
            .from(meetingAssignments)
            .where(eq(meetingAssignments.requestId, existing.id));
          if (placed)
            throw conflict('already_scheduled', 'These two already have a meeting in the schedule', {
              requestId: existing.id,
            });
          await tx
            .update(meetingRequests)
            .set({ status: 'accepted', walkIn: true, answeredAt: new Date() })
            .where(eq(meetingRequests.id, existing.id));
        } else {
          const [row] = await tx
            .insert(meetingRequests)
            .values({
              meetingId: id,
              fromParticipantId: from.id,
              toParticipantId: to.id,
              purpose: body.purpose.trim(),
              status: 'accepted',
              walkIn: true,
              createdBy: caller.userId,
              answeredAt: new Date(),
            })
            .returning({ id: meetingRequests.id });
          requestId = row!.id;
        }
        await tx.insert(meetingAssignments).values({
          requestId: requestId!,
          meetingId: id,
          slot: body.slot,
          tableNo: body.table,
          fixed: true,
        });
        await event(tx, caller, 'meeting_request', requestId!, 'walk_in', body);
        return requestId!;
      });
      return presentRequest(await requestIn(await load(id), created), caller, role);
    },

    // ---- outcomes

    /** Either side says how it went; the match it came from moves on accordingly. */
    async recordOutcome(
      actor: Actor | null,
      id: string,
      requestId: string,
      body: OutcomeBody,
    ): Promise<MeetingRequest> {
      const record = await load(id);
      const { caller, role } = access.requireMeeting(actor, record.facts);
      const view = await requestIn(record, requestId);
      const side = [view.from, view.to].find((p) => p.orgId === caller.orgId);
      if (!side) {
        if (role === 'organiser')
          throw conflict('not_a_side', 'Only the two sides of a meeting record its outcome');
        throw new NotFoundError('Meeting request');
      }
      requireStatus(record, AFTER_THE_DAY, 'record outcomes');
      if (view.assignment?.attendance !== 'held') {
        throw conflict('not_held', 'Mark the meeting held before recording its outcome', {
          attendance: view.assignment?.attendance ?? null,
        });
      }
      const phase = body.phase ?? 'meeting';
      await write(async (tx) => {
        await tx
          .insert(meetingOutcomes)
          .values({
            requestId,
            orgId: caller.orgId,
            phase,
            outcome: body.outcome,
            note: trimmed(body.note) ?? null,
            recordedBy: caller.userId,
          })
          .onConflictDoUpdate({
            target: [meetingOutcomes.requestId, meetingOutcomes.orgId, meetingOutcomes.phase],
            set: {
              outcome: body.outcome,
              note: trimmed(body.note) ?? null,
              recordedBy: caller.userId,
              recordedAt: new Date(),
            },
          });
        const moved = view.row.matchId
          ? await progressMatch(tx, access, caller, view.row.matchId, body.outcome, id)
          : [];
        await event(tx, caller, 'meeting_request', requestId, 'outcome', {
          phase,
          outcome: body.outcome,
          matchMoved: moved,
        });
      });
      return presentRequest(await requestIn(record, requestId), caller, role);
    },

    /** Asks both sides of every held meeting how it went on, once, when the follow-up is due. */
    async askFollowUps(now: Date): Promise<number> {
      const today = platformDate(now);
      const due = await db
        .select()
        .from(meetings)
        .where(and(inArray(meetings.status, ['held', 'closed']), sql`${meetings.followUpAskedAt} is null`));
      let asked = 0;
      for (const row of due) {
        const [year, month, day] = row.date.split('-').map(Number);
        const dueOn = new Date(Date.UTC(year!, month! - 1 + row.followUpMonths, day!))
          .toISOString()
          .slice(0, 10);
        if (dueOn > today) continue;
        await write(async (tx, notify) => {
          const claimed = await tx
            .update(meetings)
            .set({ followUpAskedAt: now })
            .where(and(eq(meetings.id, row.id), sql`${meetings.followUpAskedAt} is null`))
            .returning({ id: meetings.id });
          if (claimed.length === 0) return;
          const held = (await repository.requests(tx, row.id)).filter(
            (v) => v.assignment?.attendance === 'held',
          );
          const orgIds = [...new Set(held.flatMap((v) => [v.from.orgId, v.to.orgId]))];
          await notify({
            orgIds,
            kind: 'meeting_follow_up',
            entityType: 'meeting',
            entityId: row.id,
            params: { meetingTitle: row.titleZh, meetingTitleEn: row.titleEn, months: row.followUpMonths },
          });
          await recordEvent(tx, {
            actorUserId: null,
            actorOrgId: null,
            entityType: 'meeting',
            entityId: row.id,
            action: 'follow_up_asked',
            after: { orgs: orgIds.length },
          });
          asked++;
        });
      }
      return asked;
    },

    /** The meeting's figures, computed from its rows. */
    async figures(actor: Actor | null, id: string): Promise<MeetingFigures> {
      const record = await load(id);
      access.requireMeeting(actor, record.facts, 'read');
      const [byStatus, byAttendance, outcomes, agreements] = await Promise.all([
        db
          .select({ status: meetingRequests.status, value: count() })
          .from(meetingRequests)
          .where(eq(meetingRequests.meetingId, id))
          .groupBy(meetingRequests.status),
        db
          .select({ attendance: meetingAssignments.attendance, value: count() })
          .from(meetingAssignments)
          .where(eq(meetingAssignments.meetingId, id))
          .groupBy(meetingAssignments.attendance),
        db
          .select({ outcome: meetingOutcomes.outcome, value: count() })
          .from(meetingOutcomes)
          .innerJoin(meetingRequests, eq(meetingRequests.id, meetingOutcomes.requestId))
          .where(and(eq(meetingRequests.meetingId, id), eq(meetingOutcomes.phase, 'meeting')))
          .groupBy(meetingOutcomes.outcome),
        db.select({ value: count() }).from(meetingAgreements).where(eq(meetingAgreements.meetingId, id)),
      ]);
      const status = (s: string) => byStatus.find((r) => r.status === s)?.value ?? 0;
      const attendance = (s: string) => byAttendance.find((r) => r.attendance === s)?.value ?? 0;
      return {
        requested: byStatus.reduce((sum, r) => sum + r.value, 0),
        accepted: status('accepted'),
        scheduled: byAttendance.reduce((sum, r) => sum + r.value, 0),
        held: attendance('held'),
        noShow: attendance('no_show'),
        outcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, o.value])),
        agreementsSigned: agreements[0]?.value ?? 0,
      };
    },
  };
}

/** A request's match must join the two sides' listings. */
async function checkMatch(db: Executor, matchId: string, orgIds: string[]) {
  const capability = alias(capabilities, 'capability');
  const [match] = await db
    .select({ needOrgId: needs.orgId, capabilityOrgId: capability.orgId })
    .from(matches)
    .innerJoin(needs, eq(needs.id, matches.needId))
    .innerJoin(capability, eq(capability.id, matches.capabilityId))
    .where(eq(matches.id, matchId));
  if (!match || !orgIds.includes(match.needOrgId) || !orgIds.includes(match.capabilityOrgId)) {
    throw new BadRequestError(
      'validation_failed',
      'body.matchId is not a match between these two participants',
      [{ field: 'body.matchId', problem: 'is not a match between these two participants', rule: 'invalid' }],
    );
  }
}

export type MeetingService = ReturnType<typeof createMeetingService>;
