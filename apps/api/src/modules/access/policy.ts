// The one authorisation layer: services ask it before reading private data or changing anything.
import { regionWithin } from '@coop/shared';
import type { Executor } from '../../db/client.js';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../../errors.js';
import { regionPrefix } from '../listings/repository.js';
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
  | 'org.members.manage'
  /** claim a designation, with its certificate */
  | 'org.designation.claim'
  /** verify or reject a claimed designation: the members' coordinator or the region's officer */
  | 'org.designation.verify'
  /** see a designation's certificate files and what verifiers checked: the organisation itself and its verifiers */
  | 'org.evidence.read';

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

/** What the policy needs to know of an agreement; its projects and checklist items follow it. */
export interface AgreementFacts {
  partyOrgIds: string[];
  /** The association whose coordinator brokered it. */
  brokerOrgId: string | null;
  /** Associations that have one of the parties as a member. */
  partyAssociationIds: string[];
  /** The parties' regions: a government officer of one of them reads the agreement. */
  partyRegionCodes: string[];
}

export type AgreementPermission =
  /** see it, its projects, checklist, timeline and attachments */
  | 'agreement.read'
  /** add and change projects, checklist items, progress notes and attachments */
  | 'agreement.work'
  /** edit terms and parties, move its status, remove attachments */
  | 'agreement.manage'
  /** end it early */
  | 'agreement.terminate';

type AgreementRole = 'platform_admin' | 'party_admin' | 'coordinator' | 'party_member' | 'regional_officer';

const AGREEMENT_ROLES: Record<AgreementPermission, AgreementRole[]> = {
  // Government officers follow the cooperation in their region; they never change it.
  'agreement.read': ['platform_admin', 'party_admin', 'coordinator', 'party_member', 'regional_officer'],
  'agreement.work': ['platform_admin', 'party_admin', 'coordinator', 'party_member'],
  'agreement.manage': ['platform_admin', 'party_admin', 'coordinator'],
  // A coordinator brokers and records, but only the parties (or the platform) end a contract.
  'agreement.terminate': ['platform_admin', 'party_admin'],
};

function agreementRole(actor: Actor, facts: AgreementFacts): AgreementRole | null {
  if (actor.platformRole === 'admin') return 'platform_admin';
  const party = facts.partyOrgIds.includes(actor.orgId);
  if (party && actor.orgRole === 'admin') return 'party_admin';
  if (
    actor.platformRole === 'coordinator' &&
    (facts.brokerOrgId === actor.orgId || facts.partyAssociationIds.includes(actor.orgId))
  ) {
    return 'coordinator';
  }
  if (party) return 'party_member';
  return isOfficer(actor) && facts.partyRegionCodes.some((code) => regionWithin(code, actor.orgRegionCode))
    ? 'regional_officer'
    : null;
}

/** What the policy needs to know of a docking meeting. */
export interface MeetingFacts {
  organiserOrgId: string;
  /** Organisations invited to it, whatever their answer. */
  participantOrgIds: string[];
  /** Region codes of the organiser and the invited (officers oversee by region). */
  regionCodes: string[];
  /** Associations the organiser or an invited organisation belongs to (coordinators oversee their members). */
  associationIds: string[];
}

/**
 * How a caller stands to a meeting: runs it, takes part, oversees it (an officer of the region or a coordinator of
 * a member involved: reads, never changes), or none (it stays hidden).
 */
export type MeetingRole = 'organiser' | 'participant' | 'observer';
/** What a meeting route needs: to read it (observers too), to act as a participant, or to run it. */
export type MeetingNeed = 'read' | 'participant' | 'organiser';

/**
 * The organiser's side: a platform admin, a coordinator of the organising association, an admin of the organising
 * college. Participants see and answer their own part; everyone else is refused.
 */
export function meetingRole(actor: Actor | null, facts: MeetingFacts): MeetingRole | null {
  if (!actor) return null;
  if (actor.platformRole === 'admin') return 'organiser';
  if (actor.orgId === facts.organiserOrgId) {
    if (actor.platformRole === 'coordinator' && actor.orgKind === 'association') return 'organiser';
    if (actor.orgRole === 'admin' && (actor.orgKind === 'college' || actor.orgKind === 'institute'))
      return 'organiser';
  }
  if (facts.participantOrgIds.includes(actor.orgId)) return 'participant';
  if (isOfficer(actor) && facts.regionCodes.some((code) => regionWithin(code, actor.orgRegionCode)))
    return 'observer';
  if (
    actor.platformRole === 'coordinator' &&
    actor.orgKind === 'association' &&
    facts.associationIds.includes(actor.orgId)
  )
    return 'observer';
  return null;
}

