// Schema validation issues (TypeBox's, shaped like AJV's) as the field problems the API answers with,
// for request validation and bulk import alike.
import type { FieldProblem, FieldRule } from '@coop/shared';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: object;
  message?: string;
}

/** The rule each keyword breaks; any other keyword is `invalid`. */
const RULE_BY_KEYWORD: Record<string, FieldRule> = {
  required: 'required',
  additionalProperties: 'not_allowed',
  // A false schema: how an unknown property is reported a second time, on the property itself.
  boolean: 'not_allowed',
  minLength: 'too_short',
  maxLength: 'too_long',
  minItems: 'too_few',
  maxItems: 'too_many',
  minimum: 'too_small',
  maximum: 'too_large',
  format: 'format',
  pattern: 'format',
  enum: 'not_one_of',
  const: 'not_one_of',
  uniqueItems: 'duplicate',
  type: 'type',
};

/** The English text of rules whose validator message would name the parent instead of the field. */
const TEXT_BY_RULE: Partial<Record<FieldRule, string>> = {
  required: 'is required',
  not_allowed: 'is not an allowed property',
};

/**
 * One problem per field (the first issue found there), named by `fieldOf` from the path to the value.
 * Missing and unknown properties are reported on their parent; each becomes a problem on the property itself.
 */
export function problemsFromIssues(
  issues: Iterable<ValidationIssue>,
  fieldOf: (path: string[]) => string,
): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  for (const issue of issues) {
    const params = issue.params as {
      limit?: number | bigint;
      requiredProperties?: string[];
      additionalProperties?: string[];
    };
    const rule = RULE_BY_KEYWORD[issue.keyword] ?? 'invalid';
    const problem = TEXT_BY_RULE[rule] ?? issue.message ?? 'is invalid';
    const path = issue.instancePath.split('/').slice(1);
    const properties = params.requiredProperties ?? params.additionalProperties;
    for (const where of properties ? properties.map((property) => [...path, property]) : [path]) {
      const field = fieldOf(where);
      if (byField.has(field)) continue;
      byField.set(field, {
        field,
        problem,
        rule,
        ...(params.limit !== undefined && rule.startsWith('too_') ? { limit: Number(params.limit) } : {}),
      });
    }
  }
  return [...byField.values()];
}
