import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetLiveEvents } from '@/composables/use-live-events';
import {
  conflict,
  liveStream,
  makeAgreement,
  makeLiveEvent,
  makeProject,
} from '@/testing/agreement-fixtures';
import { makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import ProjectList from './ProjectList.vue';

afterEach(() => resetLiveEvents());

const first = makeProject();
const second = makeProject({
  id: 'project-2',
  title: 'Shared large instruments',
  status: 'planned',
  position: 2,
  checklist: { done: 0, total: 0, overdue: 0 },
});

const mountList = (path = '/agreements/agreement-1', locale: 'en' | 'zh-CN' = 'en') =>
  mountComponent(ProjectList, { props: { agreement: makeAgreement() }, path, locale });

describe('ProjectList', () => {
  it('updates without a reload when another party ticks an item', async () => {
    const stream = liveStream();
    const ticked = makeProject({ checklist: { done: 2, total: 3, overdue: 1 }, version: 1 });
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': stream.reply,
      'GET /agreements/agreement-1/projects': [
        { body: paged([first, second]) },
        { body: paged([ticked, second]) },
      ],
    });
    const { wrapper } = await mountList();
    expect(wrapper.find('[data-testid=checklist-progress]').text()).toContain('1 of 3 done');

    stream.ready();
    stream.send(makeLiveEvent({ agreementId: 'another-agreement', projectId: 'elsewhere' }));
    stream.send(makeLiveEvent());

    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid=checklist-progress]').text()).toContain('2 of 3 done'),
    );
    expect(api.callsTo('GET /agreements/agreement-1/projects')).toHaveLength(2);
    expect(wrapper.findAll('[data-testid=updated-just-now]')).toHaveLength(1);
    expect(api.callsTo('GET /events/stream')[0]!.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('shows a board by status, with overdue items called out', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': liveStream().reply,
      'GET /agreements/agreement-1/projects': { body: paged([first, second]) },
    });
    const { wrapper } = await mountList('/agreements/agreement-1?view=board', 'zh-CN');
    expect(wrapper.find('[data-testid=board-column-active]').text()).toContain(
      'Joint training of CNC technicians',
    );
    expect(wrapper.find('[data-testid=board-column-active]').text()).toContain('1 项逾期');
    expect(wrapper.find('[data-testid=board-column-planned]').text()).toContain('Shared large instruments');
    expect(wrapper.find('[data-testid=board-column-done]').text()).toContain('无');
  });

  it('re-orders with the whole list of ids, and reloads when the list changed meanwhile', async () => {
    const stream = liveStream();
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': stream.reply,
      'GET /agreements/agreement-1/projects': [
        { body: paged([first, second]) },
        { body: paged([second, first]) },
      ],
      'PUT /agreements/agreement-1/projects/order': conflict(paged([second, first])),
    });
    const { wrapper } = await mountList();
    await wrapper.find('[data-testid=project-down-0]').trigger('click');
    await settle();

    expect(api.callsTo('PUT /agreements/agreement-1/projects/order')[0]!.body).toEqual({
      ids: ['project-2', 'project-1'],
    });
    expect(api.callsTo('GET /agreements/agreement-1/projects')).toHaveLength(2);
    expect(wrapper.findAll('[data-testid=project-open]').map((link) => link.text())).toEqual([
      'Shared large instruments',
      'Joint training of CNC technicians',
    ]);
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain('Someone else changed this a moment ago'),
    );
  });

  it('says what to do when the list is empty', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': liveStream().reply,
      'GET /agreements/agreement-1/projects': { body: paged([]) },
    });
    const { wrapper } = await mountList();
    expect(wrapper.find('[data-testid=projects-empty]').text()).toContain(
      'Add the first project of this agreement',
    );
  });
});
