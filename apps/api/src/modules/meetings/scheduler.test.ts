import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstFreeSlot,
  schedule,
  type Placement,
  type ScheduleResult,
  type SchedulerInput,
} from './scheduler.js';

/** Every hard rule, checked on the output alone. */
function checkHardRules(input: SchedulerInput, result: ScheduleResult) {
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const available = new Map(input.participants.map((p) => [p.id, p.available && new Set(p.available)]));
  const person = new Set<string>();
  const cell = new Set<string>();
  const seen = new Set<string>();
  for (const { requestId, slot, table } of result.placements) {
    const request = requests.get(requestId);
    expect(request, `placed request ${requestId} exists`).toBeDefined();
    expect(seen.has(requestId), `${requestId} placed once`).toBe(false);
    seen.add(requestId);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(slot).toBeLessThan(input.slotCount);
    expect(table).toBeGreaterThanOrEqual(1);
    expect(table).toBeLessThanOrEqual(input.tables);
    expect(cell.has(`${slot}:${table}`), `one meeting at table ${table} in slot ${slot}`).toBe(false);
    cell.add(`${slot}:${table}`);
    for (const p of [request!.a, request!.b]) {
      expect(person.has(`${p}@${slot}`), `${p} in two meetings in slot ${slot}`).toBe(false);
      person.add(`${p}@${slot}`);
      const slots = available.get(p);
      if (slots) expect(slots.has(slot), `${p} available in slot ${slot}`).toBe(true);
    }
  }
  // Every request is either placed or reported, never both.
  for (const { requestId } of result.unplaced) expect(seen.has(requestId)).toBe(false);
  expect(result.placements.length + result.unplaced.length).toBe(input.requests.length);
}

const instance = fc
  .record({
    slotCount: fc.integer({ min: 1, max: 10 }),
    tables: fc.integer({ min: 1, max: 6 }),
    people: fc.integer({ min: 2, max: 16 }),
  })
  .chain(({ slotCount, tables, people }) =>
    fc.record({
      slotCount: fc.constant(slotCount),
      tables: fc.constant(tables),
      participants: fc.tuple(
        ...Array.from({ length: people }, (_, i) =>
          fc.record({
            id: fc.constant(`p${i}`),
            available: fc.option(
              fc.uniqueArray(fc.integer({ min: 0, max: slotCount - 1 }), { maxLength: slotCount }),
              {
                nil: undefined,
              },
            ),
          }),
        ),
      ),
      requests: fc
        .uniqueArray(
          fc
            .tuple(fc.integer({ min: 0, max: people - 1 }), fc.integer({ min: 0, max: people - 1 }))
            .filter(([a, b]) => a !== b)
            .map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`)),
          { maxLength: 40 },
        )
        .chain((pairs) =>
          fc.tuple(
            ...pairs.map((pair, i) =>
              fc.integer({ min: 0, max: 3 }).map((priority) => {
                const [a, b] = pair.split('-');
                return { id: `r${String(i).padStart(3, '0')}`, a: `p${a}`, b: `p${b}`, priority };
              }),
            ),
          ),
        ),
    }),
  )
  .map((input): SchedulerInput => ({ ...input, participants: [...input.participants] }));

describe('the scheduler', () => {
  it('keeps every hard rule, places at least as many as first-free-slot, and answers the same twice', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = schedule(input);
        checkHardRules(input, result);
        expect(result.placements.length).toBeGreaterThanOrEqual(firstFreeSlot(input).placements.length);
        expect(schedule(input)).toEqual(result);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('keeps pinned meetings where they are and fills the rest around them on a re-run', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const first = schedule(input);
        // Confirm half of the first run's meetings; the re-run keeps them and places at least as many in all.
        const pinned = first.placements.filter((_, i) => i % 2 === 0);
        const rerun = schedule({ ...input, pinned });
        checkHardRules(input, rerun);
        for (const pin of pinned) expect(rerun.placements).toContainEqual(pin);
        expect(rerun.unplaced.some((u) => u.reason === 'pinned_conflict')).toBe(false);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('reports pinned meetings that break a rule, and why the rest could not be placed', () => {
    const input: SchedulerInput = {
      slotCount: 2,
      tables: 1,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c', available: [0] }, { id: 'd', available: [1] }],
      requests: [
        { id: 'ab', a: 'a', b: 'b', priority: 1 },
        { id: 'ac', a: 'a', b: 'c', priority: 1 },
        { id: 'cd', a: 'c', b: 'd', priority: 1 },
        { id: 'bc', a: 'b', b: 'c', priority: 0 },
        { id: 'bx', a: 'b', b: 'nobody', priority: 0 },
      ],
      pinned: [
        { requestId: 'ab', slot: 0, table: 1 },
        // a is already in slot 0
        { requestId: 'ac', slot: 0, table: 1 },
      ],
    };
    const result = schedule(input);
    checkHardRules(input, result);
    expect(result.placements).toEqual([{ requestId: 'ab', slot: 0, table: 1 }]);
    expect(Object.fromEntries(result.unplaced.map((u) => [u.requestId, u.reason]))).toEqual({
      ac: 'pinned_conflict',
      cd: 'no_common_availability',
      // c can come only in slot 0, whose one table ab holds
      bc: 'tables_full',
      bx: 'unknown_participant',
    });
  });

  it('gives the scarce tables to higher-priority requests', () => {
    const input: SchedulerInput = {
      slotCount: 1,
      tables: 2,
      participants: Array.from({ length: 8 }, (_, i) => ({ id: `p${i}` })),
      requests: [
        { id: 'low1', a: 'p0', b: 'p1', priority: 0 },
        { id: 'low2', a: 'p2', b: 'p3', priority: 0 },
        { id: 'high1', a: 'p4', b: 'p5', priority: 2 },
        { id: 'high2', a: 'p6', b: 'p7', priority: 1 },
      ],
    };
    const placed = schedule(input).placements.map((p: Placement) => p.requestId);
    expect(placed.sort()).toEqual(['high1', 'high2']);
  });

  it('moves a placed meeting aside to make room where first-free-slot gives up', () => {
    // x meets y in slot 0 first; then x–z can only meet in slot 0 (z comes only then) and y is free in slot 1.
    const input: SchedulerInput = {
      slotCount: 2,
      tables: 4,
      participants: [{ id: 'x' }, { id: 'y' }, { id: 'z', available: [0] }],
      requests: [
        { id: 'a-xy', a: 'x', b: 'y', priority: 1 },
        { id: 'b-xz', a: 'x', b: 'z', priority: 1 },
      ],
    };
    expect(firstFreeSlot(input).placements).toHaveLength(1);
    const result = schedule(input);
    expect(result.placements).toEqual([
      { requestId: 'b-xz', slot: 0, table: 1 },
      { requestId: 'a-xy', slot: 1, table: 1 },
    ]);
    expect(result.unplaced).toEqual([]);
  });

  it('packs a participant’s meetings together rather than leaving idle slots between them', () => {
    const input: SchedulerInput = {
      slotCount: 6,
      tables: 10,
      participants: ['hub', 'a', 'b', 'c'].map((id) => ({ id })),
      requests: [
        { id: 'r1', a: 'hub', b: 'a', priority: 0 },
        { id: 'r2', a: 'hub', b: 'b', priority: 0 },
        { id: 'r3', a: 'hub', b: 'c', priority: 0 },
      ],
    };
    expect(schedule(input).gaps.total).toBe(0);
  });
});
