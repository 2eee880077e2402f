// Export of project lists with the columns the screen shows: XLSX with a projects sheet and a checklist sheet,
// CSV with one row per checklist item carrying its project's columns (a project without items gets one row).
import {
  CHECKLIST_STATUS_LABELS,
  labelOf,
  PROJECT_STATUS_LABELS,
  type ChecklistItem,
  type Locale,
  type PartyOrg,
  type Project,
  type ProjectListQuery,
} from '@coop/shared';
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Database } from '../../db/client.js';
import { checklistItems } from '../../db/schema/index.js';
import type { Actor } from '../access/actor.js';
import { platformDate } from '../agreements/dates.js';
import type { Page } from '../listings/service.js';
import { toItem } from './dto.js';
import type { ProjectService } from './service.js';

export const MAX_EXPORT_PROJECTS = 10_000;

const PROJECT_HEADERS = {
  'zh-CN': ['协议', '项目', '负责方', '负责人', '状态', '截止日期', '清单进度', '逾期事项'],
  en: ['Agreement', 'Project', 'Owner', 'Lead', 'Status', 'Due', 'Checklist', 'Overdue items'],
};
const ITEM_HEADERS = {
  'zh-CN': ['事项', '责任方', '事项状态', '事项截止', '完成佐证'],
  en: ['Item', 'Responsible', 'Item status', 'Item due', 'Evidence'],
};
const JOINT_LABEL = { 'zh-CN': '共同负责', en: 'Joint' };

/** Which projects: one agreement's list, or every list the caller may see. */
export type ExportScope =
  { agreementId: string; status?: string } | { query: Omit<ProjectListQuery, 'page' | 'pageSize'> };

export function createProjectExporter({ db, projects }: { db: Database; projects: ProjectService }) {
  async function load(actor: Actor | null, scope: ExportScope) {
    const list: Project[] = [];
    for (let page = 1; list.length < MAX_EXPORT_PROJECTS; page++) {
      const batch: Page<Project> =
        'agreementId' in scope
          ? await projects.listOfAgreement(actor, scope.agreementId, {
              status: scope.status,
              page,
              pageSize: 100,
            })
          : await projects.list(actor, { ...scope.query, page, pageSize: 100 });
      list.push(...batch.items);
      if (batch.items.length < 100) break;
    }
    const today = platformDate();
    const items = new Map<string, ChecklistItem[]>();
    for (let start = 0; start < list.length; start += 500) {
      const ids = list.slice(start, start + 500).map((p) => p.id);
      for (const row of await projects.repository.items(db, inArray(checklistItems.projectId, ids))) {
        const item = toItem(row.item, row.responsibleOrg, today);
        items.set(item.projectId, [...(items.get(item.projectId) ?? []), item]);
      }
    }
    return { list, items };
  }

  function columns(locale: Locale) {
    const name = (org: PartyOrg | null) =>
      org ? (locale === 'en' ? org.nameEn : org.nameZh) : JOINT_LABEL[locale];
    return {
      project: (p: Project) => [
        p.agreement.title,
        p.title,
        name(p.ownerOrg),
        p.leadName ?? '',
        labelOf(PROJECT_STATUS_LABELS, p.status, locale),
        p.dueDate ?? '',
        `${p.checklist.done}/${p.checklist.total}`,
        String(p.checklist.overdue),
      ],
      item: (i: ChecklistItem) => [
        i.title,
        name(i.responsibleOrg),
        labelOf(CHECKLIST_STATUS_LABELS, i.status, locale),
        i.dueDate ?? '',
        i.evidence ?? '',
      ],
    };
  }

  return {
    async csv(actor: Actor | null, scope: ExportScope, locale: Locale): Promise<string> {
      const { list, items } = await load(actor, scope);
      const cells = columns(locale);
      const rows = list.flatMap((project) => {
        const own = items.get(project.id) ?? [];
        return own.length === 0
          ? [[...cells.project(project), '', '', '', '', '']]
          : own.map((item) => [...cells.project(project), ...cells.item(item)]);
      });
      // The BOM makes Excel read the UTF-8 Chinese text correctly.
      return `\uFEFF${Papa.unparse([[...PROJECT_HEADERS[locale], ...ITEM_HEADERS[locale]], ...rows])}`;
    },

    async xlsx(actor: Actor | null, scope: ExportScope, locale: Locale): Promise<Buffer> {
      const { list, items } = await load(actor, scope);
      const cells = columns(locale);
      const workbook = new ExcelJS.Workbook();
      const projectSheet = workbook.addWorksheet(locale === 'en' ? 'Projects' : '项目');
      projectSheet.addRow(PROJECT_HEADERS[locale]).font = { bold: true };
      for (const project of list) projectSheet.addRow(cells.project(project));
      const itemSheet = workbook.addWorksheet(locale === 'en' ? 'Checklist' : '清单');
      itemSheet.addRow([
        PROJECT_HEADERS[locale][0],
        PROJECT_HEADERS[locale][1],
        ...ITEM_HEADERS[locale],
      ]).font = { bold: true };
      for (const project of list) {
        for (const item of items.get(project.id) ?? [])
          itemSheet.addRow([project.agreement.title, project.title, ...cells.item(item)]);
      }
      for (const sheet of [projectSheet, itemSheet]) {
        sheet.columns.forEach((column) => {
          column.width = 24;
        });
      }
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}

export type ProjectExporter = ReturnType<typeof createProjectExporter>;
