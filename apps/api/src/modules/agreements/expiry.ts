// Expiry: active agreements past their end date become expired; those ending soon warn every user of each party.
// Safe to run in several processes at once: each move is versioned and each warning is claimed once.
import type { Database } from '../../db/client.js';
import { agreements } from '../../db/schema/index.js';
import type { NotificationService } from '../notifications/service.js';
import { updateVersioned } from './changes.js';
import { addDays, EXPIRY_WARNING_DAYS, platformDate } from './dates.js';
import type { Journal } from './journal.js';
import type { AgreementRepository } from './repository.js';

interface Deps {
  db: Database;
  repository: AgreementRepository;
  journal: Journal;
  notifications: NotificationService;
}

export function createExpiryCheck({ db, repository, journal, notifications }: Deps) {
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
        if (!(await repository.claimWarning(tx, row.id))) return null;
        const agreement = (await repository.get(tx, row.id))!;
        const messages = await notifications.notify(tx, {
          orgIds: agreement.facts.partyOrgIds,
          kind: 'agreement_expiring',
          entityType: 'agreement',
          entityId: row.id,
          params: { title: row.title, endDate: row.endDate },
        });
        await record({
          entityType: 'agreement',
          entityId: row.id,
          agreementId: row.id,
          action: 'expiry_warning',
          after: { endDate: row.endDate, notifiedUsers: messages.length },
        });
        return messages;
      });
      if (!sent) continue;
      warned++;
      await notifications.deliver(sent);
    }
    return { expired, warned };
  };
}
