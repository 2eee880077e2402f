// Propose, edit, read, list and move agreements; every change goes through the journal with its event.
import type {
  AgreementDetail,
  AgreementListQuery,
  AgreementTransition,
  AgreementUpdate,
  NewAgreement,
  PartyInput,
  TimelineEvent,
  TimelineQuery,
} from '@coop/shared';
import type { Database } from '../../db/client.js';
import { createTotals } from '../../db/figure-cache.js';
import { agreementConfirmations, agreements } from '../../db/schema/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import {
  multiPartyEnding,
  requireActor,
  type AccessPolicy,
  type AgreementPermission,
} from '../access/policy.js';
import type { Page } from '../listings/service.js';
import type { NotificationService } from '../notifications/service.js';
import { changedFields, updateVersioned, versionConflict } from './changes.js';
import { platformDate } from './dates.js';
import { agreementSnapshot, toAgreement, toAttachment, toTimelineEvent } from './dto.js';
import { createExpiryCheck } from './expiry.js';
import { checkPeriod, csv, trimmed, withoutUndefined } from './input.js';
import type { Journal } from './journal.js';
import { agreeMatch, lockMatch } from './match-link.js';
import { cleanParties, partyOf, withSignatories } from './parties.js';
import { createAgreementRepository, type AgreementRecord } from './repository.js';
import { ENDING_ACTIONS, FINAL_STATUSES, nextStatus, permissionFor, UNSIGNED_STATUSES } from './status.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  journal: Journal;
  /** Parties hear of agreements nearing their end. */
  notifications: NotificationService;
}

/** The columns a create or update body sets, cleaned; absent fields stay absent. */
const termsOf = (
  body: Partial<Pick<NewAgreement, 'title' | 'description' | 'startDate' | 'endDate' | 'valueYuan' | 'type'>>,
) =>
  withoutUndefined({
    type: body.type,
    title: body.title?.trim(),
    description: trimmed(body.description),
    startDate: body.startDate,
    endDate: body.endDate,
    valueYuan: body.valueYuan,
  });

const TERM = { start: 'startDate', end: 'endDate' };

