// Expiry: active agreements past their end date become expired; those ending soon warn every user of each party.
// Safe to run in several processes at once: each move is versioned and each warning is claimed once.
import type { Database } from '../../db/client.js';
import { agreements, notifications } from '../../db/schema/index.js';
import { updateVersioned } from './changes.js';
import { addDays, EXPIRY_WARNING_DAYS, platformDate } from './dates.js';
import type { Journal } from './journal.js';
import type { AgreementRepository } from './repository.js';

interface Deps {
  db: Database;
  repository: AgreementRepository;
  journal: Journal;
}

export function createExpiryCheck({ db, repository, journal }: Deps) {
  return async function checkExpiry(now: Date): Promise<{ expired: number; warned: number }> {
    const today = platformDate(now);
    let expired = 0;
    for (const row of await repository.endedBefore(db, today)) {
      const moved = await journal.write(null, async (tx, record) => {
        if (!(await updateVersioned(tx, agreements, row.id, row.version, { status: 'expired' })))
          return false;
        await record({
          entityType: 'agreement',
          entityId: row.id,
          agreementId: row.id,
          action: 'expire',
          before: { status: 'active' },
          after: { status: 'expired', endDate: row.endDate },
        });
        return true;
      });
      if (moved) expired++;
    }

    let warned = 0;
    for (const row of await repository.endingUnwarned(db, today, addDays(today, EXPIRY_WARNING_DAYS))) {
      const sent = await journal.write(null, async (tx, record) => {
        if (!(await repository.claimWarning(tx, row.id))) return false;
        const agreement = (await repository.get(tx, row.id))!;
        const userIds = await repository.userIdsOfOrgs(tx, agreement.facts.partyOrgIds);
        const params = { title: row.title, endDate: row.endDate };
        if (userIds.length > 0) {
          await tx
            .insert(notifications)
            .values(
              userIds.map((userId) => ({
                userId,
                kind: 'agreement_expiring',
                entityType: 'agreement',
                entityId: row.id,
                params,
              })),
            );
        }
        await record({
          entityType: 'agreement',
          entityId: row.id,
          agreementId: row.id,
          action: 'expiry_warning',
          after: { endDate: row.endDate, notifiedUsers: userIds.length },
        });
        return true;
      });
      if (sent) warned++;
    }
    return { expired, warned };
  };
}
