// Wall-clock time in an instrument's time zone (Asia/Shanghai), and its weekly opening hours as instants.
import type { OpeningWindow } from '@coop/shared';
import { offsetAt as offsetMs } from '../../calendar.js';

export interface Interval {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
/** Midnight of the local calendar day holding `at`, as a UTC "wall clock" number (no zone). */
const localDay = (timezone: string, at: number) => {
  const wall = at + offsetMs(timezone, at);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
};

/** A wall-clock time in the zone → the instant. */
const instantOf = (timezone: string, wall: number) =>
  wall - offsetMs(timezone, wall - offsetMs(timezone, wall));

const minutesOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
};

/** ISO weekday (1 = Monday) of a wall-clock day. */
const weekdayOf = (wallDay: number) => ((new Date(wallDay).getUTCDay() + 6) % 7) + 1;

/** The open intervals between two instants, merged where one window ends as the next begins. */
export function openIntervals(
  windows: OpeningWindow[],
  timezone: string,
  from: number,
  to: number,
): Interval[] {
  if (windows.length === 0) return [{ start: from, end: to }];
  const intervals: Interval[] = [];
  for (let day = localDay(timezone, from) - DAY_MS; day <= localDay(timezone, to); day += DAY_MS) {
    const weekday = weekdayOf(day);
    for (const window of windows) {
      if (window.weekday !== weekday) continue;
      const start = instantOf(timezone, day + minutesOf(window.open) * 60_000);
      const end = instantOf(timezone, day + minutesOf(window.close) * 60_000);
      if (end > start) intervals.push({ start, end });
    }
  }
  intervals.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged
    .map(({ start, end }) => ({ start: Math.max(start, from), end: Math.min(end, to) }))
    .filter(({ start, end }) => end > start);
}

/** Is [start, end) inside one stretch of opening hours? */
export function withinOpeningHours(windows: OpeningWindow[], timezone: string, start: number, end: number) {
  return openIntervals(windows, timezone, start, end).some((open) => open.start <= start && open.end >= end);
}

/** The closed stretches between two instants: the complement of the opening hours. */
export function closedIntervals(
  windows: OpeningWindow[],
  timezone: string,
  from: number,
  to: number,
): Interval[] {
  const closed: Interval[] = [];
  let cursor = from;
  for (const open of openIntervals(windows, timezone, from, to)) {
    if (open.start > cursor) closed.push({ start: cursor, end: open.start });
    cursor = Math.max(cursor, open.end);
  }
  if (cursor < to) closed.push({ start: cursor, end: to });
  return closed;
}

/** The first day of the month (YYYY-MM) an instant falls in, in the zone. */
export function localMonth(timezone: string, at: Date): string {
  return new Date(localDay(timezone, at.getTime())).toISOString().slice(0, 7);
}
