// The stages of a match, who may move it where, and what must come with the move.
import type { MatchStage } from '@coop/shared';
import { BadRequestError, ConflictError, ForbiddenError } from '../../errors.js';

/** How the caller stands to a match. */
export type MatchRole = 'need_party' | 'capability_party' | 'coordinator' | 'admin';

const PARTIES: MatchRole[] = ['need_party', 'capability_party'];
const BROKERS: MatchRole[] = ['coordinator', 'admin'];

const MOVES: Record<MatchStage, { from: MatchStage[]; by: MatchRole[] }> = {
  suggested: { from: [], by: [] },
  interested: { from: ['suggested'], by: PARTIES },
  // A broker introduces; a party answering the other side's interest accepts the introduction.
  introduced: { from: ['suggested', 'interested'], by: [...BROKERS, ...PARTIES] },
  negotiating: { from: ['introduced'], by: [...PARTIES, ...BROKERS] },
  agreed: { from: ['negotiating'], by: [...PARTIES, ...BROKERS] },
  declined: { from: ['suggested', 'interested', 'introduced', 'negotiating'], by: [...PARTIES, ...BROKERS] },
};

/** The side that expressed interest cannot accept its own interest; the other side or a broker does. */
export function allowedMoves(
  stage: MatchStage,
  roles: MatchRole[],
  interestedSide?: MatchRole,
): MatchStage[] {
  return (Object.keys(MOVES) as MatchStage[]).filter((to) => {
    const move = MOVES[to];
    if (!move.from.includes(stage)) return false;
    if (to === 'introduced') {
      if (roles.some((r) => BROKERS.includes(r))) return true;
      // Parties accept an introduction only once the other side has shown interest.
      return stage === 'interested' && roles.some((r) => PARTIES.includes(r) && r !== interestedSide);
    }
    return roles.some((role) => move.by.includes(role));
  });
}

export function checkMove(
  stage: MatchStage,
  to: MatchStage,
  roles: MatchRole[],
  reason: string | undefined,
  interestedSide?: MatchRole,
) {
  if (roles.length === 0)
    throw new ForbiddenError('Only the two parties or their coordinator may move this match');
  if (!MOVES[to].from.includes(stage)) {
    throw new ConflictError('invalid_transition', `A match that is ${stage} cannot move to ${to}`, { stage });
  }
  if (!allowedMoves(stage, roles, interestedSide).includes(to)) {
    throw new ForbiddenError(`Your role may not move this match to ${to}`);
  }
  if (to === 'declined' && !reason?.trim()) {
    throw new BadRequestError(
      'validation_failed',
      'body.reason is required when declining: the other side sees it',
      [{ field: 'body.reason', problem: 'is required when declining', rule: 'required' }],
    );
  }
}
