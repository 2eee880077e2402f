// Calendar dates (YYYY-MM-DD) as the platform's users live them: due dates and terms end at midnight in China.
const PLATFORM_TIME_ZONE = 'Asia/Shanghai';
const isoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: PLATFORM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date on the platform's calendar. */
export const platformDate = (now: Date = new Date()): string => isoDate.format(now);

export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Ending within this many days warns the parties. */
export const EXPIRY_WARNING_DAYS = 30;

/** True when an active agreement's term ends within the warning window. */
export const endsSoon = (endDate: string | null, today: string) =>
  endDate !== null && endDate >= today && endDate <= addDays(today, EXPIRY_WARNING_DAYS);
