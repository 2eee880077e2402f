// What the live stream (events/stream.ts) pushes of agreements: their events, to whoever may read the agreement.
import type { Database } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { allowsAgreement, type AccessPolicy } from '../access/policy.js';
import type { StreamedEvent, StreamSource } from '../events/stream.js';
import type { Journal, StreamedChange } from './journal.js';
import type { AgreementRepository } from './repository.js';

export function createAgreementStreamSource(deps: {
  db: Database;
  access: AccessPolicy;
  journal: Journal;
  repository: AgreementRepository;
}): StreamSource {
  const { db, access, journal, repository } = deps;
  return {
    after: (afterId, limit, viewer?: Actor) =>
      journal.after(db, afterId, limit, viewer && repository.visibleTo(db, access.agreementScope(viewer))),

    async audience(events: StreamedEvent[]) {
      const ids = [...new Set(events.map((event) => (event as StreamedChange).agreementId))];
      const facts = new Map((await repository.load(db, ids)).map((record) => [record.row.id, record.facts]));
      return (viewer, event) => {
        const found = facts.get((event as StreamedChange).agreementId);
        return !!found && allowsAgreement(viewer, 'agreement.read', found);
      };
    },

    latestId: () => journal.latestId(),
  };
}
