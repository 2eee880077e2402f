// What leaves the dashboard as files: a chart's rows as XLSX (exactly the rows and columns the chart shows)
// and the PDF report of a period with its figures and bar charts, Chinese set in Noto Sans SC.
import {
  DIMENSION_LABELS,
  breakdownRowLabel,
  FUNNEL_STAGE_LABELS,
  indicatorOf,
  indicators,
  regionLabel,
  type BreakdownResponse,
  type FunnelResponse,
  type Locale,
  type ReportDimension,
  type SummaryResponse,
  type TargetList,
} from '@coop/shared';
import ExcelJS from 'exceljs';
import { createPdf, pdfBuffer, PDF_FONTS } from '../../pdf/document.js';

const words = {
  'zh-CN': {
    lastYear: '去年同期',
    conversion: '转化率',
    stage: '阶段',
    value: '数值',
    funnel: '合作漏斗',
    report: '产学研合作报告',
    period: '期间',
    scope: '范围',
    figures: '主要指标',
    targets: '年度目标',
    target: '目标',
    actual: '完成',
    projection: '年末预计',
    onTrack: '进度正常',
    behind: '落后',
    trend: '按月趋势',
    byRegion: '按地区',
    byField: '按技术领域',
    generated: '生成于',
    none: '无',
    legend: '蓝色长条：本期；灰色细条：去年同期（同口径）',
  },
  en: {
    lastYear: 'Same period last year',
    conversion: 'Conversion',
    stage: 'Stage',
    value: 'Value',
    funnel: 'Cooperation funnel',
    report: 'Industry–university–research cooperation report',
    period: 'Period',
    scope: 'Scope',
    figures: 'Key figures',
    targets: 'Annual targets',
    target: 'Target',
    actual: 'Actual',
    projection: 'Projected at year end',
    onTrack: 'on track',
    behind: 'behind',
    trend: 'Trend by month',
    byRegion: 'By region',
    byField: 'By technical field',
    generated: 'Generated',
    none: 'none',
    legend: 'Blue bars: this period; thin grey bars: same period last year (same basis)',
  },
} as const;

const indicatorName = (id: string, locale: Locale) => {
  const indicator = indicatorOf(id);
  return indicator ? (locale === 'en' ? indicator.en : indicator.zh) : id;
};

const formatNumber = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);

async function workbook(sheetName: string, header: string[], rows: (string | number | null)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function funnelXlsx(funnel: FunnelResponse, locale: Locale) {
  const w = words[locale];
  return workbook(
    w.funnel,
    [w.stage, w.value, w.conversion, w.lastYear],
    funnel.stages.map((s) => [
      locale === 'en' ? FUNNEL_STAGE_LABELS[s.stage].en : FUNNEL_STAGE_LABELS[s.stage].zh,
      s.value,
      s.conversion === null ? null : Math.round(s.conversion * 1000) / 10,
      s.lastYear,
    ]),
  );
}

export function breakdownXlsx(breakdown: BreakdownResponse, locale: Locale) {
  const w = words[locale];
  const by = breakdown.by as ReportDimension;
  const dimension = locale === 'en' ? DIMENSION_LABELS[by].en : DIMENSION_LABELS[by].zh;
  return workbook(
    indicatorName(breakdown.indicator, locale),
    [dimension, indicatorName(breakdown.indicator, locale), w.lastYear],
    breakdown.rows.map((row) => [breakdownRowLabel(by, row, locale), row.value, row.lastYear]),
  );
}

export interface ReportContents {
  summary: SummaryResponse;
  funnel: FunnelResponse;
  targets: TargetList;
  trend: BreakdownResponse;
  byRegion: BreakdownResponse;
  byField: BreakdownResponse;
  scopeLabel: string;
}

/** Horizontal bars: a label, this period's bar, last year's thin bar beneath, and the figures. */
function bars(
  doc: PDFKit.PDFDocument,
  rows: { label: string; value: number; lastYear: number }[],
  locale: Locale,
) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 130;
  const barWidth = width - labelWidth - 90;
  const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.lastYear]));
  for (const row of rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    doc
      .fontSize(9)
      .fillColor('#333')
      .text(row.label, left, y + 1, { width: labelWidth - 6, ellipsis: true, lineBreak: false });
    doc.rect(left + labelWidth, y, Math.max(1, (row.value / max) * barWidth), 10).fill('#2f6fde');
    doc.rect(left + labelWidth, y + 12, Math.max(1, (row.lastYear / max) * barWidth), 4).fill('#b8c4d6');
    doc
      .fillColor('#333')
      .text(
        `${formatNumber(row.value, locale)} / ${formatNumber(row.lastYear, locale)}`,
        left + labelWidth + barWidth + 6,
        y + 1,
        {
          width: 84,
          lineBreak: false,
        },
      );
    doc.x = left;
    doc.y = y + 22;
  }
  doc.moveDown(0.5);
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.6).font(PDF_FONTS.bold).fontSize(13).fillColor('#111').text(text, doc.page.margins.left);
  doc.font(PDF_FONTS.regular).moveDown(0.3);
}

