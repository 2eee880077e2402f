// Scores a parsed query against the postings. Work is proportional to the postings read: sparse
// accumulators over document numbers, reset by bumping an epoch instead of clearing.
import { gappedPair } from './analyze.js';
import { WEIGHT_SCALE, type InvertedIndex } from './inverted-index.js';
import type { QuerySlot, QueryUnit } from './query.js';
import type { Candidates } from './results.js';

const GAPPED_FACTOR = 0.5;
const PREFIX_FACTOR = 0.7;
const TYPO_FACTORS = [1, 0.6, 0.4];
const BONUS_FACTOR = 0.5;
const PREFIX_TERMS = 30;

interface Variant {
  postings: Int32Array;
  weight: number;
}

class Accumulator {
  values = new Float64Array(0);
  counts = new Uint16Array(0);
  stamps = new Uint32Array(0);
  touched = new Int32Array(0);
  size = 0;
  epoch = 0;

  reset(capacity: number): void {
    if (this.stamps.length < capacity || this.epoch === 0xffffffff) {
      const length = Math.max(1024, Math.ceil(capacity * 1.5));
      this.values = new Float64Array(length);
      this.counts = new Uint16Array(length);
      this.stamps = new Uint32Array(length);
      this.touched = new Int32Array(length);
      this.epoch = 0;
    }
    this.epoch += 1;
    this.size = 0;
  }

  /** Makes `num` present with value 0 and count 0 if it was not yet touched since the reset. */
  enter(num: number): void {
    if (this.stamps[num] === this.epoch) return;
    this.stamps[num] = this.epoch;
    this.values[num] = 0;
    this.counts[num] = 0;
    this.touched[this.size++] = num;
  }
}

export class Scorer {
  private readonly unit = new Accumulator();
  private readonly alt = new Accumulator();
  private readonly slot = new Accumulator();
  private readonly total = new Accumulator();

  /** Documents matching every slot or, when none does or `anySlot` is asked, any slot (ranked by how many they match). */
  score(index: InvertedIndex, slots: QuerySlot[], anySlot = false): Candidates {
    const capacity = index.docs.length;
    this.total.reset(capacity);
    for (const slot of slots) {
      this.slot.reset(capacity);
      for (const alternative of slot.alternatives) {
        this.alt.reset(capacity);
        for (const unit of alternative.units) {
          this.best(index, variantsOf(index, unit, alternative.weight), capacity);
          this.foldUnit(true);
        }
        for (const word of alternative.bonus) {
          const postings = index.postingsOf(word);
          if (!postings) continue;
          this.best(
            index,
            [{ postings, weight: index.idf(postings) * BONUS_FACTOR * alternative.weight }],
            capacity,
          );
          this.foldUnit(false);
        }
        this.foldAlternative(alternative.required);
      }
      this.foldSlot();
    }
    return this.candidates(slots.length, anySlot);
  }

  /** Per document, the best weight among the variants of one unit. */
  private best(index: InvertedIndex, variants: Variant[], capacity: number): void {
    const acc = this.unit;
    acc.reset(capacity);
    const docs = index.docs;
    const { values, stamps, touched } = acc;
    const epoch = acc.epoch;
    for (const { postings, weight } of variants) {
      for (let i = 0; i < postings.length; i++) {
        const posting = postings[i]!;
        const num = posting >> 8;
        if (docs[num] === undefined) continue;
        const value = (posting & 255) * weight;
        if (stamps[num] !== epoch) {
          stamps[num] = epoch;
          values[num] = value;
          touched[acc.size++] = num;
        } else if (values[num]! < value) values[num] = value;
      }
    }
  }

  private foldUnit(counts: boolean): void {
    const { unit, alt } = this;
    for (let i = 0; i < unit.size; i++) {
      const num = unit.touched[i]!;
      alt.enter(num);
      alt.values[num] = alt.values[num]! + unit.values[num]!;
      if (counts) alt.counts[num] = alt.counts[num]! + 1;
    }
  }

  private foldAlternative(required: number): void {
    const { alt, slot } = this;
    for (let i = 0; i < alt.size; i++) {
      const num = alt.touched[i]!;
      if (alt.counts[num]! < required) continue;
      slot.enter(num);
      if (slot.values[num]! < alt.values[num]!) slot.values[num] = alt.values[num]!;
    }
  }

  private foldSlot(): void {
    const { slot, total } = this;
    for (let i = 0; i < slot.size; i++) {
      const num = slot.touched[i]!;
      total.enter(num);
      total.values[num] = total.values[num]! + slot.values[num]!;
      total.counts[num] = total.counts[num]! + 1;
    }
  }

  private candidates(slotCount: number, anySlot: boolean): Candidates {
    const { total } = this;
    let needed = anySlot ? 1 : slotCount;
    if (!total.touched.subarray(0, total.size).some((num) => total.counts[num] === slotCount)) needed = 1;
    const result: Candidates = {
      nums: new Int32Array(total.size),
      scores: new Float64Array(total.size),
      matched: new Uint16Array(total.size),
      length: 0,
    };
    for (let i = 0; i < total.size; i++) {
      const num = total.touched[i]!;
      if (total.counts[num]! < needed) continue;
      result.nums[result.length] = num;
      result.scores[result.length] = total.values[num]! / WEIGHT_SCALE;
      result.matched[result.length] = total.counts[num]!;
      result.length += 1;
    }
    return result;
  }
}

function variantsOf(index: InvertedIndex, unit: QueryUnit, weight: number): Variant[] {
  const variants: Variant[] = [];
  const push = (term: string, factor: number): void => {
    const postings = index.postingsOf(term);
    if (postings) variants.push({ postings, weight: index.idf(postings) * factor * weight });
  };
  if (unit.kind === 'han') {
    push(unit.text, 1);
    const [a, c] = [...unit.text];
    if (unit.gapped && a && c) push(gappedPair(a, c), GAPPED_FACTOR);
    return variants;
  }
  // A word may be reached several ways (exact, prefix, typo): it counts once, at its best factor.
  const factors = new Map<string, number>([[unit.text, 1]]);
  const offer = (term: string, factor: number): void => {
    if ((factors.get(term) ?? 0) < factor) factors.set(term, factor);
  };
  if (unit.prefix)
    for (const term of index.wordsWithPrefix(unit.text, PREFIX_TERMS)) offer(term, PREFIX_FACTOR);
  if (unit.typos > 0) {
    for (const [term, distance] of index.wordsNear(unit.text, unit.typos))
      offer(term, TYPO_FACTORS[distance] ?? 0);
  }
  for (const [term, factor] of factors) push(term, factor);
  return variants;
}
