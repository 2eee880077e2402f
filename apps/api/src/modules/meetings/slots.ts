// A meeting's day: slot start times ('HH:MM' in Asia/Shanghai) of equal length, all inside the day.
import { invalid } from '../agreements/input.js';

const DAY_MINUTES = 24 * 60;

export const minutesOf = (start: string) => {
  const [hours, minutes] = start.split(':').map(Number);
  return hours! * 60 + minutes!;
};

export const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Each slot ends within the day and starts after the one before has ended. */
export function checkSlots(slotStarts: string[], slotMinutes: number, field = 'body.slotStarts') {
  let previousEnd = -1;
  for (const [index, start] of slotStarts.entries()) {
    const begins = minutesOf(start);
    if (begins + slotMinutes > DAY_MINUTES) {
      throw invalid(`${field}.${index}`, `ends after midnight: a slot must lie within the meeting day`);
    }
    if (begins < previousEnd) {
      throw invalid(
        `${field}.${index}`,
        'starts before the slot before it has ended (slots must be in order)',
      );
    }
    previousEnd = begins + slotMinutes;
  }
}

/** The slot's start and end on the meeting's date, as instants (China has no daylight saving: UTC+8). */
export function slotInstant(date: string, start: string, slotMinutes: number) {
  const begins = new Date(`${date}T${start}:00+08:00`);
  return { begins, ends: new Date(begins.getTime() + slotMinutes * 60_000) };
}
