// How report figures read: counts as numbers, yuan compact (4019万 / 40M), medians in days, hours, ratios as %.
import { indicatorOf, type IndicatorUnit } from '@coop/shared';

export function formatFigure(value: number, unit: IndicatorUnit, locale: string): string {
  switch (unit) {
    case 'yuan':
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'CNY',
        notation: 'compact',
        maximumFractionDigits: 1,
      }).format(value);
    case 'days':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}${locale === 'en' ? ' days' : ' 天'}`;
    case 'hours':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}${locale === 'en' ? ' h' : ' 机时'}`;
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  }
}

export const unitOf = (indicator: string): IndicatorUnit => indicatorOf(indicator)?.unit ?? 'count';

export function indicatorName(indicator: string, locale: string): string {
  const found = indicatorOf(indicator);
  return found ? (locale === 'en' ? found.en : found.zh) : indicator;
}
