// Bulk import: every row is checked on its own; a bad row is reported and never stops the good ones.
import { NewCapability, NewNeed, type FieldProblem, type ImportReport } from '@coop/shared';
import { setImmediate } from 'node:timers/promises';
import { Compile } from 'typebox/compile';
import type { Actor } from '../access/actor.js';
import { requireActor } from '../access/policy.js';
import type { CapabilityService } from '../capabilities/service.js';
import type { NeedService } from '../needs/service.js';
import { AppError } from '../../errors.js';
import { problemsFromIssues } from '../../http/field-problems.js';
import { findForbiddenText } from '../../http/text-guard.js';
import {
  resolveCooperationType,
  resolveField,
  resolveKind,
  resolveRegion,
  splitList,
  type SheetRow,
} from './columns.js';

export type ImportKind = 'needs' | 'capabilities';

const validators = { needs: Compile(NewNeed), capabilities: Compile(NewCapability) };

/** Turns a sheet row into an API body, collecting what cannot be understood. */
function toInput(kind: ImportKind, row: SheetRow) {
  const problems: FieldProblem[] = [];
  const unknown = (field: string, word: string, what: string): FieldProblem => ({
    field,
    problem: `"${word}" is not a known ${what}`,
    rule: 'unknown_value',
    value: word,
  });
  const resolveAll = (
    column: string,
    cell: string | undefined,
    resolve: (word: string) => string | undefined,
  ) =>
    splitList(cell).flatMap((word) => {
      const code = resolve(word);
      if (!code) problems.push(unknown(column, word, 'value'));
      return code ? [code] : [];
    });
  const input: Record<string, unknown> = {
    title: row.title ?? '',
    description: row.description ?? '',
    fields: [...new Set(resolveAll('fields', row.fields, resolveField))],
    keywords: splitList(row.keywords),
    cooperationTypes: [
      ...new Set(resolveAll('cooperation_types', row.cooperation_types, resolveCooperationType)),
    ],
  };
  if (row.region) {
    const region = resolveRegion(row.region);
    if (region) input.regionCode = region;
    else problems.push(unknown('region', row.region, 'region'));
  }
  if (kind === 'capabilities') {
    const capabilityKind = row.kind ? resolveKind(row.kind) : undefined;
    if (!capabilityKind)
      problems.push(
        row.kind
          ? unknown('kind', row.kind, 'kind')
          : { field: 'kind', problem: 'is required', rule: 'required' },
      );
    input.kind = capabilityKind;
  }
  if (problems.length === 0) {
    // Problems are named by column: a keyword too long is a problem of `keywords`.
    const column = ([property]: string[]) =>
      property === 'cooperationTypes' ? 'cooperation_types' : (property ?? 'row');
    problems.push(...problemsFromIssues(validators[kind].Errors(input), column));
    const forbidden = findForbiddenText(input);
    if (forbidden)
      problems.push({ field: column(forbidden.path), problem: forbidden.problem, rule: 'invalid' });
  }
  return { input, problems };
}

export function createImporter(services: { needs: NeedService; capabilities: CapabilityService }) {
  return {
    async run(
      actor: Actor | null,
      kind: ImportKind,
      rows: SheetRow[],
      onProgress?: (processed: number, total: number) => void,
    ): Promise<ImportReport> {
      const caller = requireActor(actor);
      const report: ImportReport = { total: rows.length, created: 0, updated: 0, rejected: 0, errors: [] };
      for (const [index, row] of rows.entries()) {
        const rowNumber = index + 2; // the header is row 1
        const { input, problems } = toInput(kind, row);
        if (problems.length === 0) {
          try {
            const outcome =
              kind === 'needs'
                ? await services.needs.upsertByTitle(caller, input as NewNeed)
                : await services.capabilities.upsertByTitle(caller, input as NewCapability);
            report[outcome] += 1;
          } catch (error) {
            // Permission problems concern the whole file, not a row.
            if (error instanceof AppError && error.status === 403) throw error;
            problems.push({ field: 'row', problem: (error as Error).message, rule: 'invalid' });
          }
        }
        if (problems.length) {
          report.rejected += 1;
          report.errors.push({ row: rowNumber, title: row.title ?? '', problems });
        }
        if (onProgress && (index % 25 === 24 || index === rows.length - 1)) {
          onProgress(index + 1, rows.length);
          // PGlite answers in microtasks, never handing back to the event loop: without this turn the progress
          // lines would all leave together with the report.
          await setImmediate();
        }
      }
      return report;
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;
