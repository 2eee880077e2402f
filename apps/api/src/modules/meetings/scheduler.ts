// The docking-meeting scheduler: puts accepted meeting requests into (slot, table) cells. Pure and deterministic.
//
// Hard rules: nobody in two meetings in one slot, at most `tables` meetings per slot, both sides available in the
// slot, pinned meetings (fixed by hand, or confirmed by an earlier run) kept where they are.
// Method, in three phases:
//  1. construction in priority order (then id): each request goes to the feasible slot that adds the fewest idle
//     gaps for its two participants, the emptier slot on a tie;
//  2. repair by ejection chains (Kempe-chain style, as in edge colouring): a request with no free slot takes a slot
//     where the clash is one or two movable meetings that can themselves be moved elsewhere (recursively, to a
//     bounded depth, undone when the chain fails); a full slot ejects one movable meeting to a slot with room;
//  3. local search on fairness: single meetings move to other free slots while that lowers the sum of squared idle
//     gaps of the people concerned (so gaps shrink and no one carries many of them).
// Work is bounded by operation counts, never by the clock, so the same input always gives the same schedule.

export interface SchedulerParticipant {
  id: string;
  /** Slot indexes this participant can attend; absent means every slot. */
  available?: readonly number[];
}

export interface SchedulerRequest {
  id: string;
  a: string;
  b: string;
  /** Higher goes first. */
  priority: number;
}

export interface Placement {
  requestId: string;
  slot: number;
  table: number;
}

export interface SchedulerInput {
  slotCount: number;
  /** Tables are numbered 1..tables. */
  tables: number;
  participants: readonly SchedulerParticipant[];
  requests: readonly SchedulerRequest[];
  /** Meetings that stay where they are: fixed by hand or confirmed by an earlier run. */
  pinned?: readonly Placement[];
}

export type UnplacedReason =
  /** The two sides share no slot they are both available in. */
  | 'no_common_availability'
  /** Every slot both can attend already has a meeting at every table. */
  | 'tables_full'
  /** In every slot both can attend with a free table, one of the two is already in another meeting. */
  | 'participants_busy'
  /** A pinned meeting that breaks a hard rule (a clash with another pinned one, a slot or table out of range, …). */
  | 'pinned_conflict'
  /** A participant named by the request is not in the participant list. */
  | 'unknown_participant';

export interface Unplaced {
  requestId: string;
  reason: UnplacedReason;
}

export interface GapStats {
  /** Idle slots between a participant's first and last meeting, summed over participants. */
  total: number;
  /** The most one participant has. */
  max: number;
  /** Participants with at least one idle gap. */
  withGaps: number;
  /** Standard deviation of gaps over participants with a meeting. */
  stdDev: number;
}

export interface ScheduleResult {
  placements: Placement[];
  unplaced: Unplaced[];
  gaps: GapStats;
}

interface Limits {
  /** How many meetings a repair chain may move, at most. */
  chainDepth: number;
  /** Operations the repair phase may spend in all. */
  repairBudget: number;
  /** Passes of the fairness local search. */
  fairnessPasses: number;
}

const DEFAULT_LIMITS: Limits = { chainDepth: 2, repairBudget: 4_000_000, fairnessPasses: 2 };

const byPriorityThenId = (x: SchedulerRequest, y: SchedulerRequest) =>
  y.priority - x.priority || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Internal state: meetings as indexes into `reqs`, participants as indexes. */
class Board {
  readonly slotOf: Int32Array;
  readonly pinned: Uint8Array;
  /** busy[p * S + s] = meeting index + 1, or 0. */
  readonly busy: Int32Array;
  readonly load: Int32Array;
  readonly avail: Uint8Array;
  /** Undo log of (meeting, previous slot). */
  private readonly log: number[] = [];

  constructor(
    readonly S: number,
    readonly T: number,
    readonly P: number,
    readonly ends: Int32Array, // meeting m: participants ends[2m], ends[2m+1]
    meetings: number,
  ) {
    this.slotOf = new Int32Array(meetings).fill(-1);
    this.pinned = new Uint8Array(meetings);
    this.busy = new Int32Array(P * S);
    this.load = new Int32Array(S);
    this.avail = new Uint8Array(P * S);
  }

