// Agendas of one participant or one table: on screen (JSON), XLSX (exceljs), a printable PDF (PDFKit with the CJK
// font) and an iCalendar file (`ics`).
import type { Agenda, AgendaQuery, Locale } from '@coop/shared';
import ExcelJS from 'exceljs';
import { createEvents } from 'ics';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import { createPdf, pdfBuffer, PDF_FONTS } from '../../pdf/document.js';
import type { MeetingService } from './service.js';
import { clock, minutesOf, slotInstant } from './slots.js';

const HEADERS = {
  'zh-CN': {
    time: '时间',
    table: '桌号',
    with: '对接方',
    purpose: '事由',
    attendance: '状态',
    tableHeading: (n: number) => `${n} 号桌`,
  },
  en: {
    time: 'Time',
    table: 'Table',
    with: 'Meeting with',
    purpose: 'Purpose',
    attendance: 'Status',
    tableHeading: (n: number) => `Table ${n}`,
  },
};
const ATTENDANCE = {
  'zh-CN': { scheduled: '已排程', held: '已举行', no_show: '缺席' },
  en: { scheduled: 'Scheduled', held: 'Held', no_show: 'No-show' },
};

export function createAgendaService({ meetings }: { meetings: MeetingService }) {
  return {
    async agenda(actor: Actor | null, id: string, query: AgendaQuery): Promise<Agenda> {
      const { record, caller, role } = await meetings.authorise(actor, id, 'read');
      const lang: Locale = query.lang ?? 'zh-CN';
      const { row } = record;
      let participantId: string | undefined;
      let heading: string;
      if (query.table !== undefined) {
        if (role === 'participant') throw new ForbiddenError('Table agendas are for the organiser');
        if (query.table > row.tableCount) throw new NotFoundError('Table');
        heading = HEADERS[lang].tableHeading(query.table);
      } else {
        const participant = record.participants.find((p) =>
          query.participant ? p.id === query.participant : p.orgId === caller.orgId,
        );
        if (!participant || (role === 'participant' && participant.orgId !== caller.orgId)) {
          throw new NotFoundError('Participant');
        }
        participantId = participant.id;
        heading = lang === 'en' ? participant.org.nameEn : participant.org.nameZh;
      }
      const views = await meetings.requestViews(id, participantId);
      const entries = views
        .filter((v) => v.assignment && (query.table === undefined || v.assignment.tableNo === query.table))
        .map((v) => {
          const slot = v.assignment!.slot;
          const start = row.slotStarts[slot]!;
          const sides = participantId ? [v.from.id === participantId ? v.to : v.from] : [v.from, v.to];
          return {
            slot,
            start,
            end: clock(minutesOf(start) + row.slotMinutes),
            table: v.assignment!.tableNo,
            requestId: v.row.id,
            with: sides.map((s) => s.org),
            purpose: v.row.purpose,
            attendance: v.assignment!.attendance,
          };
        })
        .sort((x, y) => x.slot - y.slot || x.table - y.table);
      return {
        meetingId: id,
        title: lang === 'en' ? row.titleEn : row.titleZh,
        date: row.date,
        venue: row.venue,
        heading,
        entries,
      };
    },

    async render(agenda: Agenda, format: 'xlsx' | 'pdf' | 'ics', lang: Locale) {
      const words = HEADERS[lang];
      const name = (org: Agenda['entries'][number]['with'][number]) =>
        lang === 'en' ? org.nameEn : org.nameZh;
      const rows = agenda.entries.map((e) => [
        `${e.start}–${e.end}`,
        String(e.table),
        e.with.map(name).join(' / '),
        e.purpose,
        ATTENDANCE[lang][e.attendance],
      ]);
      if (format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet(lang === 'en' ? 'Agenda' : '日程');
        sheet.addRow([`${agenda.title} · ${agenda.heading}`]).font = { bold: true };
        sheet.addRow([`${agenda.date} · ${agenda.venue}`]);
        sheet.addRow([words.time, words.table, words.with, words.purpose, words.attendance]).font = {
          bold: true,
        };
        for (const r of rows) sheet.addRow(r);
        sheet.columns.forEach((column, i) => (column.width = [14, 8, 40, 48, 10][i]));
        return {
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: Buffer.from(await workbook.xlsx.writeBuffer()),
        };
      }
      if (format === 'pdf') {
        const doc = createPdf({ title: `${agenda.title} · ${agenda.heading}` });
        doc.font(PDF_FONTS.bold).fontSize(16).text(agenda.title);
        doc.font(PDF_FONTS.regular).fontSize(11).text(`${agenda.date} · ${agenda.venue}`).moveDown(0.3);
        doc.font(PDF_FONTS.bold).fontSize(13).text(agenda.heading).moveDown(0.6);
        const widths = [80, 40, 170, 150, 59];
        const line = (cells: string[], font: string) => {
          doc.font(font).fontSize(10);
          const top = doc.y;
          let x = doc.page.margins.left;
          let height = 0;
          cells.forEach((cell, i) => {
            height = Math.max(height, doc.heightOfString(cell, { width: widths[i]! - 6 }));
          });
          if (top + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
          const y = doc.y;
          cells.forEach((cell, i) => {
            doc.text(cell, x, y, { width: widths[i]! - 6 });
            x += widths[i]!;
          });
          doc.x = doc.page.margins.left;
          doc.y = y + height + 6;
          doc
            .moveTo(doc.page.margins.left, doc.y - 3)
            .lineTo(doc.page.width - doc.page.margins.right, doc.y - 3)
            .strokeColor('#dddddd')
            .stroke();
        };
        line([words.time, words.table, words.with, words.purpose, words.attendance], PDF_FONTS.bold);
        for (const r of rows) line(r, PDF_FONTS.regular);
        if (rows.length === 0)
          doc.font(PDF_FONTS.regular).text(lang === 'en' ? 'No meetings scheduled yet.' : '尚无排定的对接。');
        return { contentType: 'application/pdf', body: await pdfBuffer(doc) };
      }
      const { error, value } = createEvents(
        agenda.entries.map((e) => {
          const { begins, ends } = slotInstant(agenda.date, e.start, minutesOf(e.end) - minutesOf(e.start));
          return {
            uid: `${e.requestId}@coop-platform`,
            title: `${e.with.map(name).join(' / ')} · ${words.tableHeading(e.table)}`,
            description: e.purpose,
            location: `${agenda.venue} · ${words.tableHeading(e.table)}`,
            start: begins.getTime(),
            startInputType: 'utc' as const,
            startOutputType: 'utc' as const,
            end: ends.getTime(),
            endInputType: 'utc' as const,
            endOutputType: 'utc' as const,
            calName: agenda.title,
          };
        }),
      );
      if (error || value === null) throw error ?? new Error('calendar could not be made');
      return { contentType: 'text/calendar; charset=utf-8', body: value };
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
