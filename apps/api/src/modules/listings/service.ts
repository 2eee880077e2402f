// Create, edit, read, list and move needs or capabilities; one service, parameterised by its definition.
import type { ListingAction, ListingListQuery, ListingTransition } from '@coop/shared';
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { createTotals } from '../../db/figure-cache.js';
import { organizations } from '../../db/schema/index.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { enqueueIndexing } from '../../search/outbox.js';
import type { Actor } from '../access/actor.js';
import { requireActor, type AccessPolicy, type ListingView } from '../access/policy.js';
import { recordEvent } from '../events/repository.js';
import { orgWithCurrentDesignations } from '../orgs/designations.js';
import type { ListingDefinition } from './definition.js';
import {
  createListingRepository,
  type ListingFilter,
  type ListingTable,
  type OrgRow,
  type RowOf,
} from './repository.js';
import { nextStatus, requiredPermission, type ListingStatus } from './status.js';

interface CommonInput {
  title: string;
  description: string;
  fields?: string[];
  keywords?: string[];
  cooperationTypes?: string[];
  regionCode?: string;
  submit?: boolean;
}

interface Deps<T extends ListingTable, Dto, NewInput, Update> {
  db: Database;
  access: AccessPolicy;
  definition: ListingDefinition<T, Dto, NewInput, Update>;
  /** Told after each committed write, so the indexer and matching can pick it up at once. */
  onChange?: (id: string) => void;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const PUBLISHED: ListingStatus[] = ['open', 'in_cooperation'];
const csv = (value: string | undefined) => value?.split(',').filter(Boolean);
const cleanKeywords = (keywords: string[] | undefined) => [
  ...new Set((keywords ?? []).map((k) => k.trim()).filter(Boolean)),
];

export function createListingService<
  T extends ListingTable,
  Dto,
  NewInput extends CommonInput,
  Update extends { version: number },
>(deps: Deps<T, Dto, NewInput, Update>) {
  const { db, access, definition } = deps;
  const repository = createListingRepository(definition.table);
  const totals = createTotals(db);
  const entityType = definition.type;

  async function load(id: string) {
    const found = await repository.get(db, id);
    if (!found) throw new NotFoundError(definition.label);
    return found;
  }

  async function present(executor: Executor, actor: Actor | null, row: RowOf<T>, org: OrgRow): Promise<Dto> {
    return presentView(actor, row, org, await access.listingView(executor, actor, row));
  }

  function presentView(actor: Actor | null, row: RowOf<T>, org: OrgRow, view: ListingView): Dto {
    if (view === 'none') throw new NotFoundError(definition.label);
    const canEdit = !!actor && (actor.orgId === row.orgId || actor.platformRole === 'admin');
    return definition.toDto(row, org, view, canEdit);
  }

  /** Records the event and the outbox row in the caller's transaction. */
  async function written(tx: Executor, actor: Actor, action: string, before: unknown, after: RowOf<T>) {
    await recordEvent(tx, {
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      entityType,
      entityId: after.id,
      action,
      before,
      after,
    });
    await enqueueIndexing(tx, entityType, after.id);
  }

  async function create(executor: Executor, caller: Actor, org: OrgRow, input: NewInput) {
    const extra = definition.insertValues(input);
    const submit = input.submit ?? true;
    const status: ListingStatus = submit ? (org.verified ? 'open' : 'pending_review') : 'draft';
    const row = await repository.insert(executor, {
      ...extra,
      orgId: org.id,
      createdBy: caller.userId,
      title: input.title.trim(),
      description: input.description.trim(),
      fields: input.fields ?? [],
      keywords: cleanKeywords(input.keywords),
      cooperationTypes: input.cooperationTypes ?? [],
      regionCode: input.regionCode ?? org.regionCode,
      status,
      publishedAt: status === 'open' ? new Date() : null,
    } as T['$inferInsert']);
    await written(executor, caller, 'created', null, row);
    return row;
  }

  async function postingOrg(executor: Executor, caller: Actor): Promise<OrgRow> {
    const [org] = await executor
      .select(orgWithCurrentDesignations)
      .from(organizations)
      .where(eq(organizations.id, caller.orgId));
    if (!org) throw new NotFoundError('Organisation');
    if (!definition.postedBy.includes(org.kind)) {
      throw new ForbiddenError(
        `Only ${definition.postedBy.join(' or ')} organisations post ${definition.type === 'need' ? 'needs' : 'capabilities'}`,
      );
    }
    return org;
  }

  return {
    definition,
    repository,

    async create(actor: Actor | null, input: NewInput): Promise<Dto> {
      const caller = requireActor(actor);
      const org = await postingOrg(db, caller);
      const row = await db.transaction((tx) => create(tx, caller, org, input));
      deps.onChange?.(row.id);
      return definition.toDto(row, org, 'full', true);
    },

    /**
     * Creates or updates by title within the caller's organisation (bulk import): a re-run does not duplicate.
     * Returns whether the row was created.
     */
    async upsertByTitle(actor: Actor, input: NewInput): Promise<'created' | 'updated'> {
      const org = await postingOrg(db, actor);
      const outcome = await db.transaction(async (tx) => {
        const existing = await repository.byOrgAndTitle(tx, org.id, input.title.trim());
        if (!existing) {
          return { outcome: 'created' as const, id: (await create(tx, actor, org, input)).id };
        }
        const { submit: _submit, ...fields } = input;
        const patch = {
          ...definition.updateValues({ ...fields, version: existing.version } as unknown as Update, existing),
        };
        const after = await repository.update(tx, existing.id, existing.version, {
          ...patch,
          keywords: cleanKeywords(input.keywords),
        } as Partial<T['$inferInsert']>);
        if (!after)
          throw new ConflictError(
            'version_conflict',
            'The listing changed while importing; run the import again',
          );
        await written(tx, actor, 'updated', existing, after);
        return { outcome: 'updated' as const, id: existing.id };
      });
      deps.onChange?.(outcome.id);
      return outcome.outcome;
    },

    async get(actor: Actor | null, id: string): Promise<Dto> {
      const { row, org } = await load(id);
      return present(db, actor, row, org);
    },

    async update(actor: Actor | null, id: string, patch: Update): Promise<Dto> {
      const { row, org } = await load(id);
      const caller = await access.requireListing(db, actor, 'listing.edit', row);
      if (row.status === 'closed') {
        throw new ConflictError('listing_closed', 'Reopen this listing before editing it');
      }
      const changes = definition.updateValues(patch, row) as Record<string, unknown>;
      if (Array.isArray(changes.keywords)) changes.keywords = cleanKeywords(changes.keywords as string[]);
      const after = await db.transaction(async (tx) => {
        const updated = await repository.update(tx, id, patch.version, changes as Partial<T['$inferInsert']>);
        if (!updated) return null;
        await written(tx, caller, 'updated', row, updated);
        return updated;
      });
      if (!after) {
        const current = await load(id);
        throw new ConflictError('version_conflict', 'Someone changed this listing since you opened it', {
          current: definition.toDto(current.row, current.org, 'full', true),
        });
      }
      deps.onChange?.(id);
      return definition.toDto(after, org, 'full', true);
    },

    async transition(actor: Actor | null, id: string, body: ListingTransition): Promise<Dto> {
      const { row, org } = await load(id);
      const action: ListingAction = body.action;
      const caller = await access.requireListing(db, actor, requiredPermission(action), row);
      const to = nextStatus(entityType, action, row.status, {
        orgVerified: org.verified,
        reason: body.reason,
      });
      const after = await db.transaction(async (tx) => {
        const updated = await repository.update(tx, id, row.version, {
          status: to,
          reviewNote:
            action === 'return' ? body.reason!.trim() : action === 'approve' ? null : row.reviewNote,
          ...(to === 'open' && !row.publishedAt ? { publishedAt: new Date() } : {}),
        } as Partial<T['$inferInsert']>);
        if (!updated) return null;
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType,
          entityId: id,
          action,
          before: { status: row.status },
          after: { status: to, ...(body.reason ? { reason: body.reason } : {}) },
        });
        await enqueueIndexing(tx, entityType, id);
        return updated;
      });
      if (!after)
        throw new ConflictError(
          'version_conflict',
          'Someone changed this listing at the same moment; try again',
        );
      deps.onChange?.(id);
      return present(db, caller, after, org);
    },

