// English messages of bulk import and export.
const en = {
  import: 'Import',
  export: 'Export',
  exportAs: { csv: 'CSV (.csv)', xlsx: 'Excel (.xlsx)' },
  exportHint: 'Downloads the list as filtered now, in the current language.',
  exported: 'Downloaded {name}',
  title: { need: 'Import needs from a file', capability: 'Import capabilities from a file' },
  hint: 'A CSV or Excel file with one row per item. The first row names the columns; only title and description are required. Separate several values in one cell with ;. Fields, cooperation types, kinds and regions may be written in Chinese or English.',
  idempotent:
    'Rows are matched by title within your organisation: importing the same file again updates those items instead of duplicating them.',
  columnsLabel: 'Columns:',
  template: 'Download a CSV template',
  drop: 'Drop a .csv or .xlsx file here, or click to choose one',
  limits: 'At most 5 MB and 5,000 rows.',
  chosen: 'File: {name} ({size})',
  start: 'Import',
  uploading: 'Uploading {name}…',
  progress: 'Imported {processed} of {total} rows',
  report: {
    title: 'Import finished',
    summary: '{total} rows read: {created} created, {updated} updated, {rejected} rejected.',
    allGood: 'Every row was imported.',
    rejected: 'Rejected rows: fix them in the file and import it again. The good rows are already in.',
    row: 'Row',
    item: 'Title',
    problems: 'What is wrong',
    untitled: '(no title)',
    problem: '{field}: {problem}',
  },
  columns: {
    title: 'title',
    description: 'description',
    kind: 'kind',
    fields: 'fields',
    keywords: 'keywords',
    cooperation_types: 'cooperation_types',
    region: 'region',
    row: 'the row',
  },
  another: 'Import another file',
  done: 'Done',
  needsFile: 'Choose a .csv or .xlsx file first.',
  wrongType: 'Only .csv and .xlsx files can be imported.',
  tooLarge: 'This file is larger than 5 MB. Split it into smaller files.',
};

export default en;
export type TransferMessages = typeof en;
