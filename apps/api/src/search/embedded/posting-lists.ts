// Posting lists kept in one Int32Array instead of a JS array per term: the collector never walks them
// (a 50,000-listing index holds millions of postings) and each costs 4 bytes instead of 8.
// A list is a contiguous slice; when it fills, it moves to the end of the pool with half again the room
// and leaves a hole behind. Holes are squeezed out once they pass a quarter of the pool, and the pool
// grows by a quarter, so it stays within about 1.5× of what it holds while appends stay amortised O(1).
import { grown } from './grow.js';

const FIRST_CAPACITY = 2;

export class PostingLists {
  private pool = new Int32Array(1 << 16);
  private end = 0;
  private holes = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private capacities = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** A new empty list; answers its id. */
  create(): number {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts, this.count * 2);
      this.lengths = grown(this.lengths, this.count * 2);
      this.capacities = grown(this.capacities, this.count * 2);
    }
    const id = this.count++;
    this.starts[id] = this.reserve(FIRST_CAPACITY);
    this.lengths[id] = 0;
    this.capacities[id] = FIRST_CAPACITY;
    return id;
  }

  push(id: number, value: number): void {
    const length = this.lengths[id]!;
    if (length === this.capacities[id]) this.relocate(id, length + Math.max(2, length >> 1));
    this.pool[this.starts[id]! + length] = value;
    this.lengths[id] = length + 1;
  }

  length(id: number): number {
    return this.lengths[id]!;
  }

  /** The list as a view into the pool: read it before the next push, which may move the pool. */
  read(id: number): Int32Array {
    const start = this.starts[id]!;
    return this.pool.subarray(start, start + this.lengths[id]!);
  }

  /** New lists holding the given values, numbered in their order, each sized to fit. */
  static from(lists: Iterable<ArrayLike<number>>): PostingLists {
    const rebuilt = new PostingLists();
    for (const values of lists) {
      const id = rebuilt.create();
      if (values.length > FIRST_CAPACITY) rebuilt.relocate(id, values.length);
      rebuilt.pool.set(values, rebuilt.starts[id]!);
      rebuilt.lengths[id] = values.length;
    }
    return rebuilt;
  }

  private relocate(id: number, capacity: number): void {
    const [start, length] = [this.starts[id]!, this.lengths[id]!];
    this.holes += this.capacities[id]!;
    const moved = this.reserve(capacity);
    this.pool.copyWithin(moved, start, start + length);
    this.starts[id] = moved;
    this.capacities[id] = capacity;
    if (this.holes > this.end / 4) this.squeeze();
  }

  private reserve(capacity: number): number {
    if (this.end + capacity > this.pool.length)
      this.pool = grown(this.pool, Math.max(this.end + capacity, Math.ceil(this.pool.length * 1.25)));
    const start = this.end;
    this.end += capacity;
    return start;
  }

  /** Moves every list down over the holes, in pool order, keeping its room to grow. */
  private squeeze(): void {
    const order = Array.from({ length: this.count }, (_, id) => id).sort(
      (a, b) => this.starts[a]! - this.starts[b]!,
    );
    let at = 0;
    for (const id of order) {
      const start = this.starts[id]!;
      this.pool.copyWithin(at, start, start + this.lengths[id]!);
      this.starts[id] = at;
      at += this.capacities[id]!;
    }
    this.end = at;
    this.holes = 0;
  }
}
