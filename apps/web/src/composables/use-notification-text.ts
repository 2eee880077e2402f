import { useI18n } from 'vue-i18n';
import type { RouteLocationRaw } from 'vue-router';
import { MATCH_STAGES, type MatchStage } from '@/api/matching';
import type { Notification } from '@/api/notifications';
import { LISTING_ROUTES } from '@/router';
import { toWallClock } from '@/api/instruments';

/** Instrument booking moves: the owner hears of requests, the requester of decisions and the day before. */
const BOOKING_NOTIFICATION_KINDS = [
  'booking_requested',
  'booking_booked',
  'booking_approved',
  'booking_declined',
  'booking_cancelled',
  'booking_reminder',
] as const;
/** Kinds the instrument's owner receives: they lead to the requests list. */
const OWNER_KINDS: readonly string[] = ['booking_requested', 'booking_booked'];
import { useSessionStore } from '@/stores/session';

/** Kinds the centre words itself; others read as a generic update. */
export const NOTIFICATION_KINDS = [
  'new_match',
  'interest',
  'introduction',
  'declined',
  'match_moved',
  'agreement_expiring',
  ...BOOKING_NOTIFICATION_KINDS,
] as const;
type Kind = (typeof NOTIFICATION_KINDS)[number];

const isKind = (kind: string): kind is Kind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A notification as a sentence in the reader's language, and the page it leads to. */
export function useNotificationText() {
  const { t, d } = useI18n();
  const session = useSessionStore();

  const kindName = (kind: string) => t(`notifications.kindNames.${isKind(kind) ? kind : 'other'}`);

  function title(note: Notification): string {
    const { params } = note;
    const pair = { need: text(params.needTitle), capability: text(params.capabilityTitle) };
    switch (note.kind) {
      case 'new_match':
        return t('notifications.kinds.new_match', { pct: Math.round(Number(params.score ?? 0) * 100) });
      case 'interest':
      case 'introduction':
      case 'declined':
        return t(`notifications.kinds.${note.kind}`, pair);
      case 'match_moved': {
        const stage = MATCH_STAGES.includes(params.stage as MatchStage)
          ? t(`matching.stages.${params.stage}`)
          : '';
        return t('notifications.kinds.match_moved', { ...pair, stage });
      }
      case 'agreement_expiring': {
        const end = text(params.endDate);
        return t('notifications.kinds.agreement_expiring', {
          title: text(params.title),
          date: end ? d(new Date(end), 'short') : '',
        });
      }
      case 'booking_requested':
      case 'booking_booked':
      case 'booking_approved':
      case 'booking_declined':
      case 'booking_cancelled':
      case 'booking_reminder': {
        const start = text(params.startsAt);
        return t(`notifications.kinds.${note.kind}`, {
          title: text(params.title),
          date: start ? toWallClock(start).slice(0, 16).replace('T', ' ') : '',
        });
      }
      default: {
        const entity = ['match', 'need', 'capability', 'agreement'].includes(note.entityType)
          ? note.entityType
          : 'other';
        return t('notifications.kinds.other', { entity: t(`notifications.entities.${entity}`) });
      }
    }
  }

  /** What the other person wrote with it: a decline reason or a message. */
  function detail(note: Notification): string {
    const reason = text(note.params.reason);
    if (reason) return t('notifications.reason', { text: reason });
    const message = text(note.params.message);
    return message ? t('notifications.message', { text: message }) : '';
  }

  /** The page the notification is about, if the app has one. */
  function target(note: Notification): RouteLocationRaw | null {
    const { params } = note;
    if (note.entityType === 'need' || note.entityType === 'capability') {
      return { name: LISTING_ROUTES[note.entityType].detail, params: { id: note.entityId } };
    }
    if (note.entityType === 'agreement') return { name: 'agreement', params: { id: note.entityId } };
    if (note.entityType === 'instrument_booking') {
      return { name: OWNER_KINDS.includes(note.kind) ? 'booking-requests' : 'my-bookings' };
    }
    if (note.entityType !== 'match') return null;
    if (note.kind === 'new_match') {
      // The user's own listing, where the match panel shows the new match among the others.
      const side = session.user?.organization.kind === 'enterprise' ? 'need' : 'capability';
      const id = text(side === 'need' ? params.needId : params.capabilityId);
      if (id) return { name: LISTING_ROUTES[side].detail, params: { id } };
    }
    const brokers = session.role === 'coordinator' || session.role === 'admin';
    return brokers ? { name: 'brokering' } : { name: 'my-matches', query: { match: note.entityId } };
  }

  return { title, detail, target, kindName };
}
