// Matches for a need or a capability, ranked with reasons; the stage workflow; brokered introductions.
import type {
  IntroductionBody,
  ResponseBody,
  Match,
  MatchListQuery,
  MatchReason,
  MatchStage,
  MatchTransition,
} from '@coop/shared';
import { createHash } from 'node:crypto';
import type { Database, Executor } from '../../db/client.js';
import { capabilities, needs } from '../../db/schema/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import type { SearchFilter } from '../../search/port.js';
import type { Actor } from '../access/actor.js';
import { requireActor, type AccessPolicy } from '../access/policy.js';
import { capabilityDefinition } from '../capabilities/definition.js';
import { recordEvent } from '../events/repository.js';
import {
  createListingRepository,
  type CapabilityRow,
  type NeedRow,
  type OrgRow,
} from '../listings/repository.js';
import { needDefinition } from '../needs/definition.js';
import type { NotificationService } from '../notifications/service.js';
import type { NotificationMessage } from '../notifications/sender.js';
import { visibilityFilters } from '../search/service.js';
import type { Matcher } from './matcher.js';
import { MATCHER_VERSION, type MatchSubject } from './ranker.js';
import {
  createMatchRepository,
  type MatchRow,
  type Suggestion,
  type SuggestionSource,
} from './repository.js';
import type { Side } from './term-stats.js';
import { allowedMoves, checkMove, type MatchRole } from './workflow.js';

/**
 * No suggestion below this score. Measured on match-dev with the product's ranker (cli/match-score-floor.ts):
 * 96 % of the pairs a person labelled as answering the need score at or above 0.15 (the lowest 5 % start
 * at 0.157), while pairs below it sit under every need's first ten; the words that carried the 10–12 %
 * suggestions (firm, 基于 …) are no longer terms at all.
 */
export const SUGGESTION_FLOOR = 0.15;
/** Scores are kept to three places once, where they are made, so every page shows the same per cent. */
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

/** New suggestions at or above this score are worth telling people about. */
export const NOTIFY_THRESHOLD = 0.3;
const PUBLISHED_STATUSES = ['open', 'in_cooperation'];
const PUBLISHED: SearchFilter = { field: 'status', in: PUBLISHED_STATUSES };
/** Once introduced, the parties know each other: a confidential need is no longer anonymous to them. */
const REVEALED: MatchStage[] = ['introduced', 'negotiating', 'agreed'];
/** Listings a recompute batch ranks at once. */
const RANKINGS_AT_ONCE = 3;
/** Suggestions kept per listing by the background recompute. */
const KEPT_SUGGESTIONS = 20;
/**
 * Stored suggestions stay current while the other side's size stays within this share of what it was: rarity
 * weights (idf) move with it, slowly, so a few new listings do not call for recomputing every listing.
 */
const CORPUS_DRIFT = 0.2;

interface Deps {
  db: Database;
  access: AccessPolicy;
  matcher: Matcher;
  notifications: NotificationService;
  log: { warn(details: object, message: string): void };
}

type Loaded<R> = { row: R; org: OrgRow };

function orgNames(org: { nameZh: string; nameEn: string } | null) {
  return org
    ? { orgName: `${org.nameZh} ${org.nameEn}`, orgNameZh: org.nameZh, orgNameEn: org.nameEn }
    : { orgName: null, orgNameZh: null, orgNameEn: null };
}

function subjectOf({ row, org }: Loaded<NeedRow | CapabilityRow>): MatchSubject {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    fields: row.fields,
    cooperationTypes: row.cooperationTypes,
    regionCode: row.regionCode,
    orgId: org.id,
    designations: org.designations,
  };
}

/** Hash of what ranking this listing reads of it, and what decides whether it is a candidate for others. */
function fingerprintOf({ row, org }: Loaded<NeedRow | CapabilityRow>): string {
  const { title, description, keywords, fields, cooperationTypes, regionCode, status, visibility } = row;
  const read = [title, description, keywords, fields, cooperationTypes, regionCode, status, visibility];
  return createHash('sha1')
    .update(JSON.stringify([...read, org.id, org.designations]))
    .digest('base64url');
}

function isCurrent(stored: SuggestionSource, fingerprint: string, corpusSize: number): boolean {
  return (
    stored.fingerprint === fingerprint &&
    stored.matcherVersion === MATCHER_VERSION &&
    Math.abs(corpusSize - stored.corpusSize) <= CORPUS_DRIFT * Math.max(corpusSize, stored.corpusSize)
  );
}

