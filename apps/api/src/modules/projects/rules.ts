// What every change to a project list must respect: a running agreement, parties only, open projects,
// and re-orders that cover exactly the list as it is.
import { ConflictError } from '../../errors.js';
import type { Transaction } from '../../db/client.js';
import type { checklistItems, projects } from '../../db/schema/index.js';
import { invalid } from '../agreements/input.js';
import type { Change, RecordChange } from '../agreements/journal.js';
import type { AgreementRecord } from '../agreements/repository.js';
import { RUNNING_STATUSES } from '../agreements/status.js';
import type { ProjectView } from './dto.js';
import type { ProjectRepository } from './repository.js';

/** The project list changes only while the cooperation runs. */
export function requireRunning(record: AgreementRecord) {
  if (!RUNNING_STATUSES.includes(record.row.status)) {
    throw new ConflictError(
      'agreement_not_running',
      `Projects change only while the agreement is signed or active; it is ${record.row.status}`,
    );
  }
}

export function requireParty(record: AgreementRecord, orgId: string, field: string) {
  if (!record.facts.partyOrgIds.includes(orgId)) throw invalid(field, 'must be a party of the agreement');
}

/** Items of a done or closed project stay as they are until it reopens. */
export function requireOpenProject(view: ProjectView) {
  if (view.project.status === 'done' || view.project.status === 'closed') {
    throw new ConflictError(
      'project_closed',
      `This project is ${view.project.status}; reopen it to change its checklist`,
    );
  }
}

/**
 * Applies a new order to a whole list (projects of an agreement, items of a project) and logs it.
 * False when the ids are not exactly the list's: someone added or removed one meanwhile.
 */
export async function applyOrder(
  tx: Transaction,
  recordChange: RecordChange,
  repository: ProjectRepository,
  list: { table: typeof projects | typeof checklistItems; parentId: string; ids: string[] },
  change: Omit<Change, 'before' | 'after'>,
): Promise<boolean> {
  const before = await repository.order(tx, list.table, list.parentId);
  if (before.length !== list.ids.length || !list.ids.every((id) => before.includes(id))) return false;
  if (before.every((id, index) => list.ids[index] === id)) return true;
  await repository.reorder(tx, list.table, list.ids);
  await recordChange({ ...change, before: { order: before }, after: { order: list.ids } });
  return true;
}
