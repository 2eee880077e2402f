// The status machine of needs and capabilities: which action moves which status where, and who may ask.
import type { ListingAction } from '@coop/shared';
import { BadRequestError, ConflictError } from '../../errors.js';
import type { ListingAction as PolicyAction } from '../access/policy.js';

export type ListingStatus = 'draft' | 'pending_review' | 'open' | 'in_cooperation' | 'closed';

interface Move {
  from: ListingStatus[];
  /** Who may ask: the owning organisation or a reviewing coordinator. */
  by: PolicyAction;
  to(context: { orgVerified: boolean }): ListingStatus;
}

const MOVES: Record<ListingAction, Move> = {
  // Verified organisations publish directly; others wait for a coordinator.
  submit: {
    from: ['draft'],
    by: 'listing.edit',
    to: ({ orgVerified }) => (orgVerified ? 'open' : 'pending_review'),
  },
  approve: { from: ['pending_review'], by: 'listing.review', to: () => 'open' },
  return: { from: ['pending_review'], by: 'listing.review', to: () => 'draft' },
  start_cooperation: { from: ['open'], by: 'listing.edit', to: () => 'in_cooperation' },
  close: {
    from: ['draft', 'pending_review', 'open', 'in_cooperation'],
    by: 'listing.edit',
    to: () => 'closed',
  },
  reopen: { from: ['closed'], by: 'listing.edit', to: () => 'draft' },
};

export function requiredPermission(action: ListingAction): PolicyAction {
  return MOVES[action].by;
}

export function nextStatus(
  type: 'need' | 'capability',
  action: ListingAction,
  current: ListingStatus,
  context: { orgVerified: boolean; reason?: string | undefined },
): ListingStatus {
  const move = MOVES[action];
  if (type === 'capability' && action === 'start_cooperation') {
    throw new BadRequestError('invalid_action', 'Capabilities have no cooperation stage', [
      { field: 'body.action', problem: 'is not available for capabilities', rule: 'not_one_of' },
    ]);
  }
  if (action === 'return' && !context.reason?.trim()) {
    throw new BadRequestError('validation_failed', 'body.reason is required when returning a listing', [
      { field: 'body.reason', problem: 'is required when returning a listing', rule: 'required' },
    ]);
  }
  if (!move.from.includes(current)) {
    throw new ConflictError(
      'invalid_transition',
      `Cannot ${action.replace('_', ' ')} a listing that is ${current.replace('_', ' ')}`,
      {
        status: current,
      },
    );
  }
  return move.to(context);
}