    async list(actor: Actor | null, query: ListingListQuery): Promise<Page<Dto>> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const statuses = csv(query.status);
      const filter: ListingFilter = {
        fields: csv(query.fields),
        cooperationTypes: csv(query.cooperationTypes),
        kinds: csv(query.kind),
        region: query.region,
        q: query.q?.trim() || undefined,
      };
      const mine = query.org === 'mine' || (actor && query.org === actor.orgId);
      if (query.org === 'mine' && !actor) throw requireActor(null);
      if (mine) {
        filter.orgId = actor!.orgId;
        filter.statuses = statuses;
      } else {
        if (query.org) filter.orgId = query.org;
        // Others' listings: published only, and confidential needs stay out of lists.
        filter.statuses = statuses?.filter((s) => PUBLISHED.includes(s as ListingStatus)) ?? PUBLISHED;
        if (statuses && filter.statuses.length === 0) {
          throw new BadRequestError(
            'validation_failed',
            'querystring.status may only ask for open or in_cooperation listings of other organisations',
            [
              {
                field: 'querystring.status',
                problem: 'only open and in_cooperation for other organisations',
                rule: 'not_one_of',
              },
            ],
          );
        }
        filter.visibleTo = {
          orgId: actor?.orgId ?? null,
          visibilities: actor ? ['public', 'members'] : ['public'],
        };
      }
      const { rows, total } = await repository.list(db, filter, page, pageSize, totals);
      const views = await access.listingViews(
        db,
        actor,
        rows.map((r) => r.row),
      );
      const items = rows.map(({ row, org }, i) => presentView(actor, row, org, views[i]!));
      return { items, total, page, pageSize };
    },

    /** Listings waiting for review in the caller's scope. */
    async reviewQueue(actor: Actor | null, page: number, pageSize: number) {
      const caller = requireActor(actor);
      const scope = access.reviewScope(caller);
      if (scope === 'none') throw new ForbiddenError('Only coordinators and administrators review listings');
      const filter: ListingFilter = { statuses: ['pending_review'] };
      if (scope === 'association') filter.memberOf = caller.orgId;
      const { rows, total } = await repository.list(db, filter, page, pageSize, totals);
      return {
        items: rows.map(({ row, org }) => definition.toDto(row, org, 'full', false)),
        total,
        page,
        pageSize,
      };
    },
  };
}
