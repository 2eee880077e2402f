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

  return {
    allowsOrg,
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
