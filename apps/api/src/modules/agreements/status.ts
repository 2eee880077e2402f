// The status machine of agreements: which action moves which status where, and who may ask.
import {
  AGREEMENT_ACTIONS,
  type AgreementAction,
  type AgreementStatus,
  type AgreementTransition,
} from '@coop/shared';
import { BadRequestError, ConflictError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import {
  allowsAgreement,
  multiPartyEnding,
  type AgreementFacts,
  type AgreementPermission,
} from '../access/policy.js';

interface Move {
  from: AgreementStatus[];
  to: AgreementStatus;
  permission: AgreementPermission;
}

const MOVES: Record<AgreementAction, Move> = {
  negotiate: { from: ['draft'], to: 'negotiating', permission: 'agreement.manage' },
  // Batch signings at docking meetings go straight from draft to signed.
  sign: { from: ['draft', 'negotiating'], to: 'signed', permission: 'agreement.manage' },
  activate: { from: ['signed'], to: 'active', permission: 'agreement.manage' },
  complete: { from: ['active'], to: 'completed', permission: 'agreement.manage' },
  terminate: {
    from: ['draft', 'negotiating', 'signed', 'active'],
    to: 'terminated',
    permission: 'agreement.terminate',
  },
};

/** Nothing changes any more. */
export const FINAL_STATUSES: AgreementStatus[] = ['completed', 'terminated', 'expired'];
/** Parties and type are open to change until signing. */
export const UNSIGNED_STATUSES: AgreementStatus[] = ['draft', 'negotiating'];
/** The project list is live (projects and checklists change) while the cooperation runs. */
export const RUNNING_STATUSES: AgreementStatus[] = ['signed', 'active'];

export const permissionFor = (action: AgreementAction): AgreementPermission => MOVES[action].permission;

/** Moves that end an agreement: with three or more parties they need every party or the broker. */
export const ENDING_ACTIONS: AgreementAction[] = ['complete', 'terminate'];

/** May this caller ask for this move (for ending moves of multi-party agreements: make or confirm it)? */
export function mayAsk(actor: Actor | null, action: AgreementAction, facts: AgreementFacts): boolean {
  const ending = ENDING_ACTIONS.includes(action) ? multiPartyEnding(actor, facts) : null;
  if (ending) return ending !== 'refused';
  return allowsAgreement(actor, MOVES[action].permission, facts);
}

/** The moves this caller may make (or confirm) from the current status: the web shows them as buttons. */
export function allowedActions(
  actor: Actor | null,
  status: AgreementStatus,
  facts: AgreementFacts,
): AgreementAction[] {
  return AGREEMENT_ACTIONS.filter(
    (action) => MOVES[action].from.includes(status) && mayAsk(actor, action, facts),
  );
}

export function nextStatus(current: AgreementStatus, body: AgreementTransition): AgreementStatus {
  const move = MOVES[body.action];
  if (body.action === 'terminate' && !body.reason?.trim()) {
    throw new BadRequestError('validation_failed', 'body.reason is required when terminating an agreement', [
      { field: 'body.reason', problem: 'is required when terminating', rule: 'required' },
    ]);
  }
  if (!move.from.includes(current)) {
    throw new ConflictError('invalid_transition', `Cannot ${body.action} an agreement that is ${current}`, {
      status: current,
    });
  }
  return move.to;
}
