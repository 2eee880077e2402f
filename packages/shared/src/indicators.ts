// Report indicators, defined once: id, zh/en names, unit and formula. The API computes each in SQL
// (apps/api/src/modules/reports/indicators.ts); other modules add theirs with registerIndicator.
import { Type, type Static } from 'typebox';
import { DESIGNATION_LABELS, labelOf, ORG_KIND_LABELS, type Labelled } from './enums.js';
import { regionLabel, regionOf } from './regions.js';
import { AGREEMENT_TYPE_LABELS } from './schemas/agreements.js';
import { OneOf, PageQuery, StrictObject } from './schemas/common.js';
import { COOPERATION_TYPE_LABELS, fieldLabel } from './taxonomy.js';

export type IndicatorUnit = 'count' | 'yuan' | 'days' | 'hours' | 'ratio';

export interface Indicator {
  id: string;
  zh: string;
  en: string;
  unit: IndicatorUnit;
  /** How the figure is computed, for the reader (shown beside charts and in the PDF). */
  formula: { zh: string; en: string };
  /** Whether an annual target may be set for it (medians and snapshots are not summed over a year). */
  targetable: boolean;
  /** Counts bookings of instruments: it can be broken down by instrument (its facts answer instrument_id). */
  byInstrument?: boolean;
}

const CORE_INDICATORS: Indicator[] = [
  {
    id: 'needs_posted',
    zh: '发布需求',
    en: 'Needs posted',
    unit: 'count',
    formula: {
      zh: '期间内首次发布（审核通过公开）的需求数，含保密需求（只计数不展示）',
      en: 'Needs first published in the period, confidential ones included (counted, never shown)',
    },
    targetable: true,
  },
  {
    id: 'needs_matched',
    zh: '达成意向的需求',
    en: 'Needs matched',
    unit: 'count',
    formula: {
      zh: '期间内首次有匹配进入“有意向”或更后阶段的需求数（一个需求多次匹配只计一次）',
      en: 'Needs whose first match at or past “interested” happened in the period (a need matched twice counts once)',
    },
    targetable: true,
  },
  {
    id: 'introductions',
    zh: '对接引荐',
    en: 'Introductions',
    unit: 'count',
    formula: {
      zh: '期间内进入“已引荐”阶段的匹配数（事件日志）',
      en: 'Matches moved to “introduced” in the period (event log)',
    },
    targetable: true,
  },
  {
    id: 'agreements_signed',
    zh: '签约协议',
    en: 'Agreements signed',
    unit: 'count',
    formula: {
      zh: '签约日期在期间内的协议数（之后终止的仍计入签约）',
      en: 'Agreements with a signing date in the period (later terminated ones still count as signed)',
    },
    targetable: true,
  },
  {
    id: 'contract_value',
    zh: '合同金额',
    en: 'Contract value',
    unit: 'yuan',
    formula: {
      zh: '期间内签约协议的合同金额之和（元）',
      en: 'Sum of the contract values of agreements signed in the period (yuan)',
    },
    targetable: true,
  },
  {
    id: 'projects_completed',
    zh: '完成项目',
    en: 'Projects completed',
    unit: 'count',
    formula: {
      zh: '期间内首次变为“已完成”且目前仍为完成的项目数（事件日志）',
      en: 'Projects first marked “done” in the period that still are (event log)',
    },
    targetable: true,
  },
  {
    id: 'items_overdue',
    zh: '逾期事项',
    en: 'Checklist items overdue',
    unit: 'count',
    formula: {
      zh: '执行中协议的进行中项目里，截止日期在期间内且早于今天、尚未完成的清单事项数',
      en: 'Checklist items of running projects of running agreements, due in the period before today and not done',
    },
    targetable: false,
  },
  {
    id: 'enterprises_served',
    zh: '服务企业',
    en: 'Enterprises served',
    unit: 'count',
    formula: {
      zh: '期间内作为签约方签署协议的不同企业数',
      en: 'Distinct enterprises that are a party to an agreement signed in the period',
    },
    targetable: true,
  },
  {
    id: 'days_to_interest',
    zh: '需求到首次意向（中位天数）',
    en: 'Median days, need to first interest',
    unit: 'days',
    formula: {
      zh: '首次意向发生在期间内的需求：从发布到首次意向的天数中位数',
      en: 'For needs whose first interest fell in the period: median days from publication to that interest',
    },
    targetable: false,
  },
  {
    id: 'days_to_signing',
    zh: '意向到签约（中位天数）',
    en: 'Median days, interest to signing',
    unit: 'days',
    formula: {
      zh: '期间内由匹配签约的协议：从匹配首次意向到签约日期的天数中位数',
      en: 'For agreements signed in the period from a match: median days from its first interest to signing',
    },
    targetable: false,
  },
  // Shared instruments: the organisation is the instrument's owner, the day the booking's start (Asia/Shanghai).
  {
    id: 'instrument_effective_hours',
    zh: '仪器有效机时',
    en: 'Instrument effective hours',
    unit: 'hours',
    formula: {
      zh: '期间内开始的已完成预约的实际使用时长之和（小时），按仪器所属单位计',
      en: 'Actual hours of completed bookings that started in the period, counted for the instrument’s owner',
    },
    targetable: true,
    byInstrument: true,
  },
  {
    id: 'instrument_external_hours',
    zh: '对外服务机时',
    en: 'External service hours',
    unit: 'hours',
    formula: {
      zh: '其中由其他单位使用的机时之和（小时）',
      en: 'Of those, the hours used by other organisations',
    },
    targetable: true,
    byInstrument: true,
  },
  {
    id: 'instrument_sharing_rate',
    zh: '仪器共享率',
    en: 'Instrument sharing rate',
    unit: 'ratio',
    formula: {
      zh: '对外服务机时之和 ÷ 有效机时之和（不是各台仪器比率的平均）',
      en: 'Sum of external service hours ÷ sum of effective hours (not an average of each instrument’s rate)',
    },
    targetable: false,
    byInstrument: true,
  },
  {
    id: 'instrument_income',
    zh: '仪器服务收入',
    en: 'Instrument service income',
    unit: 'yuan',
    formula: {
      zh: '期间内开始的已完成预约的费用之和（元）',
      en: 'Fees of completed bookings that started in the period (yuan)',
    },
    targetable: true,
    byInstrument: true,
  },
  {
    id: 'instrument_enterprises_served',
    zh: '仪器服务企业',
    en: 'Enterprises served by instruments',
    unit: 'count',
    formula: {
      zh: '期间内完成过预约的其他单位中的不同企业数',
      en: 'Distinct enterprises, other than the owner, with a completed booking that started in the period',
    },
    targetable: true,
    byInstrument: true,
  },
  {
    id: 'instrument_no_shows',
    zh: '预约爽约',
    en: 'Booking no-shows',
    unit: 'count',
    formula: {
      zh: '期间内开始、标记为爽约的预约数',
      en: 'Bookings that started in the period and were marked no-show',
    },
    targetable: false,
    byInstrument: true,
  },
];

