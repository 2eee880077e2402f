// Reads an uploaded CSV or XLSX into rows keyed by the import columns.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { BadRequestError } from '../../errors.js';
import { assertDeclaredType, SNIFF_BYTES } from '../../storage/file-type.js';
import { IMPORT_COLUMNS, type ImportColumn, type SheetRow } from './columns.js';

export const MAX_IMPORT_ROWS = 5000;
// The file's name declares its type here: what the browser sends as its MIME type varies.
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function normaliseHeader(header: string): ImportColumn | null {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (IMPORT_COLUMNS as readonly string[]).includes(key) ? (key as ImportColumn) : null;
}

function toRows(headers: string[], records: string[][]): SheetRow[] {
  const columns = headers.map(normaliseHeader);
  if (!columns.includes('title') || !columns.includes('description')) {
    throw new BadRequestError(
      'invalid_file',
      'The first row must name the columns, including title and description',
      {
        expected: IMPORT_COLUMNS,
      },
    );
  }
  if (records.length > MAX_IMPORT_ROWS) {
    throw new BadRequestError('too_many_rows', `A file may hold at most ${MAX_IMPORT_ROWS} rows; split it`);
  }
  return records.map((record) => {
    const row: SheetRow = {};
    columns.forEach((column, i) => {
      if (column) row[column] = (record[i] ?? '').trim();
    });
    return row;
  });
}

function parseCsv(buffer: Buffer): SheetRow[] {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [headers, ...records] = parsed.data;
  if (!headers) throw new BadRequestError('invalid_file', 'The file is empty');
  return toRows(headers, records);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

async function parseXlsx(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new BadRequestError('invalid_file', 'The file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new BadRequestError('invalid_file', 'The workbook has no rows');
  const matrix: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    matrix.push(values.slice(1).map(cellText));
  });
  const [headers, ...records] = matrix;
  return toRows(headers!, records);
}

export async function parseSheet(filename: string, buffer: Buffer): Promise<SheetRow[]> {
  const lower = filename.toLowerCase();
  const head = buffer.subarray(0, SNIFF_BYTES);
  if (lower.endsWith('.xlsx')) {
    assertDeclaredType(head, XLSX_TYPE);
    return parseXlsx(buffer);
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    assertDeclaredType(head, 'text/csv');
    return parseCsv(buffer);
  }
  throw new BadRequestError('unsupported_file', 'Upload a .csv or .xlsx file', [
    { field: 'file', problem: 'must be a .csv or .xlsx file', rule: 'format' },
  ]);
}