  a(m: number) {
    return this.ends[2 * m]!;
  }
  b(m: number) {
    return this.ends[2 * m + 1]!;
  }
  canAttend(m: number, s: number) {
    return this.avail[this.a(m) * this.S + s] === 1 && this.avail[this.b(m) * this.S + s] === 1;
  }
  /** Both free, both available, a table free. */
  fits(m: number, s: number) {
    const S = this.S;
    return (
      this.load[s]! < this.T &&
      this.canAttend(m, s) &&
      this.busy[this.a(m) * S + s] === 0 &&
      this.busy[this.b(m) * S + s] === 0
    );
  }
  private set(m: number, s: number) {
    const from = this.slotOf[m]!;
    const S = this.S;
    if (from >= 0) {
      this.busy[this.a(m) * S + from] = 0;
      this.busy[this.b(m) * S + from] = 0;
      this.load[from]!--;
    }
    if (s >= 0) {
      this.busy[this.a(m) * S + s] = m + 1;
      this.busy[this.b(m) * S + s] = m + 1;
      this.load[s]!++;
    }
    this.slotOf[m] = s;
  }
  move(m: number, s: number) {
    this.log.push(m, this.slotOf[m]!);
    this.set(m, s);
  }
  mark() {
    return this.log.length;
  }
  rollback(mark: number) {
    while (this.log.length > mark) {
      const from = this.log.pop()!;
      const m = this.log.pop()!;
      this.set(m, from);
    }
  }
  commit() {
    this.log.length = 0;
  }
  /** Idle gaps of a participant: span of their meetings minus the meetings. */
  gapsOf(p: number) {
    let first = -1;
    let last = -1;
    let count = 0;
    const base = p * this.S;
    for (let s = 0; s < this.S; s++) {
      if (this.busy[base + s] !== 0) {
        if (first < 0) first = s;
        last = s;
        count++;
      }
    }
    return count === 0 ? 0 : last - first + 1 - count;
  }
  /** Gaps of a participant if they also (or no longer) met in slot s. */
  gapsWith(p: number, add: number, remove = -1) {
    let first = -1;
    let last = -1;
    let count = 0;
    const base = p * this.S;
    for (let s = 0; s < this.S; s++) {
      const occupied = s === add || (s !== remove && this.busy[base + s] !== 0);
      if (occupied) {
        if (first < 0) first = s;
        last = s;
        count++;
      }
    }
    return count === 0 ? 0 : last - first + 1 - count;
  }
}

