import type { MatchReason, MatchStage } from '@coop/shared';
import {
  and,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  lt,
  max,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import {
  associationMembers,
  capabilities,
  events,
  matches,
  needs,
  proposals,
  suggestionSources,
} from '../../db/schema/index.js';
import type { Side } from './term-stats.js';

export type MatchRow = typeof matches.$inferSelect;
export type SuggestionSource = typeof suggestionSources.$inferInsert;
export type ProposalRow = typeof proposals.$inferSelect;

export interface Suggestion {
  needId: string;
  capabilityId: string;
  score: number;
  reasons: MatchReason[];
}

export interface MatchScope {
  /** Matches on listings of this organisation. */
  orgId?: string;
  /** Matches whose need or capability belongs to a member of this association. */
  memberOf?: string;
  stage?: MatchStage;
  stalledBefore?: Date;
}

const FINAL: MatchStage[] = ['agreed', 'declined'];
const UPSERT_ROWS = 2000;
type MatchKey = 'id' | 'needId' | 'capabilityId' | 'score';

/** The columns of a side's listing in a pair, and of whose ranking holds it. */
function sideColumns(side: Side) {
  return side === 'need'
    ? {
        own: matches.needId,
        other: matches.capabilityId,
        rankedBy: matches.rankedByNeed,
        flag: 'rankedByNeed',
      }
    : {
        own: matches.capabilityId,
        other: matches.needId,
        rankedBy: matches.rankedByCapability,
        flag: 'rankedByCapability',
      };
}

/** Stores pairs that `side`'s ranking found, marked as held by that side's ranking. */
async function upsert(
  db: Executor,
  side: Side,
  suggestions: Suggestion[],
  columns: Partial<ReturnType<typeof getTableColumns<typeof matches>>>,
) {
  if (suggestions.length === 0) return [];
  const { flag } = sideColumns(side);
  const rows = await db
    .insert(matches)
    .values(suggestions.map((suggestion) => ({ ...suggestion, [flag]: true })))
    .onConflictDoUpdate({
      target: [matches.needId, matches.capabilityId],
      set: {
        score: sql`excluded.score`,
        reasons: sql`excluded.reasons`,
        [flag]: true,
        updatedAt: new Date(),
      },
    })
    // xmax = 0 marks a freshly inserted row (PostgreSQL's way of telling insert from update in an upsert).
    .returning({ ...columns, created: sql<boolean>`(xmax = 0)` });
  return rows.map(({ created, ...row }) => ({ row, created: Boolean(created) }));
}

export function createMatchRepository() {
  return {
    /**
     * Inserts new pairs `side`'s ranking found and refreshes the score of known ones (keeping their stage);
     * answers rows and which are new.
     */
    async upsertSuggestions(db: Executor, side: Side, suggestions: Suggestion[]) {
      return upsert(db, side, suggestions, getTableColumns(matches)) as Promise<
        { row: MatchRow; created: boolean }[]
      >;
    },

    /**
     * The whole new ranking of these listings of `side`, in one transaction: their pairs found again are stored
     * as upsertSuggestions stores them, and a pair still only `suggested` that this ranking no longer holds is
     * withdrawn unless the other side's ranking holds it. Answers only what notifications need.
     */
    async replaceSuggestions(db: Executor, side: Side, listingIds: string[], suggestions: Suggestion[]) {
      const { own, rankedBy, flag } = sideColumns(side);
      return db.transaction(async (tx) => {
        const open = and(inArray(own, listingIds), eq(matches.stage, 'suggested'));
        if (listingIds.length > 0)
          await tx
            .update(matches)
            .set({ [flag]: false })
            .where(and(open, rankedBy));
        const answered: { row: Pick<MatchRow, MatchKey>; created: boolean }[] = [];
        // Five parameters a row; PostgreSQL takes at most 65,535 in one statement.
        for (let i = 0; i < suggestions.length; i += UPSERT_ROWS) {
          const part = suggestions.slice(i, i + UPSERT_ROWS);
          answered.push(
            ...((await upsert(tx, side, part, {
              id: matches.id,
              needId: matches.needId,
              capabilityId: matches.capabilityId,
              score: matches.score,
            })) as { row: Pick<MatchRow, MatchKey>; created: boolean }[]),
          );
        }
        if (listingIds.length > 0)
          await tx
            .delete(matches)
            .where(and(open, eq(matches.rankedByNeed, false), eq(matches.rankedByCapability, false)));
        return answered;
      });
    },

    /** What these listings' stored suggestions were computed from. */
    async sources(db: Executor, side: Side, ids: string[]) {
      if (ids.length === 0) return new Map<string, SuggestionSource>();
      const rows = await db
        .select()
        .from(suggestionSources)
        .where(and(eq(suggestionSources.side, side), inArray(suggestionSources.listingId, ids)));
      return new Map(rows.map((row) => [row.listingId, row]));
    },

    async saveSources(db: Executor, rows: SuggestionSource[]) {
      if (rows.length === 0) return;
      await db
        .insert(suggestionSources)
        .values(rows)
        .onConflictDoUpdate({
          target: [suggestionSources.side, suggestionSources.listingId],
          set: {
            fingerprint: sql`excluded.fingerprint`,
            matcherVersion: sql`excluded.matcher_version`,
            corpusSize: sql`excluded.corpus_size`,
            computedAt: sql`excluded.computed_at`,
          },
        });
    },

    /** Listings of the other side holding a suggestion (not yet acted on) with one of these. */
    async counterparts(db: Executor, side: Side, ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const [own, other] =
        side === 'need' ? [matches.needId, matches.capabilityId] : [matches.capabilityId, matches.needId];
      const rows = await db
        .selectDistinct({ id: other })
        .from(matches)
        .where(and(inArray(own, ids), eq(matches.stage, 'suggested')));
      return rows.map((r) => r.id);
    },

    async get(db: Executor, id: string): Promise<MatchRow | null> {
      const [row] = await db.select().from(matches).where(eq(matches.id, id));
      return row ?? null;
    },

    async byPair(db: Executor, needId: string, capabilityId: string): Promise<MatchRow | null> {
      const [row] = await db
        .select()
        .from(matches)
        .where(and(eq(matches.needId, needId), eq(matches.capabilityId, capabilityId)));
      return row ?? null;
    },

    /**
     * A new pair, or the row of that pair if one appeared meanwhile (the background ranking may store the same
     * suggestion between a caller's look-up and its insert): the caller moves whichever row there is.
     */
    async insertPair(db: Executor, values: typeof matches.$inferInsert): Promise<MatchRow> {
      const [row] = await db.insert(matches).values(values).onConflictDoNothing().returning();
      return row ?? (await this.byPair(db, values.needId, values.capabilityId))!;
    },

    async move(db: Executor, id: string, version: number, patch: Partial<typeof matches.$inferInsert>) {
      const now = new Date();
      const [row] = await db
        .update(matches)
        .set({ ...patch, version: version + 1, movedAt: now, updatedAt: now })
        .where(and(eq(matches.id, id), eq(matches.version, version)))
        .returning();
      return row ?? null;
    },

    async list(db: Executor, scope: MatchScope, page: number, pageSize: number) {
      const need = alias(needs, 'need');
      const capability = alias(capabilities, 'capability');
      const conditions: (SQL | undefined)[] = [];
      if (scope.orgId) conditions.push(or(eq(need.orgId, scope.orgId), eq(capability.orgId, scope.orgId)));
      if (scope.memberOf) {
        const members = db
          .select({ id: associationMembers.memberId })
          .from(associationMembers)
          .where(eq(associationMembers.associationId, scope.memberOf));
        conditions.push(or(inArray(need.orgId, members), inArray(capability.orgId, members)));
      }
      if (scope.stage) conditions.push(eq(matches.stage, scope.stage));
      if (scope.stalledBefore) {
        conditions.push(lt(matches.movedAt, scope.stalledBefore), notInArray(matches.stage, FINAL));
        // Stalled means people started and stopped, not a suggestion nobody looked at.
        conditions.push(sql`${matches.stage} <> 'suggested'`);
      }
      const where = and(...conditions);
      const base = db
        .select({ row: matches })
        .from(matches)
        .innerJoin(need, eq(need.id, matches.needId))
        .innerJoin(capability, eq(capability.id, matches.capabilityId))
        .where(where);
      const [rows, [total]] = await Promise.all([
        base
          // Within one stage (a board column) the best fit comes first; across stages, the latest move.
          .orderBy(
            ...(scope.stage
              ? [desc(matches.score), desc(matches.movedAt)]
              : [desc(matches.movedAt), desc(matches.score)]),
            matches.id,
          )
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db
          .select({ value: count() })
          .from(matches)
          .innerJoin(need, eq(need.id, matches.needId))
          .innerJoin(capability, eq(capability.id, matches.capabilityId))
          .where(where),
      ]);
      return { rows: rows.map((r) => r.row), total: total?.value ?? 0 };
    },

    async addProposal(db: Executor, values: typeof proposals.$inferInsert) {
      await db.insert(proposals).values(values);
    },

    async proposalsOf(db: Executor, matchIds: string[]): Promise<ProposalRow[]> {
      if (matchIds.length === 0) return [];
      return db
        .select()
        .from(proposals)
        .where(inArray(proposals.matchId, matchIds))
        .orderBy(proposals.createdAt);
    },

    /** The organisation that expressed interest in each of these matches (it may not accept its own interest). */
    async interestedBy(db: Executor, matchIds: string[]): Promise<Map<string, string>> {
      if (matchIds.length === 0) return new Map();
      const rows = await db
        .select({ matchId: events.entityId, orgId: events.actorOrgId })
        .from(events)
        .where(
          and(
            eq(events.entityType, 'match'),
            eq(events.action, 'interested'),
            inArray(events.entityId, matchIds),
          ),
        )
        .orderBy(events.id);
      return new Map(
        rows.flatMap(({ matchId, orgId }) => (orgId ? [[matchId, orgId] as [string, string]] : [])),
      );
    },

    /** Agreed matches between an organisation and each other organisation: past cooperation. */
    /**
     * This side's listings whose suggestions were computed before their organisation last agreed a match: past
     * cooperation weighs in ranking, so their scores and reasons are behind.
     */
    async behindCooperation(db: Executor, side: Side): Promise<string[]> {
      const latest = new Map<string, Date>();
      for (const [party, key] of [
        [needs, matches.needId],
        [capabilities, matches.capabilityId],
      ] as const) {
        const rows = await db
          .select({ orgId: party.orgId, at: max(matches.movedAt) })
          .from(matches)
          .innerJoin(party, eq(party.id, key))
          .where(eq(matches.stage, 'agreed'))
          .groupBy(party.orgId);
        for (const { orgId, at } of rows) {
          const known = latest.get(orgId);
          if (at && (!known || known < at)) latest.set(orgId, at);
        }
      }
      if (latest.size === 0) return [];
      const listing = side === 'need' ? needs : capabilities;
      const sources = await db
        .select({ id: suggestionSources.listingId, orgId: listing.orgId, at: suggestionSources.computedAt })
        .from(suggestionSources)
        .innerJoin(listing, eq(listing.id, suggestionSources.listingId))
        .where(and(eq(suggestionSources.side, side), inArray(listing.orgId, [...latest.keys()])));
      return sources.filter(({ orgId, at }) => at < latest.get(orgId)!).map(({ id }) => id);
    },

    async pastCooperation(db: Executor, orgId: string): Promise<Map<string, number>> {
      const rows = await db
        .select({ needOrg: needs.orgId, capabilityOrg: capabilities.orgId, n: count() })
        .from(matches)
        .innerJoin(needs, eq(needs.id, matches.needId))
        .innerJoin(capabilities, eq(capabilities.id, matches.capabilityId))
        .where(and(eq(matches.stage, 'agreed'), or(eq(needs.orgId, orgId), eq(capabilities.orgId, orgId))))
        .groupBy(needs.orgId, capabilities.orgId);
      const counts = new Map<string, number>();
      for (const { needOrg, capabilityOrg, n } of rows) {
        const other = needOrg === orgId ? capabilityOrg : needOrg;
        counts.set(other, (counts.get(other) ?? 0) + n);
      }
      return counts;
    },
  };
}

export type MatchRepository = ReturnType<typeof createMatchRepository>;
