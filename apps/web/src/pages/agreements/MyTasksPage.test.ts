import { afterEach, describe, expect, it } from 'vitest';
import { resetLiveEvents } from '@/composables/use-live-events';
import { liveStream, makeTask } from '@/testing/agreement-fixtures';
import { makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import MyTasksPage from './MyTasksPage.vue';

afterEach(() => resetLiveEvents());

describe('MyTasksPage', () => {
  it('lists open tasks with overdue ones first, each linking to its project', async () => {
    const soon = makeTask({ id: 'item-1', title: 'Open the training base', dueDate: '2030-01-01' });
    const late = makeTask({
      id: 'item-2',
      title: 'Buy the CMM',
      status: 'overdue',
      overdue: true,
      dueDate: '2031-01-01',
    });
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': liveStream().reply,
      'GET /tasks': { body: paged([soon, late]) },
    });
    const { wrapper } = await mountComponent(MyTasksPage, { path: '/tasks' });

    expect(api.callsTo('GET /tasks')[0]!.query.get('status')).toBe('overdue,pending,in_progress,blocked');
    const rows = wrapper.findAll('[data-testid=task-table] .el-table__row');
    expect(rows.map((row) => row.find('[data-testid=task-link]').text())).toEqual([
      'Buy the CMM',
      'Open the training base',
    ]);
    expect(rows[0]!.find('[data-testid=task-status]').text()).toBe('Overdue');
    expect(rows[0]!.find('[data-testid=task-link]').attributes('href')).toBe('/projects/project-1');
  });

  it('filters by status from the address and says when nothing is there, in Chinese', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': liveStream().reply,
      'GET /tasks': { body: paged([]) },
    });
    const { wrapper } = await mountComponent(MyTasksPage, { path: '/tasks?status=blocked', locale: 'zh-CN' });
    expect(api.callsTo('GET /tasks')[0]!.query.get('status')).toBe('blocked');
    expect(wrapper.find('[data-testid=tasks-empty]').text()).toContain('没有该状态的任务');
  });
});
