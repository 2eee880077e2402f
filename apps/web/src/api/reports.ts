// Reports and annual targets: figures, funnel, breakdowns, drill-down, overdue items, exports.
import type {
  BreakdownResponse,
  DrillRow,
  FunnelResponse,
  OverdueItem,
  ReportDimension,
  SummaryResponse,
  TargetList,
  TargetProgress,
} from '@coop/shared';
import { api, apiRequest } from './client';
import { downloadFile } from './files';
import type { Locale, Paged } from './types';

export type {
  BreakdownResponse,
  DrillRow,
  FunnelResponse,
  OverdueItem,
  ReportDimension,
  SummaryResponse,
  TargetList,
  TargetProgress,
};

export interface Period {
  from: string;
  to: string;
  region?: string;
}

/** From 1 January to today on the platform's reporting calendar (China's days, as the API counts them). */
export function yearToDate(): Period {
  const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

const query = (period: Period, extra: Record<string, string | number | undefined> = {}) => ({
  from: period.from,
  to: period.to,
  region: period.region,
  ...extra,
});

export const reportsApi = {
  summary: (period: Period) => api.get<SummaryResponse>('/reports/summary', query(period)),
  funnel: (period: Period) => api.get<FunnelResponse>('/reports/funnel', query(period)),
  breakdown: (period: Period, indicator: string, by: ReportDimension) =>
    api.get<BreakdownResponse>('/reports/breakdown', query(period, { indicator, by })),
  drill: (period: Period, indicator: string, page: number, by?: ReportDimension, key?: string) =>
    api.get<Paged<DrillRow>>('/reports/drill', query(period, { indicator, by, key, page, pageSize: 10 })),
  overdue: (period: Period, page: number) =>
    api.get<Paged<OverdueItem>>('/reports/overdue', query(period, { page, pageSize: 10 })),
  targets: (year: number) => api.get<TargetList>('/targets', { year }),
  setTarget: (year: number, indicator: string, value: number, version?: number) =>
    apiRequest<TargetProgress>('PUT', `/targets/${year}/${encodeURIComponent(indicator)}`, {
      body: version ? { value, version } : { value },
    }),
  exportChart: (
    period: Period,
    locale: Locale,
    chart: 'funnel' | { indicator: string; by: ReportDimension },
  ) =>
    downloadFile(
      '/reports/export',
      query(period, {
        lang: locale,
        ...(chart === 'funnel' ? { chart: 'funnel' } : { chart: 'breakdown', ...chart }),
      }) as Record<string, string | undefined>,
      'chart.xlsx',
    ),
  pdf: (period: Period, locale: Locale) =>
    downloadFile(
      '/reports/pdf',
      query(period, { lang: locale }) as Record<string, string | undefined>,
      'report.pdf',
    ),
};