/**
 * Completing or terminating an agreement of three or more parties: the brokering coordinator or a platform admin
 * makes the move alone; a party's administrator only confirms it, and the move waits for every party. Null: an
 * agreement of two parties, where the ordinary permissions apply.
 */
export function multiPartyEnding(
  actor: Actor | null,
  facts: AgreementFacts,
): 'alone' | 'confirm' | 'refused' | null {
  if (facts.partyOrgIds.length < 3) return null;
  if (!actor) return 'refused';
  if (actor.platformRole === 'admin') return 'alone';
  if (actor.platformRole === 'coordinator' && facts.brokerOrgId === actor.orgId) return 'alone';
  if (facts.partyOrgIds.includes(actor.orgId) && actor.orgRole === 'admin') return 'confirm';
  return 'refused';
}

/** A government officer: anyone of a verified government organisation; their scope is its region. */
function isOfficer(actor: Actor): boolean {
  return actor.orgKind === 'government' && actor.orgVerified;
}

/**
 * Which agreements a caller can see, for queries: every one, or those of an organisation, its coordinated
 * association's members and, for an officer, of organisations in a region.
 */
export type AgreementScope =
  | { all: true }
  | { all: false; orgId: string; coordinatedAssociationId: string | null; officerRegionCode: string | null };

/**
 * Whose organisations' figures and records a caller reads read-only: an officer's region, a coordinator's
 * association members, or everything (platform admin). Null: only their own organisation.
 */
export type OversightScope =
  { kind: 'all' } | { kind: 'region'; regionCode: string } | { kind: 'association'; associationId: string };

export function allowsAgreement(
  actor: Actor | null,
  permission: AgreementPermission,
  facts: AgreementFacts,
): boolean {
  const role = actor && agreementRole(actor, facts);
  return !!role && AGREEMENT_ROLES[permission].includes(role);
}

/** What the policy needs to know of an instrument booking. */
export interface BookingFacts {
  ownerOrgId: string;
  requesterOrgId: string;
}

export type BookingPermission =
  /** see who booked, why, and the fee */
  | 'booking.read'
  /** approve, decline, start, complete, mark a no-show */
  | 'booking.decide'
  /** withdraw a request or cancel an approved booking */
  | 'booking.cancel';

/** The instrument's owner (any of its people) or a platform admin runs its calendar. */
export const managesInstrument = (actor: Actor | null, ownerOrgId: string) =>
  !!actor && (actor.platformRole === 'admin' || actor.orgId === ownerOrgId);

export function allowsBooking(actor: Actor | null, permission: BookingPermission, facts: BookingFacts) {
  if (!actor) return false;
  if (managesInstrument(actor, facts.ownerOrgId)) return true;
  return permission !== 'booking.decide' && actor.orgId === facts.requesterOrgId;
}

/**
 * How a caller sees a booking: in full (the owner, the requester, a platform admin), redacted (a government officer
 * whose region holds the instrument's owner: times, status and fee, not who booked or why), or not at all.
 */
export function bookingView(
  actor: Actor | null,
  facts: BookingFacts & { ownerRegionCode: string },
): 'full' | 'redacted' | null {
  if (allowsBooking(actor, 'booking.read', facts)) return 'full';
  return actor && isOfficer(actor) && regionWithin(facts.ownerRegionCode, actor.orgRegionCode)
    ? 'redacted'
    : null;
}

