// The booking rules a slot must keep that need nothing but the profile and the clock; each problem names its rule.
import type { BookingRules, OpeningWindow, RuleProblem } from '@coop/shared';
import { withinOpeningHours } from './time.js';

export interface SlotProfile {
  rules: BookingRules;
  openingHours: OpeningWindow[];
  timezone: string;
}

const DAY_MS = 86_400_000;

export function slotProblems(profile: SlotProfile, startsAt: Date, endsAt: Date, now: Date): RuleProblem[] {
  const { rules } = profile;
  const start = startsAt.getTime();
  const end = endsAt.getTime();
  if (end <= start) {
    return [{ field: 'body.endsAt', rule: 'end_after_start', problem: 'must be later than startsAt' }];
  }
  const problems: RuleProblem[] = [];
  if (start < now.getTime()) {
    problems.push({ field: 'body.startsAt', rule: 'not_in_past', problem: 'is in the past' });
  }
  if (start > now.getTime() + rules.horizonDays * DAY_MS) {
    problems.push({
      field: 'body.startsAt',
      rule: 'horizon',
      problem: `is more than ${rules.horizonDays} days ahead (booking horizon)`,
      limit: rules.horizonDays,
    });
  }
  const minutes = (end - start) / 60_000;
  if (minutes < rules.minMinutes) {
    problems.push({
      field: 'body.endsAt',
      rule: 'shortest_block',
      problem: `makes the booking shorter than the shortest block of ${rules.minMinutes} minutes`,
      limit: rules.minMinutes,
    });
  }
  if (minutes > rules.maxMinutes) {
    problems.push({
      field: 'body.endsAt',
      rule: 'longest_block',
      problem: `makes the booking longer than the longest block of ${rules.maxMinutes} minutes`,
      limit: rules.maxMinutes,
    });
  }
  // A year-long slot is refused above already; do not expand its opening hours day by day.
  if (
    minutes <= rules.maxMinutes &&
    !withinOpeningHours(profile.openingHours, profile.timezone, start, end)
  ) {
    problems.push({
      field: 'body.startsAt',
      rule: 'opening_hours',
      problem: `falls outside the opening hours (${profile.timezone})`,
    });
  }
  return problems;
}

/** One sentence for an error message: "Booking rule horizon: body.startsAt is more than …". */
export const describeProblems = (problems: RuleProblem[]) =>
  problems.map((p) => `Booking rule ${p.rule}: ${p.field} ${p.problem}`).join('; ');
