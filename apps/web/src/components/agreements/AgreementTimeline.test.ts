import { describe, expect, it } from 'vitest';
import { COLLEGE, makeTimelineEvent } from '@/testing/agreement-fixtures';
import { makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import AgreementTimeline from './AgreementTimeline.vue';

const events = [
  makeTimelineEvent({
    id: 9,
    entityType: 'checklist_item',
    entityId: 'item-1',
    projectId: 'project-1',
    action: 'updated',
    before: { status: 'pending', responsibleOrgId: null },
    after: { status: 'done', responsibleOrgId: 'org-2', completedAt: '2026-11-21T08:00:00.000Z' },
  }),
  makeTimelineEvent({
    id: 8,
    action: 'terminate',
    before: { status: 'active' },
    after: { status: 'terminated', reason: 'Plans changed' },
  }),
  makeTimelineEvent({ id: 7, action: 'sign', after: { status: 'signed', signedOn: '2026-07-24' } }),
  makeTimelineEvent({
    id: 6,
    action: 'expire',
    actor: null,
    after: { status: 'expired', endDate: '2029-11-20' },
  }),
  makeTimelineEvent({
    id: 5,
    entityType: 'project',
    entityId: 'project-1',
    projectId: 'project-1',
    action: 'created',
    after: { title: 'Joint training' },
  }),
];
const context = {
  projectTitles: new Map([['project-1', 'Joint training']]),
  orgs: new Map([[COLLEGE.id, COLLEGE]]),
};

async function sentences(locale: 'en' | 'zh-CN') {
  const api = mockApi({
    ...restoresSessionOf(makeUser()),
    'GET /agreements/agreement-1/timeline': { body: paged(events, 1, 15, 40) },
  });
  const { wrapper } = await mountComponent(AgreementTimeline, {
    props: { agreementId: 'agreement-1', context },
    locale,
  });
  expect(api.callsTo('GET /agreements/agreement-1/timeline')[0]!.query.get('pageSize')).toBe('15');
  expect(wrapper.find('.el-pagination').exists()).toBe(true);
  return wrapper
    .findAll('[data-testid=timeline-event] .el-timeline-item__content')
    .map((item) => item.text());
}

describe('AgreementTimeline', () => {
  it('words each action in English, naming who did it', async () => {
    expect(await sentences('en')).toEqual([
      'Wang Min (Zhijiang Machinery Association) changed an item of “Joint training”: status Pending → Done; responsible Joint → East Zhejiang University of Technology',
      'Wang Min (Zhijiang Machinery Association) terminated the agreement: Plans changed',
      'Wang Min (Zhijiang Machinery Association) recorded the signing on Jul 24, 2026',
      'The agreement expired at the end of its term (Nov 20, 2029)',
      'Wang Min (Zhijiang Machinery Association) added the project “Joint training”',
    ]);
  });

  it('words each action in Chinese', async () => {
    expect(await sentences('zh-CN')).toEqual([
      'Wang Min（之江机械工业协会）修改了“Joint training”的事项：状态 待开始 → 已完成；责任方 共同负责 → 浙东理工大学',
      'Wang Min（之江机械工业协会）终止了协议：Plans changed',
      'Wang Min（之江机械工业协会）记录了签约（2026/07/24）',
      '协议期限届满，已到期（2029/11/20）',
      'Wang Min（之江机械工业协会）新增项目“Joint training”',
    ]);
  });
});
