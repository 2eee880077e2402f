import { Type, type Static, type TSchema, type TSchemaOptions, type TEnum } from 'typebox';

/** Objects the API accepts refuse properties they do not name. */
export const StrictObject = <T extends Record<string, TSchema>>(properties: T, options: object = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const Uuid = Type.String({ format: 'uuid' });
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

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

/** Enumerated string from a readonly list (JSON Schema `enum`). */
export const OneOf = <const T extends readonly string[]>(
  values: T,
  options: TSchemaOptions = {},
): TEnum<[...T]> => Type.Enum<[...T]>([...values] as [...T], options);
