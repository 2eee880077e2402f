// English messages of the notification centre, the bell and the daily digest.
const en = {
  title: 'Notifications',
  subtitle: 'What happened on your listings and matches.',
  bell: 'Notifications, {n} unread',
  latest: 'Latest',
  viewAll: 'View all',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  markedAll: 'All notifications marked read',
  unreadCount: 'No unread notifications | 1 unread | {n} unread',
  tabs: { unread: 'Unread', all: 'All', digest: 'Daily digest' },
  empty: {
    unread: 'You are all caught up.',
    unreadHint: 'New matches, interest in your listings, introductions and declines appear here.',
    all: 'No notifications yet.',
    allHint: 'Publish a need or capability; you will hear here when it is matched or someone answers.',
    digest: 'Nothing happened on this day.',
    digestHint: 'Pick another day to see what you were told.',
  },
  kinds: {
    new_match: 'New match ({pct}%) for your listing',
    interest: 'Interest shown: {need} ↔ {capability}',
    introduction: 'Introduced: {need} ↔ {capability}',
    declined: 'Declined: {need} ↔ {capability}',
    match_moved: 'Moved to “{stage}”: {need} ↔ {capability}',
    agreement_expiring: 'Agreement “{title}” ends on {date}',
    other: 'Update on a {entity}',
  },
  kindNames: {
    new_match: 'New matches',
    interest: 'Interest shown',
    introduction: 'Introductions',
    declined: 'Declines',
    match_moved: 'Match moves',
    agreement_expiring: 'Agreements ending',
    other: 'Other',
  },
  entities: { match: 'match', need: 'need', capability: 'capability', agreement: 'agreement', other: 'item' },
  reason: 'Reason: {text}',
  message: 'Note: {text}',
  open: 'Open',
  digest: {
    date: 'Day',
    total: 'Nothing this day | 1 notification this day | {n} notifications this day',
  },
};

export default en;
export type NotificationMessages = typeof en;