/** One board with pins applied and the search primitives over it. */
function createSolver(
  input: SchedulerInput,
  reqs: SchedulerRequest[],
  participantIndex: Map<string, number>,
  limits: Limits,
) {
  const S = input.slotCount;
  const T = input.tables;
  const ends = new Int32Array(reqs.length * 2);
  reqs.forEach((r, m) => {
    ends[2 * m] = participantIndex.get(r.a)!;
    ends[2 * m + 1] = participantIndex.get(r.b)!;
  });
  const board = new Board(S, T, participantIndex.size, ends, reqs.length);
  input.participants.forEach((p) => {
    const base = participantIndex.get(p.id)! * S;
    if (!p.available) board.avail.fill(1, base, base + S);
    else for (const s of p.available) if (Number.isInteger(s) && s >= 0 && s < S) board.avail[base + s] = 1;
  });
  const meetingOf = new Map(reqs.map((r, m) => [r.id, m]));

  // Pinned meetings first, in priority order; one that breaks a hard rule is reported and left out.
  const pinnedTable = new Map<number, number>();
  const rejectedPins: number[] = [];
  const tableTaken = new Set<string>();
  const pins = [...(input.pinned ?? [])]
    .filter((pin) => meetingOf.has(pin.requestId))
    .sort((x, y) => meetingOf.get(x.requestId)! - meetingOf.get(y.requestId)!);
  for (const pin of pins) {
    const m = meetingOf.get(pin.requestId)!;
    if (board.pinned[m] !== 0) continue;
    const inRange =
      Number.isInteger(pin.slot) &&
      pin.slot >= 0 &&
      pin.slot < S &&
      Number.isInteger(pin.table) &&
      pin.table >= 1 &&
      pin.table <= T;
    const cell = `${pin.slot}:${pin.table}`;
    if (inRange && board.fits(m, pin.slot) && !tableTaken.has(cell)) {
      board.move(m, pin.slot);
      board.pinned[m] = 1;
      pinnedTable.set(m, pin.table);
      tableTaken.add(cell);
    } else {
      board.pinned[m] = 2; // breaks a rule: never placed
      rejectedPins.push(m);
    }
  }
  board.commit();

  const cost = (m: number, s: number) => {
    const a = board.a(m);
    const b = board.b(m);
    return board.gapsWith(a, s) - board.gapsOf(a) + board.gapsWith(b, s) - board.gapsOf(b);
  };
  /** The feasible slot that adds the fewest gaps, the emptier one on a tie, the earlier one then. */
  const bestFreeSlot = (m: number, exclude = -1) => {
    let best = -1;
    let bestCost = Infinity;
    for (let s = 0; s < S; s++) {
      if (s === exclude || !board.fits(m, s)) continue;
      const c = cost(m, s) * (T + 1) + board.load[s]!;
      if (c < bestCost) {
        bestCost = c;
        best = s;
      }
    }
    return best;
  };
  const firstFree = (m: number) => {
    for (let s = 0; s < S; s++) if (board.fits(m, s)) return s;
    return -1;
  };

  let budget = limits.repairBudget;
  const moving = new Uint8Array(reqs.length);
  const movable = (m: number) => board.pinned[m] === 0 && moving[m] === 0;

  /** The meetings standing in m's way in slot s (its two people's), or null when one of them may not move. */
  function blockersAt(m: number, s: number): number[] | null {
    const x = board.busy[board.a(m) * S + s]! - 1;
    const y = board.busy[board.b(m) * S + s]! - 1;
    const blockers = [x, y].filter((v, i, all) => v >= 0 && all.indexOf(v) === i);
    return blockers.some((v) => !movable(v)) ? null : blockers;
  }

  /** Places meeting m (currently unplaced) in a slot other than `exclude`, moving up to `depth` others. */
  function insert(m: number, depth: number, exclude: number): boolean {
    if (--budget <= 0) return false;
    const free = bestFreeSlot(m, exclude);
    if (free >= 0) {
      board.move(m, free);
      return true;
    }
    if (depth === 0) return false;
    moving[m] = 1;
    try {
      for (let s = 0; s < S; s++) {
        if (s === exclude || !board.canAttend(m, s)) continue;
        const blockers = blockersAt(m, s);
        if (!blockers || blockers.length > depth) continue;
        if (blockers.length === 0) {
          // The slot is full: move one meeting out of it to a slot with room.
          if (!ejectOne(s)) continue;
          board.move(m, s);
          return true;
        }
        const mark = board.mark();
        let ok = true;
        for (const v of blockers) {
          board.move(v, -1);
          if (!insert(v, depth - blockers.length, s)) {
            ok = false;
            break;
          }
        }
        if (ok && board.fits(m, s)) {
          board.move(m, s);
          return true;
        }
        board.rollback(mark);
        if (budget <= 0) return false;
      }
      return false;
    } finally {
      moving[m] = 0;
    }
  }

  /** Moves one movable meeting out of slot s to a slot with room (no chain: the slot only needs a table). */
  function ejectOne(s: number): boolean {
    for (let v = 0; v < reqs.length; v++) {
      if (board.slotOf[v] !== s || !movable(v)) continue;
      if (--budget <= 0) return false;
      const target = bestFreeSlot(v, s);
      if (target >= 0) {
        board.move(v, target);
        return true;
      }
    }
    return false;
  }

  const placedCount = () => {
    let n = 0;
    for (let m = 0; m < reqs.length; m++) if (board.slotOf[m]! >= 0) n++;
    return n;
  };

  return {
    board,
    pinnedTable,
    rejectedPins,
    /** Phase 1: each unpinned meeting in this order, at the slot `choose` picks. */
    construct(order: readonly number[], choice: 'fewest_gaps' | 'first_free') {
      for (const m of order) {
        if (board.pinned[m] !== 0) continue;
        const s = choice === 'first_free' ? firstFree(m) : bestFreeSlot(m);
        if (s >= 0) board.move(m, s);
      }
      board.commit();
    },
    /** Phase 2: ejection chains for every unplaced meeting, in priority order; never unplaces one. */
    repair() {
      let placed = placedCount();
      for (let m = 0; m < reqs.length; m++) {
        if (board.slotOf[m]! >= 0 || board.pinned[m] !== 0) continue;
        // Once every cell is taken, no chain can make room.
        if (placed >= S * T || budget <= 0) break;
        const mark = board.mark();
        if (insert(m, limits.chainDepth, -1)) {
          board.commit();
          placed++;
        } else board.rollback(mark);
      }
    },
    /**
     * Phase 2b: an unplaced request takes the slot of one lower-priority meeting in its way, which then looks for
     * another slot (and stays out if there is none): the count never falls, the priority rises.
     */
    preferPriority() {
      for (let m = 0; m < reqs.length; m++) {
        if (board.slotOf[m]! >= 0 || board.pinned[m] !== 0 || budget <= 0) continue;
        for (let s = 0; s < S; s++) {
          if (!board.canAttend(m, s)) continue;
          let blockers = blockersAt(m, s);
          if (blockers && blockers.length === 0 && board.load[s]! >= T) {
            // A full slot: the lowest-priority movable meeting there (the last in priority order).
            let lowest = -1;
            for (let v = 0; v < reqs.length; v++) if (board.slotOf[v] === s && movable(v)) lowest = v;
            blockers = lowest >= 0 ? [lowest] : null;
          }
          if (!blockers || blockers.length !== 1) continue;
          const v = blockers[0]!;
          if (reqs[v]!.priority >= reqs[m]!.priority) continue;
          board.move(v, -1);
          board.move(m, s);
          const mark = board.mark();
          if (!insert(v, limits.chainDepth - 1, s)) board.rollback(mark);
          board.commit();
          break;
        }
      }
    },
    /**
     * Phase 3: a meeting moves to a free slot, or swaps slots with a meeting there, while the squared idle gaps of
     * the people concerned fall — squares, so that one person's many gaps weigh more than several people's one.
     */
    spreadGaps() {
      const square = (v: number) => v * v;
      const members: number[][] = Array.from({ length: S }, () => []);
      for (let m = 0; m < reqs.length; m++) if (board.slotOf[m]! >= 0) members[board.slotOf[m]!]!.push(m);
      const people: number[] = [];
      /** The distinct participants of meetings m and v, in `people`. */
      const peopleOf = (m: number, v: number) => {
        people.length = 0;
        for (const p of [board.a(m), board.b(m), board.a(v), board.b(v)])
          if (!people.includes(p)) people.push(p);
        return people;
      };
      const squares = (list: number[]) => {
        let sum = 0;
        for (const p of list) sum += square(board.gapsOf(p));
        return sum;
      };
      const relocate = (m: number, from: number, to: number) => {
        const list = members[from]!;
        list.splice(list.indexOf(m), 1);
        members[to]!.push(m);
      };
      let work = limits.repairBudget;
      for (let pass = 0; pass < limits.fairnessPasses && work > 0; pass++) {
        let improved = false;
        for (let m = 0; m < reqs.length && work > 0; m++) {
          const from = board.slotOf[m]!;
          if (from < 0 || board.pinned[m] !== 0) continue;
          const a = board.a(m);
          const b = board.b(m);
          const own = [a, b];
          if (squares(own) === 0) continue;
          for (let to = 0; to < S; to++) {
            if (to === from || !board.canAttend(m, to)) continue;
            work--;
            if (board.fits(m, to)) {
              const before = squares(own);
              board.move(m, to);
              if (squares(own) < before) {
                relocate(m, from, to);
                improved = true;
                break;
              }
              board.rollback(0);
              continue;
            }
            // A swap with one meeting of slot `to`: the one in the way of a or b, or any when the slot is full.
            const inWay = blockersAt(m, to);
            if (!inWay || inWay.length > 1) continue;
            const candidates = inWay.length === 1 ? inWay : members[to]!;
            let swapped = -1;
            for (const v of candidates) {
              if (--work <= 0) break;
              if (board.pinned[v] !== 0 || !board.canAttend(v, from)) continue;
              peopleOf(m, v);
              const before = squares(people);
              board.move(m, -1);
              board.move(v, -1);
              if (board.fits(v, from)) {
                board.move(v, from);
                if (board.fits(m, to)) {
                  board.move(m, to);
                  if (squares(people) < before) {
                    swapped = v;
                    break;
                  }
                }
              }
              board.rollback(0);
            }
            if (swapped >= 0) {
              relocate(m, from, to);
              relocate(swapped, to, from);
              improved = true;
              break;
            }
          }
          board.commit();
        }
        if (!improved) break;
      }
    },
    /** What makes one run better than another: placed, then priority placed, then fewer squared gaps. */
    score(): [number, number, number] {
      let placed = 0;
      let priority = 0;
      for (let m = 0; m < reqs.length; m++) {
        if (board.slotOf[m]! < 0) continue;
        placed++;
        priority += reqs[m]!.priority;
      }
      let squares = 0;
      for (let p = 0; p < board.P; p++) squares += board.gapsOf(p) ** 2;
      return [placed, priority, -squares];
    },
  };
}