const registry = new Map<string, Indicator>(CORE_INDICATORS.map((indicator) => [indicator.id, indicator]));

/** Adds an indicator (meetings, instruments …) to the one list; its module registers the SQL beside it. */
export function registerIndicator(indicator: Indicator): void {
  if (registry.has(indicator.id)) throw new Error(`indicator ${indicator.id} is already defined`);
  registry.set(indicator.id, indicator);
}

export const indicators = (): Indicator[] => [...registry.values()];
export const indicatorOf = (id: string): Indicator | undefined => registry.get(id);

/** The funnel, a cohort of needs posted in the period: how far each got. */
export const FUNNEL_STAGES = ['posted', 'interested', 'introduced', 'signed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_STAGE_LABELS: Record<FunnelStage, { zh: string; en: string }> = {
  posted: { zh: '发布需求', en: 'Needs posted' },
  interested: { zh: '达成意向', en: 'Interest shown' },
  introduced: { zh: '完成引荐', en: 'Introduced' },
  signed: { zh: '签约', en: 'Agreement signed' },
};

export const REPORT_DIMENSIONS = [
  'month',
  'region',
  'field',
  'cooperation_type',
  'designation',
  'org_kind',
  'organization',
  'instrument',
] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<ReportDimension, { zh: string; en: string }> = {
  month: { zh: '月份', en: 'Month' },
  region: { zh: '地区', en: 'Region' },
  field: { zh: '技术领域', en: 'Technical field' },
  cooperation_type: { zh: '合作类型', en: 'Cooperation type' },
  designation: { zh: '企业资质', en: 'Designation' },
  org_kind: { zh: '机构类型', en: 'Organisation kind' },
  organization: { zh: '机构', en: 'Organisation' },
  instrument: { zh: '仪器', en: 'Instrument' },
};

/** Dimensions whose keys are ids: the breakdown answers each row's name beside it. */
export const NAMED_DIMENSIONS: readonly ReportDimension[] = ['organization', 'instrument'];

/** How a breakdown's key reads (`none`: the thing names no field, type or designation). */
export function dimensionKeyLabel(by: ReportDimension, key: string, locale: string): string {
  if (key === 'none') return locale === 'en' ? 'Not stated' : '未注明';
  const among = (lists: Labelled<string>[][]) => {
    const list = lists.find((entries) => entries.some((entry) => entry.value === key));
    return list ? labelOf(list, key, locale) : key;
  };
  switch (by) {
    case 'month':
      return key;
    case 'region':
      return regionOf(key)
        ? locale === 'en'
          ? regionOf(key)!.en
          : regionOf(key)!.zh
        : regionLabel(key, locale);
    case 'field':
      return fieldLabel(key, locale);
    case 'cooperation_type':
      // Needs name cooperation types; agreements their agreement type.
      return among([COOPERATION_TYPE_LABELS, AGREEMENT_TYPE_LABELS]);
    case 'designation':
      return among([DESIGNATION_LABELS]);
    case 'org_kind':
      return among([ORG_KIND_LABELS]);
    case 'organization':
    case 'instrument':
      return key;
  }
}

