// Characters PostgreSQL refuses in text (NUL), that no form produces (other C0 controls, DEL), that cannot be
// stored as UTF-8 (unpaired surrogates), or that make text read differently from how it is stored (direction
// overrides and isolates). Tab, line feed and carriage return stay allowed.
import { BadRequestError } from '../errors.js';

const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const FORBIDDEN_TEXT_PROBLEM =
  'contains a character that is not allowed (a control character, an unpaired surrogate or a direction override)';

export function isAllowedText(text: string): boolean {
  return !FORBIDDEN.test(text);
}

/** Deeper than any body the API takes; walking further would only spend the stack. */
export const MAX_DEPTH = 32;
const TOO_DEEP_PROBLEM = `is nested more than ${MAX_DEPTH} levels deep`;

/** The first string (or property name) in `value` holding a forbidden character, or the first too deep. */
export function findForbiddenText(
  value: unknown,
  path: string[] = [],
): { path: string[]; problem: string } | null {
  if (typeof value === 'string')
    return isAllowedText(value) ? null : { path, problem: FORBIDDEN_TEXT_PROBLEM };
  if (value === null || typeof value !== 'object') return null;
  if (path.length >= MAX_DEPTH) return { path, problem: TOO_DEEP_PROBLEM };
  for (const [key, item] of Object.entries(value)) {
    if (!isAllowedText(key)) return { path: [...path, key], problem: FORBIDDEN_TEXT_PROBLEM };
    const found = findForbiddenText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** The 400 that names the field holding a forbidden character. */
export function forbiddenTextError(field: string, problem = FORBIDDEN_TEXT_PROBLEM): BadRequestError {
  return new BadRequestError('validation_failed', `${field} ${problem}`, [
    { field, problem, rule: 'invalid' },
  ]);
}
