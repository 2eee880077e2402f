// Builds the Fastify app the same way for the server and for tests.
import { registerAjvFormats } from '@fastify/type-provider-typebox';
import { Capability, CapabilityUpdate, NewCapability, NewNeed, Need, NeedUpdate } from '@coop/shared';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { validatorCompiler } from './http/validator.js';
import { createAccessPolicy } from './modules/access/policy.js';
import { attachmentRoutes } from './modules/agreements/attachment-routes.js';
import { createAttachmentService } from './modules/agreements/attachments.js';
import { createJournal } from './modules/agreements/journal.js';
import { createAgreementStreamSource } from './modules/agreements/live-source.js';
import { agreementRoutes } from './modules/agreements/routes.js';
import { createAgreementService } from './modules/agreements/service.js';
import { createLiveFeed } from './modules/events/live.js';
import { createBookingService } from './modules/instruments/bookings.js';
import { createInstrumentRepository } from './modules/instruments/repository.js';
import { instrumentRoutes } from './modules/instruments/routes.js';
import { createInstrumentService } from './modules/instruments/service.js';
import { createUsageService } from './modules/instruments/usage.js';
import { eventStreamRoutes } from './modules/events/stream.js';
import { createChecklistService } from './modules/projects/checklist.js';
import { checklistRoutes } from './modules/projects/checklist-routes.js';
import { createProjectExporter } from './modules/projects/export.js';
import { projectRoutes } from './modules/projects/routes.js';
import { createProjectService } from './modules/projects/service.js';
import { createActorCache } from './modules/auth/actor-cache.js';
import { createAuthRepository } from './modules/auth/repository.js';
import { authRoutes } from './modules/auth/routes.js';
import { createAuthService } from './modules/auth/service.js';
import { healthRoutes } from './modules/health/routes.js';
import { homeRoutes } from './modules/home/routes.js';
import { createHomeService } from './modules/home/service.js';
import { createCapabilityService } from './modules/capabilities/service.js';
import { listingRoutes } from './modules/listings/routes.js';
import { createNeedService } from './modules/needs/service.js';
import { reviewRoutes } from './modules/review/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { createSearchService } from './modules/search/service.js';
import { createOrgRepository } from './modules/orgs/repository.js';
import { createDesignationRepository } from './modules/designations/repository.js';
import { designationRoutes } from './modules/designations/routes.js';
import { createEvidenceRepository } from './modules/evidence/repository.js';
import { evidenceRoutes } from './modules/evidence/routes.js';
import { createEvidenceService } from './modules/evidence/service.js';
import { createDesignationService } from './modules/designations/service.js';
import { createExporter } from './modules/transfer/export.js';
import { createImporter } from './modules/transfer/import.js';
import { transferRoutes } from './modules/transfer/routes.js';
import { orgRoutes } from './modules/orgs/routes.js';
import { createOrgService } from './modules/orgs/service.js';
import auditPlugin from './plugins/audit.js';
import authPlugin from './plugins/auth.js';
import compressPlugin from './plugins/compress.js';
import docsPlugin from './plugins/docs.js';
import errorsPlugin, { clientErrors, frameworkErrors } from './plugins/errors.js';
import inputGuardPlugin from './plugins/input-guard.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import ssePlugin from './plugins/sse.js';
import webPlugin from './plugins/web.js';
import { createIndexer, type Indexer } from './search/indexer.js';
import { createReindexJob } from './modules/admin/reindex.js';
import { adminRoutes } from './modules/admin/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { createUserRepository } from './modules/users/repository.js';
import { userAdminRoutes } from './modules/users/routes.js';
import { createUserAdminService } from './modules/users/service.js';
import { createAgendaService } from './modules/meetings/agenda.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { createMeetingService } from './modules/meetings/service.js';
import { createSigningService } from './modules/meetings/signing.js';
import { createMatcher } from './modules/matching/matcher.js';
import { matchingRoutes } from './modules/matching/routes.js';
import { createMatchingService } from './modules/matching/service.js';
import { createSuggestionQueue, type SuggestionQueue } from './modules/matching/suggestion-queue.js';
import { RankingCorpus, subjectOf, type Ranking } from './modules/matching/ranking.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { createReportService } from './modules/reports/service.js';
import { logSender } from './modules/notifications/sender.js';
import { createNotificationService } from './modules/notifications/service.js';
import type { SearchEngine } from './search/port.js';
import { createDiskStorage } from './storage/disk.js';
import type { FileStorage } from './storage/port.js';

