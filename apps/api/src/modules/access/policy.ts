// The one authorisation layer: services ask it before reading private data or changing anything.
import type { Executor } from '../../db/client.js';
import { ForbiddenError, UnauthorizedError } from '../../errors.js';
import type { OrgRepository } from '../orgs/repository.js';
import type { Actor } from './actor.js';

export type OrgAction =
  /** edit the profile */
  | 'org.update'
  /** invite people into the organisation */
  | 'org.invite'
  /** see the organisation's people (names, emails, roles) */
  | 'org.users.read'
  /** mark an organisation verified or not */
  | 'org.verify'
  /** add or remove an association's member organisations */
  | 'org.members.manage';

/** What the policy needs to know of a need or capability. */
export interface ListingFacts {
  orgId: string;
  status: string;
  visibility: string;
}

export type ListingAction =
  /** edit, submit, close, reopen */
  | 'listing.edit'
  /** approve or return a listing waiting for review */
  | 'listing.review';

/** How much of a listing a caller may see. */
export type ListingView = 'full' | 'anonymised' | 'none';

const PUBLISHED = new Set(['open', 'in_cooperation']);

export function createAccessPolicy(deps: { orgs: OrgRepository }) {
  /** A coordinator's scope: their association and its member organisations. */
  async function coordinates(db: Executor, actor: Actor, orgId: string): Promise<boolean> {
    if (actor.platformRole !== 'coordinator') return false;
    return actor.orgId === orgId || deps.orgs.isMember(db, actor.orgId, orgId);
  }

  async function allowsOrg(db: Executor, actor: Actor, action: OrgAction, orgId: string): Promise<boolean> {
    if (actor.platformRole === 'admin') return true;
    switch (action) {
      case 'org.update':
      case 'org.invite':
        return actor.orgId === orgId && actor.orgRole === 'admin';
      case 'org.users.read':
        return actor.orgId === orgId || coordinates(db, actor, orgId);
      case 'org.verify':
        return actor.orgId !== orgId && coordinates(db, actor, orgId);
      case 'org.members.manage':
        return actor.platformRole === 'coordinator' && actor.orgId === orgId && actor.orgKind === 'association';
    }
  }

  async function reviews(db: Executor, actor: Actor, orgId: string): Promise<boolean> {
    if (actor.platformRole === 'admin') return true;
    return actor.platformRole === 'coordinator' && deps.orgs.isMember(db, actor.orgId, orgId);
  }

  async function listingView(db: Executor, actor: Actor | null, listing: ListingFacts): Promise<ListingView> {
    if (actor && (actor.orgId === listing.orgId || (await reviews(db, actor, listing.orgId)))) return 'full';
    if (!PUBLISHED.has(listing.status)) return 'none';
    if (listing.visibility === 'public') return 'full';
    if (!actor) return 'none';
    return listing.visibility === 'members' ? 'full' : 'anonymised';
  }

  return {
    allowsOrg,
    listingView,
    /** Coordinator scope for review queues: null means every organisation (platform admin). */
    reviewScope(actor: Actor): 'all' | 'association' | 'none' {
      if (actor.platformRole === 'admin') return 'all';
      return actor.platformRole === 'coordinator' ? 'association' : 'none';
    },
    async requireListing(db: Executor, actor: Actor | null, action: ListingAction, listing: ListingFacts) {
      const caller = requireActor(actor);
      const allowed =
        action === 'listing.edit'
          ? caller.orgId === listing.orgId || caller.platformRole === 'admin'
          : caller.orgId !== listing.orgId && (await reviews(db, caller, listing.orgId));
      if (!allowed) {
        throw new ForbiddenError(
          action === 'listing.edit'
            ? 'Only the organisation that posted this listing may change it'
            : 'Only a coordinator of an association this organisation belongs to may review it',
        );
      }
      return caller;
    },
    async requireOrg(db: Executor, actor: Actor | null, action: OrgAction, orgId: string): Promise<Actor> {
      const caller = requireActor(actor);
      if (!(await allowsOrg(db, caller, action, orgId))) {
        throw new ForbiddenError(`Your account may not ${describe[action]} of this organisation`);
      }
      return caller;
    },
    requirePlatformAdmin(actor: Actor | null): Actor {
      const caller = requireActor(actor);
      if (caller.platformRole !== 'admin') throw new ForbiddenError('Only platform administrators may do this');
      return caller;
    },
  };
}

const describe: Record<OrgAction, string> = {
  'org.update': 'edit the profile',
  'org.invite': 'invite people',
  'org.users.read': 'see the people',
  'org.verify': 'change the verification',
  'org.members.manage': 'manage the member organisations',
};

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new UnauthorizedError('unauthenticated', 'Log in first');
  return actor;
}

export type AccessPolicy = ReturnType<typeof createAccessPolicy>;
