// The spreadsheet columns of bulk import and export, and how a cell's words become codes.
import {
  CAPABILITY_KIND_LABELS,
  COOPERATION_TYPE_LABELS,
  FIELDS_BY_CODE,
  REGIONS,
  type Labelled,
} from '@coop/shared';

export const IMPORT_COLUMNS = [
  'title',
  'description',
  'kind',
  'fields',
  'keywords',
  'cooperation_types',
  'region',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type SheetRow = Partial<Record<ImportColumn, string>>;

/** Lower-cased code, Chinese label, English label and synonyms → code. */
function lookup(entries: { code: string; names: string[] }[]) {
  const map = new Map<string, string>();
  for (const { code, names } of entries)
    for (const name of [code, ...names]) map.set(name.trim().toLowerCase(), code);
  return (word: string) => map.get(word.trim().toLowerCase());
}

const fromLabels = (labels: Labelled[]) =>
  lookup(labels.map((l) => ({ code: l.value, names: [l.zh, l.en] })));

export const resolveField = lookup(
  [...FIELDS_BY_CODE.values()].map((f) => ({
    code: f.code,
    names: [f.zh, f.en, ...f.synonyms.zh, ...f.synonyms.en],
  })),
);
export const resolveCooperationType = fromLabels(COOPERATION_TYPE_LABELS);
export const resolveKind = fromLabels(CAPABILITY_KIND_LABELS);
export const resolveRegion = lookup(REGIONS.map((r) => ({ code: r.code, names: [r.zh, r.en] })));

/** `;` separates list values (full-width ；、 and commas too, as people type them). */
export const splitList = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[;；、]/)
    .map((part) => part.trim())
    .filter(Boolean);