export async function reportPdf(contents: ReportContents, locale: Locale): Promise<Buffer> {
  const w = words[locale];
  const { summary } = contents;
  const doc = createPdf({ title: w.report });
  doc.font(PDF_FONTS.bold).fontSize(18).text(w.report);
  doc.font(PDF_FONTS.regular).fontSize(10).fillColor('#555');
  doc.text(`${w.period}: ${summary.from} – ${summary.to}    ${w.scope}: ${contents.scopeLabel}`);
  doc.text(`${w.generated}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);

  heading(doc, w.figures);
  doc.fontSize(10).fillColor('#222');
  for (const indicator of indicators()) {
    const figure = summary.figures[indicator.id];
    if (!figure) continue;
    doc.text(
      `${locale === 'en' ? indicator.en : indicator.zh}: ${formatNumber(figure.value, locale)}    ${w.lastYear}: ${formatNumber(figure.lastYear, locale)}`,
    );
  }

  heading(doc, w.targets);
  doc.fontSize(10).fillColor('#222');
  if (contents.targets.items.length === 0) doc.text(w.none);
  for (const t of contents.targets.items) {
    doc.text(
      `${indicatorName(t.indicator, locale)}: ${w.actual} ${formatNumber(t.actual, locale)} / ${w.target} ${formatNumber(t.target, locale)} (${Math.round(t.progress * 100)}%), ${w.projection} ${formatNumber(t.projection, locale)} — ${t.onTrack ? w.onTrack : w.behind}`,
    );
  }

  heading(doc, w.funnel);
  bars(
    doc,
    contents.funnel.stages.map((s) => ({
      label: `${locale === 'en' ? FUNNEL_STAGE_LABELS[s.stage].en : FUNNEL_STAGE_LABELS[s.stage].zh}${s.conversion === null ? '' : ` (${Math.round(s.conversion * 100)}%)`}`,
      value: s.value,
      lastYear: s.lastYear,
    })),
    locale,
  );
  for (const [title, breakdown] of [
    [`${w.trend} · ${indicatorName(contents.trend.indicator, locale)}`, contents.trend],
    [`${w.byRegion} · ${indicatorName(contents.byRegion.indicator, locale)}`, contents.byRegion],
    [`${w.byField} · ${indicatorName(contents.byField.indicator, locale)}`, contents.byField],
  ] as const) {
    heading(doc, title);
    bars(
      doc,
      breakdown.rows.map((row) => ({
        label: breakdownRowLabel(breakdown.by as ReportDimension, row, locale),
        ...row,
      })),
      locale,
    );
  }
  doc.fontSize(8).fillColor('#777').text(w.legend);
  return pdfBuffer(doc);
}

export const scopeLabelOf = (
  scope: TargetList['scope'],
  names: { region?: string; association?: string },
  locale: Locale,
) =>
  scope.kind === 'region'
    ? regionLabel(scope.key, locale)
    : scope.kind === 'association'
      ? (names.association ?? scope.key)
      : locale === 'en'
        ? 'Whole platform'
        : '全平台';