/**
 * Runs construction and repair from two starts — priority order with the fewest-gaps slot, and the order given
 * with the first free slot (the baseline) — and keeps the better schedule, so it never places fewer than the
 * baseline and repairs what the baseline left; then spreads the gaps of the better one.
 */
export function schedule(input: SchedulerInput, overrides: Partial<Limits> = {}): ScheduleResult {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  const participantIndex = new Map<string, number>();
  for (const p of input.participants) {
    if (!participantIndex.has(p.id)) participantIndex.set(p.id, participantIndex.size);
  }
  const unplaced: Unplaced[] = [];
  const reqs: SchedulerRequest[] = [];
  for (const request of [...input.requests].sort(byPriorityThenId)) {
    if (!participantIndex.has(request.a) || !participantIndex.has(request.b) || request.a === request.b) {
      unplaced.push({ requestId: request.id, reason: 'unknown_participant' });
    } else reqs.push(request);
  }
  const position = new Map(reqs.map((r, m) => [r.id, m]));
  const priorityOrder = reqs.map((_, m) => m);
  const givenOrder = input.requests.flatMap((r) => (position.has(r.id) ? [position.get(r.id)!] : []));

  const runs = (
    [
      [priorityOrder, 'fewest_gaps'],
      [givenOrder, 'first_free'],
    ] as const
  ).map(([order, choice]) => {
    const solver = createSolver(input, reqs, participantIndex, limits);
    solver.construct(order, choice);
    solver.repair();
    solver.preferPriority();
    return { solver, score: solver.score() };
  });
  const better = (x: number[], y: number[]) => x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  const { solver } = runs.reduce((best, run) => (better(run.score, best.score) > 0 ? run : best));
  solver.spreadGaps();
  const { board, pinnedTable, rejectedPins } = solver;

  // Tables: pinned meetings keep theirs; the others take the lowest free numbers, in priority order.
  const S = input.slotCount;
  const placements: Placement[] = [];
  const usedTables: Set<number>[] = Array.from({ length: S }, () => new Set());
  for (const [m, table] of pinnedTable) usedTables[board.slotOf[m]!]!.add(table);
  const nextTable = new Int32Array(S).fill(1);
  for (let m = 0; m < reqs.length; m++) {
    const s = board.slotOf[m]!;
    if (s < 0) continue;
    let table = pinnedTable.get(m);
    if (table === undefined) {
      const used = usedTables[s]!;
      while (used.has(nextTable[s]!)) nextTable[s]!++;
      table = nextTable[s]!;
      used.add(table);
    }
    placements.push({ requestId: reqs[m]!.id, slot: s, table });
  }
  placements.sort((x, y) => x.slot - y.slot || x.table - y.table);

  for (const m of rejectedPins) unplaced.push({ requestId: reqs[m]!.id, reason: 'pinned_conflict' });
  for (let m = 0; m < reqs.length; m++) {
    if (board.slotOf[m]! < 0 && board.pinned[m] === 0) {
      unplaced.push({ requestId: reqs[m]!.id, reason: reasonFor(board, m) });
    }
  }
  return { placements, unplaced, gaps: gapStats(board) };
}

