// Request bodies to columns, shared by agreements, projects and checklist items: cleaning and cross-field checks.
import type { FieldRule } from '@coop/shared';
import { BadRequestError } from '../../errors.js';

/** A field-level 400, as schema validation reports it. */
export const invalid = (field: string, problem: string, rule: FieldRule = 'invalid') =>
  new BadRequestError('validation_failed', `${field} ${problem}`, [{ field, problem, rule }]);

/** Comma-separated query values. */
export const csv = (value: string | undefined) => value?.split(',').filter(Boolean);

/** Trimmed text, blank as null; absent stays absent. */
export const trimmed = (text: string | null | undefined) =>
  text === undefined ? undefined : text?.trim() || null;

/** Drops absent fields, so a patch changes only what it names. */
export const withoutUndefined = <T extends object>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

/** A period must not end before it starts. */
export function checkPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
  field: { end: string; start: string },
) {
  if (start && end && end < start) throw invalid(`body.${field.end}`, `must not be before ${field.start}`);
}