/** A breakdown row's name: the one the API answered (id dimensions), else the key's label. */
export function breakdownRowLabel(
  by: ReportDimension,
  row: { key: string; labelZh?: string; labelEn?: string },
  locale: string,
): string {
  const named = locale === 'en' ? row.labelEn : row.labelZh;
  return named ?? dimensionKeyLabel(by, row.key, locale);
}

const IndicatorId = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z_]+$' });
const IsoDate = Type.String({ format: 'date' });

/** Period and scope of a report: dates inclusive; `region` narrows an officer's or admin's scope. */
export const ReportQuery = StrictObject({
  from: IsoDate,
  to: IsoDate,
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
});
export type ReportQuery = Static<typeof ReportQuery>;

export const BreakdownQuery = StrictObject({
  ...ReportQuery.properties,
  indicator: IndicatorId,
  by: OneOf(REPORT_DIMENSIONS),
});
export type BreakdownQuery = Static<typeof BreakdownQuery>;

export const DrillQuery = StrictObject({
  ...ReportQuery.properties,
  indicator: IndicatorId,
  by: Type.Optional(OneOf(REPORT_DIMENSIONS)),
  key: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  ...PageQuery,
});
export type DrillQuery = Static<typeof DrillQuery>;

/** A figure beside last year's same period, on the same basis (organisations present in both periods). */
export const Figure = StrictObject({
  value: Type.Number(),
  /** This period, counting only organisations that existed at the end of last year's period. */
  sameBasis: Type.Number(),
  lastYear: Type.Number(),
});
export type Figure = Static<typeof Figure>;

export const SummaryResponse = StrictObject({
  from: IsoDate,
  to: IsoDate,
  regionCode: Type.Union([Type.String(), Type.Null()]),
  figures: Type.Record(Type.String(), Figure),
});
export type SummaryResponse = Static<typeof SummaryResponse>;

export const FunnelResponse = StrictObject({
  stages: Type.Array(
    StrictObject({
      stage: OneOf(FUNNEL_STAGES),
      value: Type.Number(),
      lastYear: Type.Number(),
      /** Share of the previous stage that reached this one (null for the first, or when the previous is 0). */
      conversion: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
});
export type FunnelResponse = Static<typeof FunnelResponse>;

export const BreakdownResponse = StrictObject({
  indicator: IndicatorId,
  by: Type.String(),
  rows: Type.Array(
    StrictObject({
      key: Type.String(),
      value: Type.Number(),
      lastYear: Type.Number(),
      /** The organisation's or instrument's name, for the id dimensions. */
      labelZh: Type.Optional(Type.String()),
      labelEn: Type.Optional(Type.String()),
    }),
    { maxItems: 500 },
  ),
});
export type BreakdownResponse = Static<typeof BreakdownResponse>;

export const DrillRow = StrictObject({
  refType: Type.String(),
  refId: Type.String(),
  /** Null for a confidential need: it is counted, never shown. */
  title: Type.Union([Type.String(), Type.Null()]),
  orgNameZh: Type.String(),
  orgNameEn: Type.String(),
  regionCode: Type.String(),
  at: Type.String(),
  value: Type.Number(),
});
export type DrillRow = Static<typeof DrillRow>;

export const OverdueItem = StrictObject({
  id: Type.String(),
  title: Type.String(),
  dueDate: Type.String(),
  daysOverdue: Type.Integer(),
  projectId: Type.String(),
  projectTitle: Type.String(),
  agreementId: Type.String(),
  agreementTitle: Type.String(),
});
export type OverdueItem = Static<typeof OverdueItem>;

export const TopOrg = StrictObject({
  orgId: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  kind: Type.String(),
  regionCode: Type.String(),
  value: Type.Number(),
});
export type TopOrg = Static<typeof TopOrg>;

export const TargetProgress = StrictObject({
  indicator: IndicatorId,
  year: Type.Integer(),
  target: Type.Number(),
  actual: Type.Number(),
  /** Share of the year gone, 0–1. */
  yearShare: Type.Number(),
  /** Actual ÷ target. */
  progress: Type.Number(),
  onTrack: Type.Boolean(),
  /** Actual extrapolated to the year's end at the pace so far. */
  projection: Type.Number(),
  version: Type.Integer(),
});
export type TargetProgress = Static<typeof TargetProgress>;

export const TargetList = StrictObject({
  scope: StrictObject({ kind: Type.String(), key: Type.String() }),
  items: Type.Array(TargetProgress),
});
export type TargetList = Static<typeof TargetList>;

export const TargetBody = StrictObject({
  value: Type.Number({ minimum: 0, maximum: 1e13 }),
  /** The version you changed; omitted when setting a target for the first time. */
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type TargetBody = Static<typeof TargetBody>;
