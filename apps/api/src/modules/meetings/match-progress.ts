// A meeting's outcome moves the match it came from on, step by step through the matching workflow's own rules.
import type { MatchStage, MeetingOutcome } from '@coop/shared';
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { capabilities, matches, needs } from '../../db/schema/index.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy } from '../access/policy.js';
import { recordEvent } from '../events/repository.js';
import { checkMove, type MatchRole } from '../matching/workflow.js';

/** Where each outcome takes a match; `agreed` comes only with a signed agreement. */
const TARGET: Record<MeetingOutcome, MatchStage> = {
  no_further_contact: 'declined',
  valuable_contact: 'introduced',
  negotiation_started: 'negotiating',
  agreement_reached: 'negotiating',
};
const ORDER: MatchStage[] = ['suggested', 'interested', 'introduced', 'negotiating', 'agreed'];

/** The stages between `stage` and `target`, in the order the workflow allows. */
function steps(stage: MatchStage, target: MatchStage): MatchStage[] {
  if (stage === 'declined' || stage === 'agreed') return [];
  if (target === 'declined') return ['declined'];
  const path: MatchStage[] = [];
  if (
    ORDER.indexOf(stage) < ORDER.indexOf('introduced') &&
    ORDER.indexOf(target) >= ORDER.indexOf('introduced')
  )
    path.push('introduced');
  if (target === 'negotiating' && stage !== 'negotiating') path.push('negotiating');
  return path;
}

/** Moves the match (locked) towards what the outcome says; answers the stages it passed. */
export async function progressMatch(
  tx: Executor,
  access: AccessPolicy,
  actor: Actor,
  matchId: string,
  outcome: MeetingOutcome,
  meetingId: string,
): Promise<MatchStage[]> {
  const capability = alias(capabilities, 'capability');
  const [match] = await tx
    .select({ stage: matches.stage, needOrgId: needs.orgId, capabilityOrgId: capability.orgId })
    .from(matches)
    .innerJoin(needs, eq(needs.id, matches.needId))
    .innerJoin(capability, eq(capability.id, matches.capabilityId))
    .where(eq(matches.id, matchId))
    .for('update', { of: matches });
  if (!match) return [];
  const roles = (await access.matchRoles(tx, actor, match.needOrgId, match.capabilityOrgId)) as MatchRole[];
  let stage = match.stage;
  const passed: MatchStage[] = [];
  for (const to of steps(stage, TARGET[outcome])) {
    // Meeting at the organiser's table is the brokered introduction: the organiser's role makes that step.
    const stepRoles: MatchRole[] = to === 'introduced' ? [...roles, 'coordinator'] : roles;
    const reason = to === 'declined' ? 'No further contact after the docking meeting' : undefined;
    checkMove(stage, to, stepRoles, reason);
    await tx
      .update(matches)
      .set({
        stage: to,
        version: sql`${matches.version} + 1`,
        movedAt: new Date(),
        updatedAt: new Date(),
        ...(to === 'declined' ? { declineReason: reason, declinedByOrg: actor.orgId } : {}),
      })
      .where(eq(matches.id, matchId));
    await recordEvent(tx, {
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      entityType: 'match',
      entityId: matchId,
      action: to,
      before: { stage },
      after: { stage: to, meetingId, outcome },
    });
    passed.push(to);
    stage = to;
  }
  return passed;
}
