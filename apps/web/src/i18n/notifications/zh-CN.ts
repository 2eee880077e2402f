import type { NotificationMessages } from './en';

const zhCN: NotificationMessages = {
  title: '通知中心',
  subtitle: '您的发布与匹配有哪些新进展。',
  bell: '通知，{n} 条未读',
  latest: '最新通知',
  viewAll: '查看全部',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  markedAll: '已将全部通知标为已读',
  unreadCount: '没有未读通知 | 1 条未读 | {n} 条未读',
  tabs: { unread: '未读', all: '全部', digest: '每日摘要' },
  empty: {
    unread: '没有未读通知。',
    unreadHint: '新的匹配、对您发布内容的兴趣、引荐和婉拒都会出现在这里。',
    all: '暂无通知。',
    allHint: '发布需求或能力后，被匹配或有人回应时会在这里通知您。',
    digest: '这一天没有通知。',
    digestHint: '换一天看看当天收到的通知。',
  },
  kinds: {
    new_match: '您的发布有新匹配（匹配度 {pct}%）',
    interest: '对方表示了兴趣：{need} ↔ {capability}',
    introduction: '已对接：{need} ↔ {capability}',
    declined: '匹配已被婉拒：{need} ↔ {capability}',
    match_moved: '匹配进入“{stage}”：{need} ↔ {capability}',
    agreement_expiring: '协议“{title}”将于 {date} 到期',
    other: '{entity}有更新',
  },
  kindNames: {
    new_match: '新匹配',
    interest: '表示兴趣',
    introduction: '引荐对接',
    declined: '婉拒',
    match_moved: '匹配推进',
    agreement_expiring: '协议即将到期',
    other: '其他',
  },
  entities: { match: '匹配', need: '需求', capability: '能力', agreement: '协议', other: '事项' },
  reason: '原因：{text}',
  message: '留言：{text}',
  open: '查看',
  digest: {
    date: '日期',
    total: '当天没有通知 | 当天 1 条通知 | 当天 {n} 条通知',
  },
};

export default zhCN;
