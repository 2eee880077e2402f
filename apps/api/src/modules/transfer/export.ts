// Export of the list a user is looking at: the import columns first, so a file can go round the loop.
import {
  CAPABILITY_KIND_LABELS,
  COOPERATION_TYPE_LABELS,
  fieldLabel,
  labelOf,
  regionLabel,
  type Capability,
  type CapabilityKind,
  type CooperationType,
  type ListingListQuery,
  type Need,
} from '@coop/shared';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Actor } from '../access/actor.js';
import { requireActor } from '../access/policy.js';
import type { CapabilityService } from '../capabilities/service.js';
import type { NeedService } from '../needs/service.js';
import type { ImportKind } from './import.js';

export const MAX_EXPORT_ROWS = 10_000;

const HEADERS = [
  'title',
  'description',
  'kind',
  'fields',
  'keywords',
  'cooperation_types',
  'region',
  'status',
  'visibility',
  'organisation',
  'published_at',
  'updated_at',
];

function toRecord(item: Need | Capability, locale: string): string[] {
  return [
    item.title,
    item.description,
    item.type === 'capability' ? labelOf(CAPABILITY_KIND_LABELS, item.kind as CapabilityKind, locale) : '',
    item.fields.map((code) => fieldLabel(code, locale)).join('; '),
    item.keywords.join('; '),
    item.cooperationTypes
      .map((c) => labelOf(COOPERATION_TYPE_LABELS, c as CooperationType, locale))
      .join('; '),
    regionLabel(item.regionCode, locale),
    item.status,
    item.visibility,
    item.org ? (locale === 'en' ? item.org.nameEn : item.org.nameZh) : '',
    item.publishedAt ?? '',
    item.updatedAt,
  ];
}

export function createExporter(services: { needs: NeedService; capabilities: CapabilityService }) {
  async function records(actor: Actor | null, kind: ImportKind, query: ListingListQuery, locale: string) {
    // A file of every listing at once is a bulk copy: only for those signed in, whatever the lists show visitors.
    const caller = requireActor(actor);
    const service = kind === 'needs' ? services.needs : services.capabilities;
    const rows: string[][] = [];
    for (let page = 1; rows.length < MAX_EXPORT_ROWS; page++) {
      const batch = await service.list(caller, { ...query, page, pageSize: 100 });
      rows.push(...(batch.items as (Need | Capability)[]).map((item) => toRecord(item, locale)));
      if (batch.items.length < 100) break;
    }
    return rows;
  }

  return {
    async csv(
      actor: Actor | null,
      kind: ImportKind,
      query: ListingListQuery,
      locale: string,
    ): Promise<string> {
      // The BOM makes Excel read the UTF-8 Chinese text correctly.
      return `\uFEFF${Papa.unparse([HEADERS, ...(await records(actor, kind, query, locale))])}`;
    },

    async xlsx(
      actor: Actor | null,
      kind: ImportKind,
      query: ListingListQuery,
      locale: string,
    ): Promise<Buffer> {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(kind);
      sheet.addRow(HEADERS).font = { bold: true };
      for (const record of await records(actor, kind, query, locale)) sheet.addRow(record);
      sheet.columns.forEach((column, i) => {
        column.width = i === 1 ? 60 : 24;
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}

export type Exporter = ReturnType<typeof createExporter>;
