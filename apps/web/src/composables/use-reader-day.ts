import { DEFAULT_TIME_ZONE } from '@coop/shared';
import { computed } from 'vue';
import { useSessionStore } from '@/stores/session';

/** The reader's calendar (the time zone in their account), not the browser's: the API counts days the same way. */
export function useReaderDay() {
  const session = useSessionStore();
  const timeZone = computed(() => session.user?.timeZone ?? DEFAULT_TIME_ZONE);
  /** Today as YYYY-MM-DD on the reader's calendar. */
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: timeZone.value }).format(new Date());
  /** For date pickers: days after the reader's today. Pickers hand local-midnight Dates, so compare dates. */
  const isFuture = (day: Date) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}` > today();
  };
  return { timeZone, today, isFuture };
}
