// The mixed workload of `pnpm bench:load`: which requests each endpoint group sends, and how the total rate is
// split between the groups (70 % reads, 20 % search, 10 % writes). Pure, so its mix can be tested.

export type Group = 'reads' | 'search' | 'writes';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WorkloadInput {
  /** Access tokens of logged-in demo users; writes go as the first (an enterprise member, who posts needs). */
  tokens: string[];
  needIds: string[];
  capabilityIds: string[];
  /** Notification ids of the writer (the first token's user). */
  notificationIds: string[];
  queries: string[];
}

export const MIX: Record<Group, number> = { reads: 0.7, search: 0.2, writes: 0.1 };

/** Requests a second for each group, summing to `total` (rounded, the remainder on reads). */
export function splitRate(total: number): Record<Group, number> {
  const search = Math.round(total * MIX.search);
  const writes = Math.round(total * MIX.writes);
  return { reads: total - search - writes, search, writes };
}

/** `size` requests for each group, cycling through users, listings and queries deterministically. */
export function buildWorkload(input: WorkloadInput, size = 600): Record<Group, LoadRequest[]> {
  const { tokens, needIds, capabilityIds, notificationIds, queries } = input;
  if (!tokens.length || !needIds.length || !capabilityIds.length || !queries.length) {
    throw new Error('the workload needs users, needs, capabilities and queries');
  }
  const as = (i: number) => ({ authorization: `Bearer ${tokens[i % tokens.length]}` });
  const get = (path: string, i: number): LoadRequest => ({ method: 'GET', path, headers: as(i) });
  // The reads a signed-in user makes browsing: listing details most, then their lists.
  const reads = [
    (i: number) => get(`/api/needs/${needIds[i % needIds.length]}`, i),
    (i: number) => get(`/api/capabilities/${capabilityIds[i % capabilityIds.length]}`, i),
    (i: number) => get(`/api/needs?page=${(i % 20) + 1}&pageSize=20`, i),
    (i: number) => get('/api/agreements?page=1&pageSize=20', i),
    (i: number) => get('/api/projects?page=1&pageSize=20', i),
    (i: number) => get('/api/notifications', i),
  ];
  const writer = { authorization: `Bearer ${tokens[0]}` };
  const writes = [
    (i: number): LoadRequest => ({
      method: 'POST',
      path: '/api/needs',
      headers: { ...writer, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `负载测试需求草稿 Load-test draft need ${i}`,
        description: 'A draft need written by the load benchmark; never submitted.',
      }),
    }),
    ...(notificationIds.length
      ? [
          (i: number): LoadRequest => ({
            method: 'POST',
            path: `/api/notifications/${notificationIds[i % notificationIds.length]}/read`,
            headers: writer,
          }),
        ]
      : []),
  ];
  const cycle = (makers: ((i: number) => LoadRequest)[]) =>
    Array.from({ length: size }, (_, i) => makers[i % makers.length]!(i));
  return {
    reads: cycle(reads),
    search: cycle([
      (i) =>
        get(
          `/api/search?type=${i % 3 === 0 ? 'capability' : 'need'}&q=${encodeURIComponent(queries[i % queries.length]!)}`,
          i,
        ),
    ]),
    writes: cycle(writes),
  };
}
