// Bulk import (CSV / XLSX, streamed progress) and export of a filtered list as a file.
import type { Locale } from '@coop/shared';
import { ApiError, apiResponse, type Query } from './client';
import type { ImportReport, ListingType } from './types';

const KIND_PATHS: Record<ListingType, string> = { need: 'needs', capability: 'capabilities' };
export type ExportFormat = 'csv' | 'xlsx';

export interface ImportProgress {
  processed: number;
  total: number;
}

type ImportLine =
  { progress: ImportProgress } | { report: ImportReport } | { error: { code: string; message: string } };

/** Reads a body of JSON lines as they arrive, calling `onLine` for each. */
async function readLines(response: Response, onLine: (line: ImportLine) => void) {
  const handle = (text: string) => {
    if (text.trim()) onLine(JSON.parse(text) as ImportLine);
  };
  if (!response.body) {
    (await response.text()).split('\n').forEach(handle);
    return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += decoder.decode(value, { stream: !done });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(handle);
    if (done) break;
  }
  handle(pending);
}

export const transferApi = {
  /** Uploads a CSV or XLSX file; `onProgress` hears how many rows are done while the server works. */
  async importFile(type: ListingType, file: File, onProgress: (progress: ImportProgress) => void) {
    const form = new FormData();
    form.append('file', file, file.name);
    const response = await apiResponse('POST', `/import/${KIND_PATHS[type]}`, {
      body: form,
      accept: 'application/x-ndjson',
    });
    let report: ImportReport | null = null;
    let heard: ImportProgress | null = null;
    // The server stopping (a crash, a restart) breaks the stream or ends it without a report: the rows it
    // confirmed are saved, and the same file again finishes the rest.
    const interrupted = () =>
      new ApiError(0, 'import_interrupted', 'The import stopped before its report', heard);
    try {
      await readLines(response, (line) => {
        if ('progress' in line) onProgress((heard = line.progress));
        else if ('report' in line) report = line.report;
        else if ('error' in line) throw new ApiError(500, line.error.code, line.error.message);
      });
    } catch (error) {
      throw error instanceof ApiError ? error : interrupted();
    }
    if (!report) throw interrupted();
    return report as ImportReport;
  },

  /** The list under `filters` as a file; the name comes from the server. */
  async exportFile(type: ListingType, format: ExportFormat, lang: Locale, filters: Query) {
    const response = await apiResponse('GET', `/export/${KIND_PATHS[type]}`, {
      query: { ...filters, format, lang },
      accept: '*/*',
    });
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `${KIND_PATHS[type]}.${format}`;
    return { blob: await response.blob(), name };
  },
};
