// Docking-meeting scheduler speed and quality beside a first-free-slot greedy baseline, on generated data.
// Usage: pnpm --filter @coop/api bench:meetings [participants=300] [requests=1500] [slots=24] [tables=40]
import { performance } from 'node:perf_hooks';
import { firstFreeSlot, schedule, type SchedulerInput } from '../modules/meetings/scheduler.js';

const [participants = 300, requests = 1500, slotCount = 24, tables = 40] = process.argv
  .slice(2)
  .map((arg) => Number.parseInt(arg, 10));

/** mulberry32: the same instance on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): SchedulerInput {
  const next = random(20261202);
  const half = Math.floor(slotCount / 2);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  // One in ten comes in the morning only, one in ten in the afternoon only.
  const people = Array.from({ length: participants }, (_, i) => {
    const roll = next();
    const available = roll < 0.1 ? range(0, half) : roll < 0.2 ? range(half, slotCount) : undefined;
    return { id: `p${String(i).padStart(4, '0')}`, ...(available ? { available } : {}) };
  });
  const pairs = new Set<string>();
  const list: SchedulerInput['requests'][number][] = [];
  while (list.length < requests) {
    // A few popular participants attract many requests, as at real events.
    const a = Math.floor(next() ** 1.6 * participants);
    const b = Math.floor(next() * participants);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    list.push({
      id: `r${String(list.length).padStart(5, '0')}`,
      a: people[a]!.id,
      b: people[b]!.id,
      priority: Math.floor(next() * 3),
    });
  }
  return { slotCount, tables, participants: people, requests: list };
}

const input = generate();
const time = <T>(run: () => T) => {
  const start = performance.now();
  const result = run();
  return { result, ms: Math.round(performance.now() - start) };
};
const greedy = time(() => firstFreeSlot(input));
const solver = time(() => schedule(input));
const row = (name: string, { result, ms }: typeof solver) => ({
  method: name,
  ms,
  placed: result.placements.length,
  unplaced: result.unplaced.length,
  'gaps total': result.gaps.total,
  'gaps max': result.gaps.max,
  'people with gaps': result.gaps.withGaps,
  'gaps std dev': result.gaps.stdDev,
});
console.log(
  `${participants} participants, ${requests} accepted requests, ${slotCount} slots, ${tables} tables ` +
    `(${slotCount * tables} cells); goal: scheduler ≤ 3000 ms, placed ≥ baseline`,
);
console.table([row('scheduler', solver), row('first free slot', greedy)]);
const reasons: Record<string, number> = {};
for (const u of solver.result.unplaced) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
console.log('scheduler, not placed, by reason:', reasons);
