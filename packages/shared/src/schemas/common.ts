import { Type, type Static, type TSchema, type TSchemaOptions, type TEnum } from 'typebox';
import { FIELD_RULES } from '../enums.js';

/** Objects the API accepts refuse properties they do not name. */
export const StrictObject = <T extends Record<string, TSchema>>(properties: T, options: object = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const Uuid = Type.String({ format: 'uuid' });
/** What a verifier checked, in their words. */
export const Reason = Type.String({ minLength: 2, maxLength: 1000 });
export const IdParams = StrictObject({ id: Uuid });
export type IdParams = Static<typeof IdParams>;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

/** Enumerated string from a readonly list (JSON Schema `enum`). */
export const OneOf = <const T extends readonly string[]>(
  values: T,
  options: TSchemaOptions = {},
): TEnum<[...T]> => Type.Enum<[...T]>([...values] as [...T], options);

export const FieldProblem = Type.Object({
  field: Type.String({ description: "Where: 'body.title', 'querystring.page', or an import column" }),
  problem: Type.String({ description: 'In English, e.g. "is required"' }),
  rule: OneOf(FIELD_RULES),
  limit: Type.Optional(Type.Number({ description: 'The bound a too_* rule names' })),
  value: Type.Optional(Type.String({ description: 'The word unknown_value did not recognise' })),
});
export type FieldProblem = Static<typeof FieldProblem>;

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(
      Type.Union([Type.Array(FieldProblem), Type.Unknown()], {
        description:
          'Field problems for bad input; otherwise what the code needs, e.g. `{ retryAfterSeconds }`',
      }),
    ),
  }),
});
export type ErrorResponse = Static<typeof ErrorResponse>;
