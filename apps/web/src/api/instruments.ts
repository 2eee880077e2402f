// Instruments: catalogue, booking profiles, outages, calendars, quotes, bookings and usage figures.
import type {
  Booking,
  BookingAction,
  BookingStatus,
  BookingTransition,
  Calendar,
  CalendarBlock,
  Instrument,
  InstrumentProfileInput,
  NewBooking,
  NewOutage,
  OpeningWindow,
  Outage,
  Quote,
  RuleProblem,
  UsageGroup,
  UsageReport,
  UsageRow,
} from '@coop/shared';
import { BOOKING_STATUSES, USAGE_GROUPS } from '@coop/shared';
import { api, apiRequest } from './client';
import type { PageQuery, Paged } from './types';

export type {
  Booking,
  BookingAction,
  BookingStatus,
  Calendar,
  CalendarBlock,
  Instrument,
  InstrumentProfileInput,
  NewBooking,
  OpeningWindow,
  Outage,
  Quote,
  RuleProblem,
  UsageGroup,
  UsageReport,
  UsageRow,
};
export { BOOKING_STATUSES, USAGE_GROUPS };

const path = (id: string, rest = '') => `/instruments/${encodeURIComponent(id)}${rest}`;
type Slot = { startsAt: string; endsAt: string };

export const instrumentsApi = {
  list: (query: PageQuery & { q?: string; org?: 'mine' }) =>
    api.get<Paged<Instrument>>('/instruments', { ...query }),
  free: (query: PageQuery & { q?: string; from: string; to: string }) =>
    api.get<Paged<Instrument>>('/instruments/free', { ...query }),
  get: (id: string) => api.get<Instrument>(path(id)),
  saveProfile: (id: string, body: InstrumentProfileInput) =>
    apiRequest<Instrument>('PUT', path(id, '/profile'), { body }),
  calendar: (id: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<Calendar>(path(id, '/calendar'), { from, to }, signal),
  outages: (id: string, from: string, to: string) => api.get<Outage[]>(path(id, '/outages'), { from, to }),
  addOutage: (id: string, body: NewOutage) => api.post<Outage>(path(id, '/outages'), body),
  removeOutage: (id: string, outageId: string) =>
    apiRequest<void>('DELETE', path(id, `/outages/${encodeURIComponent(outageId)}`)),
  quote: (id: string, slot: Slot) => api.get<Quote>(path(id, '/quote'), { ...slot }),
  book: (id: string, body: NewBooking) => api.post<Booking>(path(id, '/bookings'), body),
  icsUrl: (id: string) => `/api${path(id, '/calendar.ics')}`,
  usage: (groupBy: UsageGroup) => api.get<UsageReport>('/instruments/usage', { groupBy }),
};

export const bookingsApi = {
  mine: (query: PageQuery & { status?: string }) => api.get<Paged<Booking>>('/bookings/mine', { ...query }),
  requests: (query: PageQuery & { status?: string }) =>
    api.get<Paged<Booking>>('/bookings/requests', { ...query }),
  transition: (id: string, body: BookingTransition) =>
    api.post<Booking>(`/bookings/${encodeURIComponent(id)}/transitions`, body),
};

/** Instruments keep Asia/Shanghai time (UTC+8, no daylight saving): calendars and forms show its wall clock. */
const OFFSET_MS = 8 * 3_600_000;
/** An instant → its Shanghai wall-clock time as 'YYYY-MM-DDTHH:mm:ss' (no zone), for the calendar in UTC mode. */
export const toWallClock = (iso: string) =>
  new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 19);
/** A wall-clock Date the calendar (in UTC mode) or a picker produced → the instant in Shanghai time. */
export const fromWallClock = (wall: Date) => new Date(wall.getTime() - OFFSET_MS).toISOString();
/** A picker's 'YYYY-MM-DDTHH:mm:ss' in Shanghai time → the instant. */
export const wallStringToIso = (wall: string) => new Date(`${wall}+08:00`).toISOString();
