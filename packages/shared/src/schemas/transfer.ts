// What a bulk import answers.
import { Type, type Static } from 'typebox';
import { FieldProblem } from './common.js';

export const ImportReport = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Integer(),
  /** Each rejected row: its number in the sheet (the header is row 1) and why. */
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), title: Type.String(), problems: Type.Array(FieldProblem) }),
  ),
});
export type ImportReport = Static<typeof ImportReport>;
