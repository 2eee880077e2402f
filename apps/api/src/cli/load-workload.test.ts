import { describe, expect, it } from 'vitest';
import { buildWorkload, splitRate } from './load-workload.js';

const input = {
  tokens: ['writer', 'reader'],
  needIds: ['n1', 'n2'],
  capabilityIds: ['c1'],
  notificationIds: ['m1'],
  queries: ['新能源', 'battery'],
};

describe('the load workload', () => {
  it('splits the rate 70 / 20 / 10 and keeps the total', () => {
    expect(splitRate(200)).toEqual({ reads: 140, search: 40, writes: 20 });
    const odd = splitRate(33);
    expect(odd.reads + odd.search + odd.writes).toBe(33);
  });

  it('reads listing details and the lists, searches both kinds, and writes as the first user', () => {
    const { reads, search, writes } = buildWorkload(input, 60);
    const paths = reads.map((r) => r.path.split('?')[0]);
    expect(paths).toContain('/api/needs/n1');
    expect(paths).toContain('/api/capabilities/c1');
    expect(paths).toContain('/api/agreements');
    expect(paths).toContain('/api/projects');
    expect(reads.every((r) => r.method === 'GET')).toBe(true);
    expect(new Set(reads.map((r) => r.headers.authorization))).toEqual(
      new Set(['Bearer writer', 'Bearer reader']),
    );
    expect(search.some((r) => r.path.includes('type=capability'))).toBe(true);
    expect(search.some((r) => r.path.includes(encodeURIComponent('新能源')))).toBe(true);
    expect(writes.map((w) => w.path)).toEqual(
      expect.arrayContaining(['/api/needs', '/api/notifications/m1/read']),
    );
    expect(writes.every((w) => w.method === 'POST' && w.headers.authorization === 'Bearer writer')).toBe(
      true,
    );
    expect(JSON.parse(writes.find((w) => w.path === '/api/needs')!.body!)).not.toHaveProperty('submit');
  });

  it('writes only drafts when the writer has no notifications', () => {
    const { writes } = buildWorkload({ ...input, notificationIds: [] }, 10);
    expect(new Set(writes.map((w) => w.path))).toEqual(new Set(['/api/needs']));
  });
});
