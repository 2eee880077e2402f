import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetLiveEvents } from '@/composables/use-live-events';
import {
  COLLEGE,
  conflict,
  liveStream,
  makeItem,
  makeLiveEvent,
  makeProjectDetail,
} from '@/testing/agreement-fixtures';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import ProjectPanel from './ProjectPanel.vue';

afterEach(() => resetLiveEvents());

const mountPanel = (locale: 'en' | 'zh-CN' = 'en') =>
  mountComponent(ProjectPanel, { props: { projectId: 'project-1', parties: [COLLEGE] }, locale });
const ticked = (wrapper: Awaited<ReturnType<typeof mountPanel>>['wrapper']) =>
  wrapper.find('[data-testid=item-tick]').classes().includes('is-checked');

describe('ProjectPanel', () => {
  it('ticks an item done with the version it was read at, then shows the saved state', async () => {
    const done = makeItem({ status: 'done', declaredStatus: 'done', version: 3 });
    const stream = liveStream();
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': stream.reply,
      'GET /projects/project-1': [
        { body: makeProjectDetail() },
        { body: makeProjectDetail({ items: [done], checklist: { done: 2, total: 3, overdue: 1 } }) },
      ],
      'PATCH /items/item-1': { body: done },
    });
    const { wrapper } = await mountPanel();
    expect(ticked(wrapper)).toBe(false);

    await wrapper.find('[data-testid=item-tick] input').setValue(true);
    await settle();

    expect(api.callsTo('PATCH /items/item-1')[0]!.body).toEqual({ status: 'done', version: 2 });
    expect(ticked(wrapper)).toBe(true);
    expect(wrapper.find('[data-testid=checklist-progress]').text()).toContain('2 of 3 done');
  });

  it('on a stale version reloads the item as it is now and says someone changed it', async () => {
    const current = makeItem({ status: 'blocked', declaredStatus: 'blocked', version: 5 });
    const stream = liveStream();
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': stream.reply,
      'GET /projects/project-1': [
        { body: makeProjectDetail() },
        { body: makeProjectDetail({ items: [current] }) },
        { body: makeProjectDetail({ items: [current] }) },
      ],
      'PATCH /items/item-1': conflict(current),
    });
    const { wrapper } = await mountPanel('zh-CN');
    await wrapper.find('[data-testid=item-tick] input').setValue(true);
    await settle();

    expect(api.callsTo('PATCH /items/item-1')).toHaveLength(1);
    expect(api.callsTo('GET /projects/project-1').length).toBeGreaterThanOrEqual(2);
    expect(ticked(wrapper)).toBe(false);
    expect(wrapper.find('[data-testid=item-status]').text()).toContain('受阻');
    await vi.waitFor(() => expect(document.body.textContent).toContain('刚才有其他人修改了此内容'));
  });

  it('shows another party’s change as it happens, marked "updated just now"', async () => {
    const stream = liveStream();
    const done = makeItem({ status: 'done', declaredStatus: 'done', version: 3 });
    mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': stream.reply,
      'GET /projects/project-1': [
        { body: makeProjectDetail() },
        { body: makeProjectDetail({ items: [done] }) },
      ],
    });
    const { wrapper } = await mountPanel();
    stream.ready();
    stream.send(makeLiveEvent({ projectId: 'other-project', entityId: 'other-item' }));
    stream.send(makeLiveEvent());

    await vi.waitFor(() => expect(ticked(wrapper)).toBe(true));
    expect(wrapper.find('[data-testid=updated-just-now]').text()).toBe('Updated just now');
  });
});
