import { useI18n } from 'vue-i18n';
import {
  BOOKING_ACTION_LABELS,
  BOOKING_RELATION_LABELS,
  BOOKING_STATUS_LABELS,
  labelOf,
  type BookingAction,
  type BookingRelation,
  type BookingStatus,
} from '@coop/shared';
import { ApiError } from '@/api/client';
import { toWallClock, type RuleProblem } from '@/api/instruments';
import { useErrorMessage } from './use-error-message';

const KNOWN_RULES = new Set([
  'end_after_start',
  'not_in_past',
  'horizon',
  'shortest_block',
  'longest_block',
  'opening_hours',
  'outage',
  'overlap',
  'buffer',
  'max_future_bookings',
  'cancellation_deadline',
  'no_show',
]);

/** Labels, money, Beijing-time periods and booking-rule sentences of instruments, in the current language. */
export function useInstrumentLabels() {
  const { t, locale } = useI18n();
  const { describe: describeCommon } = useErrorMessage();

  const statusLabel = (status: BookingStatus) => labelOf(BOOKING_STATUS_LABELS, status, locale.value);
  const actionLabel = (action: BookingAction) => labelOf(BOOKING_ACTION_LABELS, action, locale.value);
  const relationLabel = (relation: BookingRelation) =>
    labelOf(BOOKING_RELATION_LABELS, relation, locale.value);
  const yuan = (value: number) =>
    new Intl.NumberFormat(locale.value, {
      style: 'currency',
      currency: 'CNY',
      maximumFractionDigits: 0,
    }).format(value);
  const hours = (value: number) =>
    new Intl.NumberFormat(locale.value, { maximumFractionDigits: 2 }).format(value);
  const percent = (value: number | null) =>
    value === null
      ? '—'
      : new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  /** "2026-12-07 09:00" in Beijing time. */
  const clock = (iso: string) => toWallClock(iso).slice(0, 16).replace('T', ' ');
  /** "2026-12-07 09:00 – 11:00" (the end's date only when it differs). */
  const period = (startsAt: string, endsAt: string) => {
    const start = clock(startsAt);
    const end = clock(endsAt);
    return `${start} – ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
  };

  const ruleText = (problem: Pick<RuleProblem, 'rule' | 'problem' | 'limit'>) =>
    KNOWN_RULES.has(problem.rule)
      ? t(`instruments.errors.rules.${problem.rule}`, { limit: problem.limit ?? '' })
      : problem.problem;

  /** A refused booking or move in words: the rules it breaks, or the booking it clashes with. */
  function describe(error: unknown): string {
    if (error instanceof ApiError && Array.isArray(error.details)) {
      const problems = error.details as (RuleProblem & { clash?: { startsAt: string; endsAt: string } })[];
      const clash = problems.find((p) => p.clash && p.rule === 'overlap')?.clash;
      if (clash)
        return t('instruments.errors.clash', { start: clock(clash.startsAt), end: clock(clash.endsAt) });
      const known = problems.filter((p) => KNOWN_RULES.has(p.rule));
      if (known.length > 0) return known.map(ruleText).join(' ');
    }
    return describeCommon(error);
  }

  return { statusLabel, actionLabel, relationLabel, yuan, hours, percent, clock, period, ruleText, describe };
}
