// An agreement that comes from a match moves that match to `agreed`, in the agreement's transaction.
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { capabilities, matches, needs } from '../../db/schema/index.js';
import { BadRequestError, ConflictError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../events/repository.js';

const invalid = (problem: string) =>
  new BadRequestError('validation_failed', `body.matchId ${problem}`, [
    { field: 'body.matchId', problem, rule: 'invalid' },
  ]);

/** Checks the match joins two of the parties; answers its current stage (locked until commit). */
export async function lockMatch(db: Executor, matchId: string, partyOrgIds: string[]) {
  const capability = alias(capabilities, 'capability');
  const [match] = await db
    .select({
      stage: matches.stage,
      version: matches.version,
      needOrgId: needs.orgId,
      capabilityOrgId: capability.orgId,
    })
    .from(matches)
    .innerJoin(needs, eq(needs.id, matches.needId))
    .innerJoin(capability, eq(capability.id, matches.capabilityId))
    .where(eq(matches.id, matchId))
    .for('update', { of: matches });
  if (!match) throw invalid('is not a known match');
  if (!partyOrgIds.includes(match.needOrgId) || !partyOrgIds.includes(match.capabilityOrgId)) {
    throw invalid('names a match whose two organisations are not both parties');
  }
  if (match.stage === 'declined') {
    throw new ConflictError('match_declined', 'This match was declined; an agreement cannot come from it', {
      stage: match.stage,
    });
  }
  return match;
}

/** Moves the match to `agreed` (if it is not there yet) and logs the move as the match's event. */
export async function agreeMatch(
  db: Executor,
  actor: Actor,
  matchId: string,
  agreementId: string,
  from: string,
) {
  if (from === 'agreed') return;
  await db
    .update(matches)
    .set({
      stage: 'agreed',
      version: sql`${matches.version} + 1`,
      movedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(matches.id, matchId));
  await recordEvent(db, {
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    entityType: 'match',
    entityId: matchId,
    action: 'agreed',
    before: { stage: from },
    after: { stage: 'agreed', agreementId },
  });
}