function reasonFor(board: Board, m: number): UnplacedReason {
  let common = 0;
  let roomy = 0;
  for (let s = 0; s < board.S; s++) {
    if (!board.canAttend(m, s)) continue;
    common++;
    if (board.load[s]! < board.T) roomy++;
  }
  if (common === 0) return 'no_common_availability';
  return roomy === 0 ? 'tables_full' : 'participants_busy';
}

function gapStats(board: Board): GapStats {
  const gaps: number[] = [];
  for (let p = 0; p < board.P; p++) {
    let any = false;
    for (let s = 0; s < board.S && !any; s++) any = board.busy[p * board.S + s] !== 0;
    if (any) gaps.push(board.gapsOf(p));
  }
  return summariseGaps(gaps);
}

export function summariseGaps(gaps: number[]): GapStats {
  const total = gaps.reduce((sum, g) => sum + g, 0);
  const mean = gaps.length ? total / gaps.length : 0;
  const variance = gaps.length ? gaps.reduce((sum, g) => sum + (g - mean) ** 2, 0) / gaps.length : 0;
  return {
    total,
    max: gaps.reduce((max, g) => Math.max(max, g), 0),
    withGaps: gaps.filter((g) => g > 0).length,
    stdDev: Math.round(Math.sqrt(variance) * 1000) / 1000,
  };
}

