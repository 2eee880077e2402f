// Calendar days as a reader lives them, in their own IANA time zone (daylight saving included).

/** True for a time zone name the runtime's IANA data knows (e.g. Europe/London). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(timeZone: string, instant: number): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Today's date (YYYY-MM-DD) on the reader's calendar. */
export const dateIn = (timeZone: string, now: Date = new Date()): string =>
  formatter(timeZone).format(now).slice(0, 10);

/** The instant the reader's calendar day `date` (+ `plusDays`) begins. */
export function dayStartIn(timeZone: string, date: string, plusDays = 0): Date {
  const midnight = new Date(`${date}T00:00:00Z`);
  midnight.setUTCDate(midnight.getUTCDate() + plusDays);
  const guess = midnight.getTime() - offsetAt(timeZone, midnight.getTime());
  // Again at the guess: the offset may differ there when daylight saving changes that night.
  return new Date(midnight.getTime() - offsetAt(timeZone, guess));
}
