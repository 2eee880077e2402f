// Building blocks of the agreement and project schemas (not exported from the package).
import { Type, type TSchema } from 'typebox';
import { Uuid } from './common.js';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const IsoDate = Type.String({ format: 'date' });
export const Version = Type.Integer({ minimum: 1 });
export const Title = Type.String({ minLength: 2, maxLength: 200 });
export const LongText = Type.String({ maxLength: 20_000 });
export const Name = Type.String({ minLength: 1, maxLength: 80 });
export const CsvList = Type.String({ maxLength: 500, pattern: '^[A-Za-z0-9_.,-]*$' });
export const OrgFilter = Type.Optional(
  Type.Union([Type.Literal('mine'), Uuid], { description: 'a party organisation; mine = yours' }),
);