/** Idle gaps of every participant with a meeting, from a list of placements. */
export function gapsOfPlacements(
  requests: readonly SchedulerRequest[],
  placements: readonly Placement[],
): GapStats {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const slots = new Map<string, number[]>();
  for (const placement of placements) {
    const request = byId.get(placement.requestId)!;
    for (const p of [request.a, request.b]) {
      const list = slots.get(p) ?? [];
      list.push(placement.slot);
      slots.set(p, list);
    }
  }
  return summariseGaps(
    [...slots.values()].map((list) => Math.max(...list) - Math.min(...list) + 1 - list.length),
  );
}

/** The baseline the scheduler is measured against: each request, in the order given, at its first free slot. */
export function firstFreeSlot(input: SchedulerInput): ScheduleResult {
  const S = input.slotCount;
  const available = new Map(
    input.participants.map((p) => [p.id, p.available ? new Set(p.available) : null] as const),
  );
  const busy = new Set<string>();
  const load = new Int32Array(S);
  const placements: Placement[] = [];
  const unplaced: Unplaced[] = [];
  for (const request of input.requests) {
    if (!available.has(request.a) || !available.has(request.b) || request.a === request.b) {
      unplaced.push({ requestId: request.id, reason: 'unknown_participant' });
      continue;
    }
    const can = (p: string, s: number) => !busy.has(`${p}@${s}`) && (available.get(p)?.has(s) ?? true);
    let slot = -1;
    for (let s = 0; s < S && slot < 0; s++) {
      if (load[s]! < input.tables && can(request.a, s) && can(request.b, s)) slot = s;
    }
    if (slot < 0) {
      unplaced.push({ requestId: request.id, reason: 'participants_busy' });
      continue;
    }
    busy.add(`${request.a}@${slot}`).add(`${request.b}@${slot}`);
    load[slot]!++;
    placements.push({ requestId: request.id, slot, table: load[slot]! });
  }
  return { placements, unplaced, gaps: gapsOfPlacements(input.requests, placements) };
}