export function createAgreementService({ db, access, journal, notifications }: Deps) {
  const repository = createAgreementRepository();
  const totals = createTotals(db);

  async function load(id: string) {
    const record = await repository.get(db, id);
    if (!record) throw new NotFoundError('Agreement');
    return record;
  }

  async function checkParties(parties: PartyInput[]) {
    return cleanParties(
      parties,
      await repository.existingOrgs(
        db,
        parties.map((p) => p.orgId),
      ),
    );
  }

  async function detail(actor: Actor | null, id: string): Promise<AgreementDetail> {
    const record = await load(id);
    access.requireAgreement(actor, 'agreement.read', record.facts);
    const [attachments, confirmations] = await Promise.all([
      repository.attachments(db, id),
      repository.confirmations(db, id),
    ]);
    return {
      ...toAgreement(record, actor),
      attachments: attachments.map(toAttachment),
      confirmations: confirmations.map((c) => ({
        action: c.action,
        orgId: c.orgId,
        confirmedAt: c.confirmedAt.toISOString(),
      })),
    };
  }

  /**
   * A party's administrator confirms ending a multi-party agreement. Answers true when this was the last party
   * to confirm (the move then goes ahead), false when others are still awaited (they hear of it).
   */
  async function confirmEnding(caller: Actor, current: AgreementRecord, body: AgreementTransition) {
    const action = body.action as 'complete' | 'terminate';
    const { outbox, complete } = await journal.write(caller, async (tx, record) => {
      await tx
        .insert(agreementConfirmations)
        .values({
          agreementId: current.row.id,
          action,
          orgId: caller.orgId,
          confirmedBy: caller.userId,
          reason: body.reason?.trim() ?? null,
        })
        .onConflictDoNothing();
      await record({
        entityType: 'agreement',
        entityId: current.row.id,
        agreementId: current.row.id,
        action: `confirm_${action}`,
        after: withoutUndefined({ orgId: caller.orgId, reason: body.reason?.trim() }),
      });
      const confirmed = new Set(
        (await repository.confirmations(tx, current.row.id))
          .filter((c) => c.action === action)
          .map((c) => c.orgId),
      );
      const waiting = current.facts.partyOrgIds.filter((orgId) => !confirmed.has(orgId));
      const messages = waiting.length
        ? await notifications.notify(tx, {
            orgIds: waiting,
            kind: 'agreement_confirmation_requested',
            entityType: 'agreement',
            entityId: current.row.id,
            params: { title: current.row.title, action },
            except: caller.userId,
          })
        : [];
      return { outbox: messages, complete: waiting.length === 0 };
    });
    if (outbox.length) await notifications.deliver(outbox);
    return complete;
  }

  /** Refuses a stale version with the current state. */
  async function conflict(actor: Actor, id: string): Promise<never> {
    throw versionConflict('agreement', toAgreement(await load(id), actor));
  }

  return {
    repository,
    checkExpiry: createExpiryCheck({ db, repository, journal, notifications }),

    /** Loads an agreement and checks the caller may do this with it; projects and attachments ask here too. */
    async authorise(actor: Actor | null, id: string, permission: AgreementPermission, what = 'Agreement') {
      const record = await repository.get(db, id);
      if (!record) throw new NotFoundError(what);
      return { record, caller: access.requireAgreement(actor, permission, record.facts, what) };
    },

    get: detail,

    async list(
      actor: Actor | null,
      query: AgreementListQuery,
    ): Promise<Page<ReturnType<typeof toAgreement>>> {
      const caller = requireActor(actor);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const filter = {
        partyOrgId: query.org === 'mine' ? caller.orgId : query.org,
        statuses: csv(query.status),
        types: csv(query.type),
        q: query.q?.trim() || undefined,
      };
      const { records, total } = await repository.list(
        db,
        access.agreementScope(caller),
        filter,
        page,
        pageSize,
        totals,
      );
      return { items: records.map((record) => toAgreement(record, caller)), total, page, pageSize };
    },

    async create(actor: Actor | null, input: NewAgreement): Promise<AgreementDetail> {
      const parties = await checkParties(input.parties);
      const orgIds = parties.map((p) => p.orgId);
      const partyAssociationIds = await repository.associationsOf(db, orgIds);
      const { caller, brokerOrgId } = access.requireAgreementCreation(actor, {
        partyOrgIds: orgIds,
        partyAssociationIds,
      });
      const terms = termsOf(input);
      checkPeriod(terms.startDate, terms.endDate, TERM);
      const id = await journal.write(caller, async (tx, record) => {
        const match = input.matchId ? await lockMatch(tx, input.matchId, orgIds) : null;
        const row = await repository.insert(tx, {
          ...terms,
          type: input.type,
          title: terms.title!,
          matchId: input.matchId ?? null,
          brokerOrgId,
          createdBy: caller.userId,
        });
        await repository.replaceParties(tx, row.id, parties);
        if (match) await agreeMatch(tx, caller, input.matchId!, row.id, match.stage);
        const created = (await repository.get(tx, row.id))!;
        await record({
          entityType: 'agreement',
          entityId: row.id,
          agreementId: row.id,
          action: 'created',
          after: agreementSnapshot(created),
        });
        return row.id;
      });
      return detail(caller, id);
    },

    async update(actor: Actor | null, id: string, patch: AgreementUpdate): Promise<AgreementDetail> {
      const current = await load(id);
      const caller = access.requireAgreement(actor, 'agreement.manage', current.facts);
      const { row } = current;
      if (FINAL_STATUSES.includes(row.status)) {
        throw new ConflictError('agreement_closed', `This agreement is ${row.status}; it no longer changes`);
      }
      if ((patch.type || patch.parties) && !UNSIGNED_STATUSES.includes(row.status)) {
        throw new ConflictError(
          'agreement_signed',
          'Parties and type are fixed once the agreement is signed',
        );
      }
      if (patch.version !== row.version) return conflict(caller, id);
      const parties = patch.parties && (await checkParties(patch.parties));
      if (parties) {
        // Nobody edits themselves out of an agreement they manage.
        const partyOrgIds = parties.map((p) => p.orgId);
        const partyAssociationIds = await repository.associationsOf(db, partyOrgIds);
        access.requireAgreement(caller, 'agreement.manage', {
          ...current.facts,
          partyOrgIds,
          partyAssociationIds,
        });
      }
      const terms = termsOf(patch);
      checkPeriod(
        'startDate' in terms ? terms.startDate : row.startDate,
        'endDate' in terms ? terms.endDate : row.endDate,
        TERM,
      );
      const change = changedFields({ ...row, parties: current.parties.map(partyOf) }, { ...terms, parties });
      if (!change) return detail(caller, id);
      const saved = await journal.write(caller, async (tx, record) => {
        // A moved end date is warned about again when it nears.
        const values = 'endDate' in change.after ? { ...terms, expiryWarnedAt: null } : terms;
        if (!(await updateVersioned(tx, agreements, id, patch.version, values))) return false;
        if (parties) await repository.replaceParties(tx, id, parties);
        await record({
          entityType: 'agreement',
          entityId: id,
          agreementId: id,
          action: 'updated',
          ...change,
        });
        return true;
      });
      if (!saved) return conflict(caller, id);
      return detail(caller, id);
    },

    async transition(actor: Actor | null, id: string, body: AgreementTransition): Promise<AgreementDetail> {
      const current = await load(id);
      const ending = ENDING_ACTIONS.includes(body.action) ? multiPartyEnding(actor, current.facts) : null;
      const caller = ending
        ? access.requireAgreement(actor, 'agreement.read', current.facts)
        : access.requireAgreement(actor, permissionFor(body.action), current.facts);
      if (ending === 'refused') {
        throw new ForbiddenError(
          'An agreement of three or more parties is completed or terminated by every party confirming it, or by its brokering coordinator',
        );
      }
      if (body.version !== current.row.version) return conflict(caller, id);
      const to = nextStatus(current.row.status, body);
      if (ending === 'confirm') {
        const done = await confirmEnding(caller, current, body);
        if (!done) return detail(caller, id);
      }
      const signing = body.action === 'sign';
      const parties = signing ? withSignatories(current.parties, body.signatories) : null;
      const signedOn = signing ? (body.signedOn ?? platformDate()) : undefined;
      const values = withoutUndefined({ status: to, signedOn });
      const saved = await journal.write(caller, async (tx, record) => {
        if (!(await updateVersioned(tx, agreements, id, body.version, values))) return false;
        if (parties) await repository.replaceParties(tx, id, parties);
        if (ENDING_ACTIONS.includes(body.action)) await repository.clearConfirmations(tx, id);
        await record({
          entityType: 'agreement',
          entityId: id,
          agreementId: id,
          action: body.action,
          before: { status: current.row.status },
          after: withoutUndefined({
            status: to,
            signedOn,
            signatories: parties ?? undefined,
            reason: body.reason?.trim(),
          }),
        });
        return true;
      });
      if (!saved) return conflict(caller, id);
      return detail(caller, id);
    },

    async timeline(actor: Actor | null, id: string, query: TimelineQuery): Promise<Page<TimelineEvent>> {
      access.requireAgreement(actor, 'agreement.read', (await load(id)).facts);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const { rows, total } = await journal.timeline(id, query.projectId, page, pageSize);
      const items = rows.map(toTimelineEvent);
      return { items, total, page, pageSize };
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