/** Whose instruments' usage a caller may see: all, a region's (government), an association's, or one's own. */
export type UsageScope =
  { all: true } | { all: false; orgId: string; regionPrefix: string | null; associationId: string | null };

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
        return (
          actor.platformRole === 'coordinator' && actor.orgId === orgId && actor.orgKind === 'association'
        );
      case 'org.designation.claim':
        return actor.orgId === orgId && actor.orgRole === 'admin';
      case 'org.designation.verify':
        if (actor.orgId === orgId) return false;
        if (isOfficer(actor)) {
          const org = await deps.orgs.get(db, orgId);
          if (org && regionWithin(org.regionCode, actor.orgRegionCode)) return true;
        }
        return coordinates(db, actor, orgId);
      case 'org.evidence.read':
        return actor.orgId === orgId || allowsOrg(db, actor, 'org.designation.verify', orgId);
    }
  }

  async function reviews(db: Executor, actor: Actor, orgId: string): Promise<boolean> {
    if (actor.platformRole === 'admin') return true;
    return actor.platformRole === 'coordinator' && deps.orgs.isMember(db, actor.orgId, orgId);
  }

  /** How much of each listing the caller sees; the coordinator's memberships are asked once for the lot. */
  async function listingViews(
    db: Executor,
    actor: Actor | null,
    listings: ListingFacts[],
  ): Promise<ListingView[]> {
    const others = listings.map((l) => l.orgId).filter((orgId) => orgId !== actor?.orgId);
    const reviewed =
      actor?.platformRole === 'coordinator' ? await deps.orgs.membersAmong(db, actor.orgId, others) : null;
    return listings.map((listing) => {
      if (actor && (actor.orgId === listing.orgId || actor.platformRole === 'admin')) return 'full';
      if (reviewed?.has(listing.orgId)) return 'full';
      if (!PUBLISHED.has(listing.status)) return 'none';
      if (listing.visibility === 'public') return 'full';
      if (!actor) return 'none';
      return listing.visibility === 'members' ? 'full' : 'anonymised';
    });
  }

  async function listingView(db: Executor, actor: Actor | null, listing: ListingFacts): Promise<ListingView> {
    return (await listingViews(db, actor, [listing]))[0]!;
  }

  return {
    allowsOrg,
    listingView,
    listingViews,
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
      // An unknown organisation is not found for everyone, so a platform admin's write never meets a missing row.
      if (!(await deps.orgs.get(db, orgId))) throw new NotFoundError('Organisation');
      if (!(await allowsOrg(db, caller, action, orgId))) {
        throw new ForbiddenError(`Your account may not ${describe[action]} of this organisation`);
      }
      return caller;
    },
    agreementScope(actor: Actor): AgreementScope {
      if (actor.platformRole === 'admin') return { all: true };
      const coordinatedAssociationId = actor.platformRole === 'coordinator' ? actor.orgId : null;
      const officerRegionCode = isOfficer(actor) ? actor.orgRegionCode : null;
      return { all: false, orgId: actor.orgId, coordinatedAssociationId, officerRegionCode };
    },
    /** The organisations whose records and figures this caller oversees (reads, never changes). */
    oversightScope(actor: Actor): OversightScope | null {
      if (actor.platformRole === 'admin') return { kind: 'all' };
      if (isOfficer(actor)) return { kind: 'region', regionCode: actor.orgRegionCode };
      if (actor.platformRole === 'coordinator' && actor.orgKind === 'association') {
        return { kind: 'association', associationId: actor.orgId };
      }
      return null;
    },
    /** Refuses those who oversee no organisations (enterprises, colleges) with a forbidden error. */
    requireOversight(actor: Actor | null): { caller: Actor; scope: OversightScope } {
      const caller = requireActor(actor);
      const scope = this.oversightScope(caller);
      if (!scope) {
        throw new ForbiddenError(
          'Only government officers (for their region), association coordinators (for their members) and platform administrators may see reports and targets',
        );
      }
      return { caller, scope };
    },
    /** Throws not-found to those who may not see it (its existence stays private), forbidden to the others. */
    requireAgreement(
      actor: Actor | null,
      permission: AgreementPermission,
      facts: AgreementFacts,
      what = 'Agreement',
    ): Actor {
      const caller = requireActor(actor);
      if (!allowsAgreement(caller, 'agreement.read', facts)) throw new NotFoundError(what);
      if (!allowsAgreement(caller, permission, facts)) {
        throw new ForbiddenError(refusedAgreement[permission]);
      }
      return caller;
    },
    /**
     * Who may propose an agreement with these parties: an admin of one of them, a coordinator of an association
     * one of them belongs to (who then brokers it), or a platform admin.
     */
    requireAgreementCreation(
      actor: Actor | null,
      facts: Pick<AgreementFacts, 'partyOrgIds' | 'partyAssociationIds'>,
    ): { caller: Actor; brokerOrgId: string | null } {
      const caller = requireActor(actor);
      const role = agreementRole(caller, { ...facts, brokerOrgId: null, partyRegionCodes: [] });
      if (!role || !AGREEMENT_ROLES['agreement.manage'].includes(role)) {
        throw new ForbiddenError(
          'Only an administrator of a party, or a coordinator of an association a party belongs to, may propose an agreement',
        );
      }
      return { caller, brokerOrgId: role === 'coordinator' ? caller.orgId : null };
    },
    /** How the caller stands to a match between these two organisations (none: may not act on it). */
    async matchRoles(db: Executor, actor: Actor | null, needOrgId: string, capabilityOrgId: string) {
      const roles: ('need_party' | 'capability_party' | 'coordinator' | 'admin')[] = [];
      if (!actor) return roles;
      if (actor.orgId === needOrgId) roles.push('need_party');
      if (actor.orgId === capabilityOrgId) roles.push('capability_party');
      if (actor.platformRole === 'admin') roles.push('admin');
      else if (
        actor.platformRole === 'coordinator' &&
        ((await reviews(db, actor, needOrgId)) || (await reviews(db, actor, capabilityOrgId)))
      ) {
        roles.push('coordinator');
      }
      return roles;
    },
    /**
     * Not-found to those with no part in the meeting; forbidden when `organiser` is asked of a participant, or any
     * change of an observer.
     */
    requireMeeting(actor: Actor | null, facts: MeetingFacts, need: MeetingNeed = 'participant') {
      const caller = requireActor(actor);
      const role = meetingRole(caller, facts);
      if (!role) throw new NotFoundError('Meeting');
      if (need === 'organiser' && role !== 'organiser') {
        throw new ForbiddenError(
          'Only the organiser of this meeting (its coordinator or college administrator) may do this',
        );
      }
      if (need === 'participant' && role === 'observer') {
        throw new ForbiddenError(
          'Officers and coordinators overseeing this meeting read it; they change nothing',
        );
      }
      return { caller, role };
    },
    /** Who may set up a meeting for an organisation: its coordinator (association) or admin (college), or a platform admin. */
    requireMeetingCreation(actor: Actor | null, organiserOrgId: string): Actor {
      const caller = requireActor(actor);
      const facts = { organiserOrgId, participantOrgIds: [], regionCodes: [], associationIds: [] };
      if (meetingRole(caller, facts) !== 'organiser') {
        throw new ForbiddenError(
          'Only an association coordinator or a college administrator may organise a docking meeting for their organisation',
        );
      }
      return caller;
    },
    /** Only the owner (or a platform admin) edits an instrument's profile, rules and outages. */
    requireInstrumentManager(actor: Actor | null, ownerOrgId: string): Actor {
      const caller = requireActor(actor);
      if (!managesInstrument(caller, ownerOrgId)) {
        throw new ForbiddenError(
          'Only the organisation that owns this instrument may change its profile, rules or outages',
        );
      }
      return caller;
    },
    /** An instrument's bookings list: all of them (owner), redacted (its region's officer), or one's own. */
    instrumentBookingsView(
      actor: Actor | null,
      owner: { id: string; regionCode: string },
    ): 'all' | 'redacted' | 'own' {
      const caller = requireActor(actor);
      if (managesInstrument(caller, owner.id)) return 'all';
      if (!isOfficer(caller)) return 'own';
      if (!regionWithin(owner.regionCode, caller.orgRegionCode)) {
        throw new ForbiddenError('That instrument lies outside the region your office oversees');
      }
      return 'redacted';
    },
    /** Throws not-found to those who may not see the booking, forbidden to those who see but may not act. */
    requireBooking(actor: Actor | null, permission: BookingPermission, facts: BookingFacts): Actor {
      const caller = requireActor(actor);
      if (!allowsBooking(caller, 'booking.read', facts)) throw new NotFoundError('Booking');
      if (!allowsBooking(caller, permission, facts)) {
        throw new ForbiddenError(
          permission === 'booking.decide'
            ? 'Only the organisation that owns this instrument may decide on its bookings'
            : 'Only the requesting organisation or the instrument owner may cancel this booking',
        );
      }
      return caller;
    },
    async usageScope(db: Executor, actor: Actor | null): Promise<UsageScope> {
      const caller = requireActor(actor);
      if (caller.platformRole === 'admin') return { all: true };
      if (caller.orgKind === 'government') {
        const org = await deps.orgs.get(db, caller.orgId);
        const prefix = regionPrefix(org!.regionCode);
        return { all: false, orgId: caller.orgId, regionPrefix: prefix, associationId: null };
      }
      const associationId = caller.platformRole === 'coordinator' ? caller.orgId : null;
      return { all: false, orgId: caller.orgId, regionPrefix: null, associationId };
    },
    requirePlatformAdmin(actor: Actor | null): Actor {
      const caller = requireActor(actor);
      if (caller.platformRole !== 'admin')
        throw new ForbiddenError('Only platform administrators may do this');
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
  'org.designation.claim': 'claim designations',
  'org.designation.verify': 'verify the designations',
  'org.evidence.read': 'see the verification evidence',
};

const refusedAgreement: Record<AgreementPermission, string> = {
  'agreement.read': 'You may not see this agreement',
  'agreement.work': 'Your account may not change the projects and checklists of this agreement',
  'agreement.manage':
    'Only an administrator of a party, the brokering coordinator or a platform administrator may change the terms or status of this agreement',
  'agreement.terminate':
    'Only an administrator of a party or a platform administrator may terminate this agreement',
};

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new UnauthorizedError('unauthenticated', 'Log in first');
  return actor;
}

export type AccessPolicy = ReturnType<typeof createAccessPolicy>;
