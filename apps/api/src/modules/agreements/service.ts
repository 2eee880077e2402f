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
import { agreements } from '../../db/schema/index.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import { requireActor, type AccessPolicy, type AgreementPermission } from '../access/policy.js';
import type { Page } from '../listings/service.js';
import { changedFields, updateVersioned, versionConflict } from './changes.js';
import { platformDate } from './dates.js';
import { agreementSnapshot, toAgreement, toAttachment } from './dto.js';
import { createExpiryCheck } from './expiry.js';
import type { Journal } from './journal.js';
import { agreeMatch, lockMatch } from './match-link.js';
import { createAgreementRepository, type AgreementParty } from './repository.js';
import { FINAL_STATUSES, nextStatus, permissionFor, UNSIGNED_STATUSES } from './status.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  journal: Journal;
}

type Party = Required<PartyInput>;

const invalid = (field: string, problem: string) =>
  new BadRequestError('validation_failed', `${field} ${problem}`, [{ field, problem }]);
const csv = (value: string | undefined) => value?.split(',').filter(Boolean);
const trimmed = (text: string | null | undefined) => text?.trim() || null;
const withoutUndefined = <T extends object>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

/** The columns a create or update body sets, cleaned; absent fields stay absent. */
function termsOf(
  body: Partial<Pick<NewAgreement, 'title' | 'description' | 'startDate' | 'endDate' | 'valueYuan' | 'type'>>,
) {
  return withoutUndefined({
    type: body.type,
    title: body.title?.trim(),
    description: body.description === undefined ? undefined : trimmed(body.description),
    startDate: body.startDate,
    endDate: body.endDate,
    valueYuan: body.valueYuan,
  });
}

function checkTerm(startDate: string | null | undefined, endDate: string | null | undefined) {
  if (startDate && endDate && endDate < startDate)
    throw invalid('body.endDate', 'must not be before startDate');
}

const partyOf = (p: AgreementParty): Party => ({
  orgId: p.org.id,
  signatoryName: p.signatoryName,
  signatoryTitle: p.signatoryTitle,
});

export function createAgreementService({ db, access, journal }: Deps) {
  const repository = createAgreementRepository();

  async function load(id: string) {
    const record = await repository.get(db, id);
    if (!record) throw new NotFoundError('Agreement');
    return record;
  }

  /** Distinct, existing organisations, names trimmed. */
  async function checkParties(parties: PartyInput[], field = 'body.parties'): Promise<Party[]> {
    const ids = parties.map((p) => p.orgId);
    const repeated = ids.findIndex((id, index) => ids.indexOf(id) !== index);
    if (repeated >= 0) throw invalid(`${field}.${repeated}.orgId`, 'names an organisation already listed');
    const known = await repository.existingOrgs(db, ids);
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw invalid(`${field}.${unknown}.orgId`, 'is not a known organisation');
    return parties.map((p) => ({
      orgId: p.orgId,
      signatoryName: trimmed(p.signatoryName),
      signatoryTitle: trimmed(p.signatoryTitle),
    }));
  }

  /** Signing records each party's signatory: given now or before. */
  function signatories(current: AgreementParty[], given: AgreementTransition['signatories'] = []): Party[] {
    const parties = current.map(partyOf);
    for (const [index, signatory] of given.entries()) {
      const party = parties.find((p) => p.orgId === signatory.orgId);
      if (!party) throw invalid(`body.signatories.${index}.orgId`, 'is not a party of this agreement');
      party.signatoryName = signatory.signatoryName.trim();
      if (signatory.signatoryTitle !== undefined) party.signatoryTitle = trimmed(signatory.signatoryTitle);
    }
    const missing = current.filter((_, index) => !parties[index]!.signatoryName);
    if (missing.length > 0) {
      throw invalid(
        'body.signatories',
        `need a signatory for ${missing.map((p) => p.org.nameZh).join('、')}`,
      );
    }
    return parties;
  }

  async function detail(actor: Actor | null, id: string): Promise<AgreementDetail> {
    const record = await load(id);
    access.requireAgreement(actor, 'agreement.read', record.facts);
    const attachments = await repository.attachments(db, id);
    return { ...toAgreement(record, actor), attachments: attachments.map(toAttachment) };
  }

  /** Refuses a stale version with the current state. */
  async function conflict(actor: Actor, id: string): Promise<never> {
    throw versionConflict('agreement', toAgreement(await load(id), actor));
  }

  return {
    repository,
    checkExpiry: createExpiryCheck({ db, repository, journal }),

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
      checkTerm(terms.startDate, terms.endDate);
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
      checkTerm(
        'startDate' in terms ? terms.startDate : row.startDate,
        'endDate' in terms ? terms.endDate : row.endDate,
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
      const caller = access.requireAgreement(actor, permissionFor(body.action), current.facts);
      if (body.version !== current.row.version) return conflict(caller, id);
      const to = nextStatus(current.row.status, body);
      const signing = body.action === 'sign';
      const parties = signing ? signatories(current.parties, body.signatories) : null;
      const signedOn = signing ? (body.signedOn ?? platformDate()) : undefined;
      const saved = await journal.write(caller, async (tx, record) => {
        if (
          !(await updateVersioned(
            tx,
            agreements,
            id,
            body.version,
            withoutUndefined({ status: to, signedOn }),
          ))
        )
          return false;
        if (parties) await repository.replaceParties(tx, id, parties);
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
      const items = rows.map(({ displayName, orgNameZh, orgNameEn, actorUserId, actorOrgId, ...event }) => ({
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
      }));
      return { items, total, page, pageSize };
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