export const BODY_LIMIT_BYTES = 256 * 1024;
/** The request line and headers together; Node's default is 16 KiB. */
export const MAX_HEADER_BYTES = 64 * 1024;
const EXPIRY_CHECK_MS = 60 * 60_000;
/** A request this recent means people are using the platform now. */
const SERVING_WINDOW_MS = 200;

export interface AppDeps {
  /** No storageDir (tests): uploaded files go under the OS temp folder. */
  config: Pick<Config, 'jwtSecret' | 'webDist' | 'trustProxy'> & Partial<Pick<Config, 'storageDir'>>;
  database: DatabaseHandle;
  search: SearchEngine;
  /** The server ranks on its own thread (RankingThread); in process when absent (tests, tools). */
  ranking?: Ranking;
  /** Tests pass a storage that fails (a full disk); otherwise files go to disk under storageDir. */
  storage?: FileStorage;
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Feeds the search engine from the outbox; server.ts starts it, tests drain it by hand. */
    indexer: Indexer;
    /** Background match suggestions after listings change; tests wait for it with `idle()`. */
    suggestions: SuggestionQueue;
  }
}

registerAjvFormats();

export async function buildApp({
  config,
  database,
  search,
  ranking: givenRanking,
  storage: givenStorage,
  logger = false,
}: AppDeps) {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    frameworkErrors,
    clientErrorHandler: clientErrors,
    // Room above the 8 KiB address limit (input-guard.ts), so an over-long address gets its 414 from the guard
    // rather than the parser's 431.
    http: { maxHeaderSize: MAX_HEADER_BYTES },
  });
  app.setValidatorCompiler(validatorCompiler);

  const { db } = database;
  const ranking: Ranking = givenRanking ?? new RankingCorpus();
  const keepRanking = (work: Promise<void>) =>
    // A thread that restarted is told every listing again (onLoss below); nothing else is owed.
    work.catch((error) => app.log.warn({ err: error }, 'ranking did not take an index change'));
  const indexer = createIndexer({
    db,
    engine: search,
    log: app.log,
    // Whatever reaches the index (a write, an import, an organisation's change, the build at start-up or a
    // rebuild) has its suggestions recomputed in the background, so boards never wait for a page to be opened.
    listener: {
      indexed(type, docs) {
        void keepRanking(ranking.indexed(type, docs.map(subjectOf)));
        for (const doc of docs) suggestions.enqueue(type, doc.id);
      },
      removed: (type, ids) => void keepRanking(ranking.removed(type, ids)),
    },
  });
  ranking.onLoss?.(() => void indexer.retell());
  app.decorate('indexer', indexer);
  app.addHook('onClose', () => indexer.stop());
  const orgRepository = createOrgRepository();
  const access = createAccessPolicy({ orgs: orgRepository });
  const evidence = createEvidenceRepository();
  const orgs = createOrgService({ db, orgs: orgRepository, access, evidence });
  const sender = logSender(app.log);
  const notifications = createNotificationService({ db, sender });
  const designationRepository = createDesignationRepository();
  const designations = createDesignationService({
    db,
    access,
    orgs: orgRepository,
    designations: designationRepository,
    notifications,
  });
  const matching = createMatchingService({
    db,
    access,
    matcher: createMatcher({ engine: search, ranking }),
    notifications,
    log: app.log,
  });
  // Requests seen lately: while they come, the background recompute steps back to one ranking at a time.
  let lastRequestAt = -Infinity;
  app.addHook('onRequest', async () => {
    lastRequestAt = performance.now();
  });
  const suggestions = createSuggestionQueue({
    matching,
    // The ranking must hold every listing the index does before it recomputes against them.
    settle: async () => {
      await indexer.settle();
      await ranking.settled();
    },
    crowded: () => performance.now() - lastRequestAt < SERVING_WINDOW_MS,
    log: app.log,
  });
  app.decorate('suggestions', suggestions);
  app.addHook('onClose', () => suggestions.stop());
  const needs = createNeedService({ db, access, onChange: () => indexer.nudge() });
  const capabilities = createCapabilityService({ db, access, onChange: () => indexer.nudge() });
  const journal = createJournal(db, createLiveFeed(database, app.log));
  const agreements = createAgreementService({ db, access, journal, notifications });
  const projects = createProjectService({ db, access, agreements, journal });
  const meetings = createMeetingService({ db, access, notifications });
  const instrumentRepository = createInstrumentRepository();
  const instruments = createInstrumentService({ db, access, repository: instrumentRepository });
  const bookings = createBookingService({
    db,
    access,
    repository: instrumentRepository,
    instruments,
    notifications,
  });
  const storage = givenStorage ?? createDiskStorage(config.storageDir ?? join(tmpdir(), 'coop-files'));
  let expiryTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    const check = () => {
      const now = new Date();
      return Promise.all([
        agreements.checkExpiry(now).catch((err) => app.log.error({ err }, 'agreement expiry check failed')),
        meetings.askFollowUps(now).catch((err) => app.log.error({ err }, 'meeting follow-up check failed')),
        bookings.remindUpcoming(now).catch((err) => app.log.error({ err }, 'booking reminder check failed')),
        designations
          .checkExpiry(now)
          .catch((err) => app.log.error({ err }, 'designation expiry check failed')),
        suggestions
          .catchUpCooperation()
          .catch((err) => app.log.error({ err }, 'past cooperation check failed')),
      ]);
    };
    void check();
    expiryTimer = setInterval(check, EXPIRY_CHECK_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(expiryTimer));
  const authRepository = createAuthRepository();
  const auth = createAuthService({
    db,
    auth: authRepository,
    orgs: orgRepository,
    access,
    signAccessToken: (claims) => app.jwt.sign(claims),
  });
  const actors = createActorCache(database, auth.sessionActor);
  app.addHook('onReady', () => actors.start());
  app.addHook('onClose', () => actors.stop());

  await app.register(errorsPlugin);
  await app.register(inputGuardPlugin);
  await app.register(docsPlugin);
  await app.register(rateLimitPlugin);
  await app.register(ssePlugin);
  await app.register(authPlugin, { jwtSecret: config.jwtSecret, actorFor: actors.actorFor });
  await app.register(auditPlugin, { db });

  await app.register(
    async (api) => {
      await api.register(compressPlugin);
      await api.register(healthRoutes, {
        probe: {
          database: async () => ({ ok: await database.ping(), driver: database.driver }),
          search: async () => {
            const [health, lag] = await Promise.all([search.health(), indexer.lag()]);
            return { ok: health.ok, engine: health.engine, lag: lag.pending };
          },
        },
      });
      await api.register(authRoutes, { auth });
      await api.register(orgRoutes, { orgs });
      await api.register(designationRoutes, { designations });
      await api.register(evidenceRoutes, {
        evidence: createEvidenceService({
          db,
          access,
          orgs: orgRepository,
          designations: designationRepository,
          evidence,
          storage,
        }),
      });
      await api.register(listingRoutes, {
        path: '/needs',
        tag: 'needs',
        service: needs,
        schemas: { create: NewNeed, update: NeedUpdate, item: Need },
      });
      await api.register(listingRoutes, {
        path: '/capabilities',
        tag: 'capabilities',
        service: capabilities,
        schemas: { create: NewCapability, update: CapabilityUpdate, item: Capability },
      });
      await api.register(reviewRoutes, { needs, capabilities });
      await api.register(searchRoutes, { search: createSearchService({ engine: search }) });
      await api.register(matchingRoutes, { matching });
      await api.register(adminRoutes, { reindex: createReindexJob(indexer, app.log), access });
      await api.register(auditRoutes, { db, access });
      await api.register(userAdminRoutes, {
        users: createUserAdminService({
          db,
          users: createUserRepository(),
          auth: authRepository,
          access,
          sender,
        }),
      });
      await api.register(notificationRoutes, { notifications });
      await api.register(transferRoutes, {
        importer: createImporter({ needs, capabilities }),
        exporter: createExporter({ needs, capabilities }),
      });
      await api.register(agreementRoutes, { agreements });
      await api.register(attachmentRoutes, {
        attachments: createAttachmentService({ db, agreements, journal, storage }),
      });
      await api.register(projectRoutes, { projects, exporter: createProjectExporter({ db, projects }) });
      await api.register(checklistRoutes, {
        checklist: createChecklistService({ db, agreements, projects, journal }),
      });
      await api.register(reportRoutes, { reports: createReportService({ db, access }) });
      await api.register(homeRoutes, { home: createHomeService({ db, access }) });
      await api.register(instrumentRoutes, {
        instruments,
        bookings,
        usage: createUsageService({ db, access }),
      });
      await api.register(meetingRoutes, {
        meetings,
        signing: createSigningService({ db, access, meetings, agreements, journal }),
        agendas: createAgendaService({ meetings }),
      });
      await api.register(eventStreamRoutes, {
        live: journal.live,
        source: createAgreementStreamSource({ db, access, journal, repository: agreements.repository }),
        actorFor: actors.actorFor,
      });
    },
    { prefix: '/api' },
  );
  await app.register(webPlugin, { dist: config.webDist });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