export function createMatchingService({ db, access, matcher, notifications, log }: Deps) {
  const repository = createMatchRepository();
  const listings = {
    need: createListingRepository(needs),
    capability: createListingRepository(capabilities),
  };

  /** Who the caller may be shown as candidates: published listings they could see (confidential needs as summaries). */
  function candidateFilters(actor: Actor | null, side: Side): SearchFilter[] {
    if (side === 'need') return visibilityFilters(actor);
    return actor ? [PUBLISHED] : [PUBLISHED, { field: 'visibility', eq: 'public' }];
  }

  /** The side (need or capability party) whose organisation expressed interest, per match. */
  function interestedSide(
    orgId: string | undefined,
    needOrg: string,
    capabilityOrg: string,
  ): MatchRole | undefined {
    if (!orgId) return undefined;
    return orgId === needOrg ? 'need_party' : orgId === capabilityOrg ? 'capability_party' : undefined;
  }

  async function present(executor: Executor, actor: Actor | null, rows: MatchRow[]): Promise<Match[]> {
    const ids = rows.map((r) => r.id);
    const [needRows, capabilityRows, proposals, interested] = await Promise.all([
      listings.need.getMany(
        executor,
        rows.map((r) => r.needId),
      ),
      listings.capability.getMany(
        executor,
        rows.map((r) => r.capabilityId),
      ),
      repository.proposalsOf(executor, ids),
      repository.interestedBy(executor, ids),
    ]);
    const presented: Match[] = [];
    for (const row of rows) {
      const need = needRows.get(row.needId);
      const capability = capabilityRows.get(row.capabilityId);
      if (!need || !capability) continue;
      const roles = (await access.matchRoles(executor, actor, need.org.id, capability.org.id)) as MatchRole[];
      // Proposals, notes and decline reasons are between the parties and their coordinator.
      const involved = roles.length > 0;
      const needView = await access.listingView(executor, actor, need.row);
      const revealed =
        needView === 'full' || (roles.includes('capability_party') && REVEALED.includes(row.stage));
      const needDto = needDefinition.toDto(need.row, need.org, revealed ? 'full' : 'anonymised', false);
      const capabilityDto = capabilityDefinition.toDto(capability.row, capability.org, 'full', false);
      const reasons = (row.reasons as MatchReason[]).filter(
        // Words of a hidden description, or the hidden organisation's designations, would give it away.
        (reason) =>
          revealed ||
          !(
            reason.kind === 'shared_terms' ||
            reason.kind === 'translated_terms' ||
            (reason.kind === 'designations' && reason.party === 'need')
          ),
      );
      presented.push({
        id: row.id,
        score: roundScore(row.score),
        stage: row.stage,
        reasons,
        need: {
          id: needDto.id,
          title: needDto.title,
          kind: null,
          orgId: needDto.org?.id ?? null,
          ...orgNames(needDto.org),
          regionCode: needDto.regionCode,
          anonymised: needDto.anonymised,
        },
        capability: {
          id: capabilityDto.id,
          title: capabilityDto.title,
          kind: capabilityDto.kind,
          orgId: capabilityDto.org.id,
          ...orgNames(capabilityDto.org),
          regionCode: capabilityDto.regionCode,
          anonymised: false,
        },
        declineReason: involved ? row.declineReason : null,
        introductionNote: involved ? row.introductionNote : null,
        proposals: involved
          ? proposals
              .filter((p) => p.matchId === row.id)
              .map((p) => ({ ...p, createdAt: p.createdAt.toISOString() }))
          : [],
        movedAt: row.movedAt.toISOString(),
        version: row.version,
        allowedMoves: allowedMoves(
          row.stage,
          roles,
          interestedSide(interested.get(row.id), need.org.id, capability.org.id),
        ),
      });
    }
    return presented;
  }

  /** Ranks the other side for one listing: the best candidates as suggestions. */
  async function rankFor(
    actor: Actor | null,
    side: Side,
    source: Loaded<NeedRow | CapabilityRow>,
    limit: number,
    pastCooperation: Map<string, number>,
  ): Promise<Suggestion[]> {
    const ranked = await matcher.rank({
      subject: subjectOf(source),
      side,
      filters: candidateFilters(actor, side),
      limit,
      pastCooperation,
    });
    return ranked
      .filter((candidate) => candidate.score >= SUGGESTION_FLOOR)
      .map((candidate) => ({
        needId: side === 'need' ? source.row.id : candidate.id,
        capabilityId: side === 'need' ? candidate.id : source.row.id,
        score: roundScore(candidate.score),
        reasons: candidate.reasons,
      }));
  }

  /** Ranks for one listing and keeps the best as suggestions (known pairs keep their stage). */
  async function suggest(
    actor: Actor | null,
    side: Side,
    source: Loaded<NeedRow | CapabilityRow>,
    limit: number,
  ) {
    const pastCooperation = await repository.pastCooperation(db, source.org.id);
    return repository.upsertSuggestions(db, side, await rankFor(actor, side, source, limit, pastCooperation));
  }

  async function loadVisible(actor: Actor | null, side: Side, id: string) {
    const found = await listings[side].get(db, id);
    if (!found || (await access.listingView(db, actor, found.row)) === 'none') {
      throw new NotFoundError(side === 'need' ? 'Need' : 'Capability');
    }
    return found;
  }

  async function involvedIn(actor: Actor, row: MatchRow): Promise<boolean> {
    const [need, capability] = await Promise.all([
      listings.need.get(db, row.needId),
      listings.capability.get(db, row.capabilityId),
    ]);
    return (
      !!need &&
      !!capability &&
      (await access.matchRoles(db, actor, need.org.id, capability.org.id)).length > 0
    );
  }

  /** Tells both organisations of each strong new suggestion. */
  async function notifyNew(
    side: Side,
    sources: Map<string, Loaded<NeedRow | CapabilityRow>>,
    rows: Pick<MatchRow, 'id' | 'needId' | 'capabilityId' | 'score'>[],
  ) {
    if (rows.length === 0) return;
    const ownId = (row: (typeof rows)[number]) => (side === 'need' ? row.needId : row.capabilityId);
    const otherId = (row: (typeof rows)[number]) => (side === 'need' ? row.capabilityId : row.needId);
    const others = await listings[side === 'need' ? 'capability' : 'need'].getMany(db, rows.map(otherId));
    const inputs = rows.flatMap((row) => {
      const source = sources.get(ownId(row));
      const other = others.get(otherId(row));
      if (!source || !other) return [];
      return [
        {
          orgIds: [...new Set([source.org.id, other.org.id])],
          kind: 'new_match',
          entityType: 'match',
          entityId: row.id,
          params: { score: row.score, needId: row.needId, capabilityId: row.capabilityId },
        },
      ];
    });
    const messages = await db.transaction((tx) => notifications.notifyMany(tx, inputs));
    await deliverAfterCommit(messages);
  }

  async function deliverAfterCommit(messages: NotificationMessage[]) {
    if (messages.length)
      await notifications
        .deliver(messages)
        .catch((error) => log.warn({ err: error }, 'notification delivery failed'));
  }

  return {
    async matchesFor(actor: Actor | null, side: Side, id: string, limit: number): Promise<Match[]> {
      const source = await loadVisible(actor, side, id);
      // Drafts and closed listings are not on the market: nothing to suggest yet (or any more).
      if (!PUBLISHED_STATUSES.includes(source.row.status)) return [];
      const rows = (await suggest(actor, side, source, limit)).map((r) => r.row);
      return present(db, actor, rows);
    },

    /**
     * After listings of one side are published, changed, or found at start-up or in a rebuild: suggests
     * partners for those whose stored suggestions are missing or stale (or that are `forced`), and tells the
     * owners of strong new matches. Runs in the background queue, never in a request. Answers the other side's
     * listings holding a suggestion with a listing that changed: their scores and reasons read it too.
     */
    async refreshSuggestions(
      side: Side,
      ids: string[],
      forced: ReadonlySet<string> = new Set(),
      /** While true, only one ranking runs at a time: requests are being served, and go first. */
      crowded: () => boolean = () => false,
    ): Promise<string[]> {
      const [found, stored, corpusSize] = await Promise.all([
        listings[side].getMany(db, ids),
        repository.sources(db, side, ids),
        matcher.corpusSize(side),
      ]);
      const computed: SuggestionSource[] = [];
      const due: Loaded<NeedRow | CapabilityRow>[] = [];
      const changed: string[] = [];
      for (const id of ids) {
        const source = found.get(id);
        if (!source) continue;
        const fingerprint = fingerprintOf(source);
        const before = stored.get(id);
        if (before && !forced.has(id) && isCurrent(before, fingerprint, corpusSize)) continue;
        if (before && before.fingerprint !== fingerprint) changed.push(id);
        const computedAt = new Date();
        computed.push({
          side,
          listingId: id,
          fingerprint,
          matcherVersion: MATCHER_VERSION,
          corpusSize,
          computedAt,
        });
        // Drafts and closed listings are not on the market: nothing to suggest, but nothing left to do either.
        if (PUBLISHED_STATUSES.includes(source.row.status)) due.push(source);
      }
      // Read before this batch's own pairs join them: those are new to both sides already.
      const counterparts = await repository.counterparts(db, side, changed);
      const pastCooperation = new Map<string, Promise<Map<string, number>>>();
      const pastOf = (orgId: string) => {
        let past = pastCooperation.get(orgId);
        if (!past) pastCooperation.set(orgId, (past = repository.pastCooperation(db, orgId)));
        return past;
      };
      // A few rankings at once, so the search thread, the ranking thread and the database each have work
      // while the others answer; each listing's suggestions keep its place.
      const rankedFor: Suggestion[][] = [];
      let next = 0;
      const lane = async (lane: number) => {
        while (next < due.length && (lane === 0 || !crowded())) {
          const place = next++;
          const source = due[place]!;
          // Requests waiting go before each ranking: a batch is seconds of work.
          await new Promise((resolve) => setImmediate(resolve));
          const past = await pastOf(source.org.id);
          rankedFor[place] = await rankFor(null, side, source, KEPT_SUGGESTIONS, past);
        }
      };
      await Promise.all(Array.from({ length: RANKINGS_AT_ONCE }, (_, lane) => lane).map(lane));
      const suggestions = rankedFor.flat();
      const ranked = computed.map((entry) => entry.listingId);
      const fresh = (await repository.replaceSuggestions(db, side, ranked, suggestions)).filter(
        (r) => r.created && r.row.score >= NOTIFY_THRESHOLD,
      );
      // Recorded after the suggestions: a crash in between leaves the listing to be recomputed, not skipped.
      await repository.saveSources(db, computed);
      await notifyNew(
        side,
        found,
        fresh.map((r) => r.row),
      );
      return counterparts;
    },

    /** Listings of this side whose suggestions predate their organisation's latest agreed match. */
    behindCooperation: (side: Side) => repository.behindCooperation(db, side),

    async get(actor: Actor | null, id: string): Promise<Match> {
      const caller = requireActor(actor);
      const row = await repository.get(db, id);
      // Only those involved follow a match by its id; others see matches on listings they can read.
      if (!row || !(await involvedIn(caller, row))) throw new NotFoundError('Match');
      return (await present(db, caller, [row]))[0]!;
    },

    async transition(actor: Actor | null, id: string, body: MatchTransition): Promise<Match> {
      const caller = requireActor(actor);
      const row = await repository.get(db, id);
      if (!row) throw new NotFoundError('Match');
      const [need, capability] = await Promise.all([
        listings.need.get(db, row.needId),
        listings.capability.get(db, row.capabilityId),
      ]);
      if (!need || !capability) throw new NotFoundError('Match');
      const roles = (await access.matchRoles(db, caller, need.org.id, capability.org.id)) as MatchRole[];
      if (roles.length === 0) throw new NotFoundError('Match');
      const interested = (await repository.interestedBy(db, [id])).get(id);
      checkMove(
        row.stage,
        body.to,
        roles,
        body.reason,
        interestedSide(interested, need.org.id, capability.org.id),
      );
      if (body.proposal && body.to !== 'interested') {
        throw new ForbiddenError('A proposal goes with an expression of interest');
      }
      const { messages, moved } = await db.transaction(async (tx) => {
        const updated = await repository.move(tx, id, body.version, {
          stage: body.to,
          ...(body.to === 'declined'
            ? { declineReason: body.reason!.trim(), declinedByOrg: caller.orgId }
            : {}),
          ...(body.to === 'introduced'
            ? { introducedBy: caller.userId, introductionNote: body.message ?? null }
            : {}),
        });
        if (!updated) return { messages: [], moved: null };
        if (body.proposal) {
          await repository.addProposal(tx, {
            ...body.proposal,
            matchId: id,
            orgId: caller.orgId,
            createdBy: caller.userId,
          });
        }
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'match',
          entityId: id,
          action: body.to,
          before: { stage: row.stage },
          after: { stage: body.to, message: body.message ?? null, reason: body.reason ?? null },
        });
        const sent = await notifications.notify(tx, {
          orgIds: [...new Set([need.org.id, capability.org.id].filter((org) => org !== caller.orgId))],
          kind:
            body.to === 'interested'
              ? 'interest'
              : body.to === 'introduced'
                ? 'introduction'
                : body.to === 'declined'
                  ? 'declined'
                  : 'match_moved',
          entityType: 'match',
          entityId: id,
          params: {
            stage: body.to,
            needId: need.row.id,
            capabilityId: capability.row.id,
            needTitle: need.row.title,
            capabilityTitle: capability.row.title,
            reason: body.reason ?? null,
            message: body.message ?? null,
          },
          except: caller.userId,
        });
        return { messages: sent, moved: updated };
      });
      if (!moved) {
        const current = (await present(db, caller, [(await repository.get(db, id))!]))[0];
        throw new ConflictError('version_conflict', 'Someone moved this match since you opened it', {
          current,
        });
      }
      await deliverAfterCommit(messages);
      return (await present(db, caller, [moved]))[0]!;
    },

    /**
     * A capability's holder answers an open need with it and a proposal, whether or not matching had paired
     * them: the match stands at `interested`, scored as ranking would score it.
     */
    async respond(actor: Actor | null, body: ResponseBody): Promise<Match> {
      const caller = requireActor(actor);
      const [need, capability] = await Promise.all([
        loadVisible(caller, 'need', body.needId),
        loadVisible(caller, 'capability', body.capabilityId),
      ]);
      const roles = (await access.matchRoles(db, caller, need.org.id, capability.org.id)) as MatchRole[];
      if (!roles.includes('capability_party')) {
        throw new ForbiddenError('Only the organisation that holds the capability may answer with it');
      }
      if (need.row.status !== 'open' || !PUBLISHED_STATUSES.includes(capability.row.status)) {
        throw new ConflictError('not_open', 'Only an open need can be answered, with a published capability');
      }
      const existing = await repository.byPair(db, body.needId, body.capabilityId);
      const row =
        existing ??
        (await (async () => {
          const { score, reasons } = await matcher.scorePair(
            subjectOf(need),
            'need',
            subjectOf(capability),
            await repository.pastCooperation(db, need.org.id),
          );
          return db.transaction((tx) =>
            repository.insertPair(tx, {
              needId: body.needId,
              capabilityId: body.capabilityId,
              score: roundScore(score),
              reasons,
              stage: 'suggested',
            }),
          );
        })());
      return this.transition(caller, row.id, {
        to: 'interested',
        version: row.version,
        proposal: body.proposal,
      });
    },

    /** A coordinator puts two parties in touch, whether or not matching had paired them. */
    async introduce(actor: Actor | null, body: IntroductionBody): Promise<Match> {
      const caller = requireActor(actor);
      const [need, capability] = await Promise.all([
        loadVisible(caller, 'need', body.needId),
        loadVisible(caller, 'capability', body.capabilityId),
      ]);
      const roles = (await access.matchRoles(db, caller, need.org.id, capability.org.id)) as MatchRole[];
      if (!roles.some((role) => role === 'coordinator' || role === 'admin')) {
        throw new ForbiddenError('Only a coordinator of one of the two organisations may introduce them');
      }
      const existing = await repository.byPair(db, body.needId, body.capabilityId);
      if (existing) {
        return this.transition(caller, existing.id, {
          to: 'introduced',
          version: existing.version,
          message: body.note,
        });
      }
      const created = await db.transaction((tx) =>
        repository.insertPair(tx, {
          needId: body.needId,
          capabilityId: body.capabilityId,
          score: 0,
          reasons: [],
          stage: 'suggested',
        }),
      );
      return this.transition(caller, created.id, {
        to: 'introduced',
        version: created.version,
        message: body.note,
      });
    },

    async list(actor: Actor | null, query: MatchListQuery) {
      const caller = requireActor(actor);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      if (
        query.scope === 'brokering' &&
        caller.platformRole !== 'coordinator' &&
        caller.platformRole !== 'admin'
      ) {
        throw new ForbiddenError('The brokering desk is for coordinators');
      }
      const scope =
        query.scope === 'mine'
          ? { orgId: caller.orgId }
          : caller.platformRole === 'admin'
            ? {}
            : { memberOf: caller.orgId };
      const { rows, total } = await repository.list(
        db,
        {
          ...scope,
          stage: query.stage,
          stalledBefore: query.stalledDays
            ? new Date(Date.now() - query.stalledDays * 86_400_000)
            : undefined,
        },
        page,
        pageSize,
      );
      return { items: await present(db, caller, rows), total, page, pageSize };
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
