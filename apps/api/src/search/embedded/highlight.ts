// Finds where a parsed query matches a field's text, by the rules the scorer matched with: the words
// it reached (as typed, or the indexed words within the typo budget, or under a prefix still being
// typed) and Han characters, adjacent pairs and pairs with one character between.
// It runs for every hit shown, so it scans code points in place rather than building tokens.
import type { Range } from '../text/markup.js';
import { foldCase } from '../text/normalize.js';
import { foldWord, isHanCodePoint, isWordCodePoint } from '../text/segment.js';
import type { InvertedIndex } from './inverted-index.js';
import type { QuerySlot } from './query.js';

export interface HighlightPlan {
  words: Set<string>;
  prefixes: string[];
  /** Han code points, and pairs of them as `pairKey` numbers. */
  han: Set<number>;
  pairs: Set<number>;
  gapped: Set<number>;
  /** Code points that end a Han unit: only there can one match. */
  hanEnds: Set<number>;
  /**
   * Where a match could be, found by the regex engine far faster than the scan below: word stems
   * (less their last letter, which plural folding may change), any full-width character, and the
   * characters ending Han units. Undefined for a plan with nothing to find.
   */
  seek?: RegExp;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const pairKey = (a: number, b: number): number => a * 0x110000 + b;

export function highlightPlan(slots: QuerySlot[], index: InvertedIndex): HighlightPlan {
  const plan: HighlightPlan = {
    words: new Set(),
    prefixes: [],
    han: new Set(),
    pairs: new Set(),
    gapped: new Set(),
    hanEnds: new Set(),
  };
  for (const unit of slots.flatMap((slot) => slot.alternatives.flatMap((alt) => alt.units))) {
    if (unit.kind === 'word') {
      plan.words.add(unit.text);
      if (unit.typos > 0) for (const [term] of index.wordsNear(unit.text, unit.typos)) plan.words.add(term);
      if (unit.prefix) plan.prefixes.push(unit.text);
      continue;
    }
    const [a, b] = [...unit.text].map((char) => char.codePointAt(0)!);
    if (b === undefined) plan.han.add(a!);
    else {
      plan.pairs.add(pairKey(a!, b));
      if (unit.gapped) plan.gapped.add(pairKey(a!, b));
    }
    plan.hanEnds.add(b ?? a!);
  }
  const stems = [...plan.words, ...plan.prefixes].map((word) => escapeRegExp(word.slice(0, -1) || word));
  const han = [...plan.hanEnds].map((cp) => String.fromCodePoint(cp)).join('');
  const places = [...(stems.length ? [...stems, '[\\uff01-\\uff5e]'] : []), ...(han ? [`[${han}]`] : [])];
  if (places.length) plan.seek = new RegExp(places.join('|'), 'iu');
  return plan;
}

function inRun(text: string, at: number): boolean {
  const cp = text.charCodeAt(at);
  return isHanCodePoint(cp) || isWordCodePoint(cp);
}

function wordMatches(word: string, plan: HighlightPlan): boolean {
  if (plan.words.has(word)) return true;
  for (const prefix of plan.prefixes) if (word.startsWith(prefix)) return true;
  return false;
}

/**
 * Ranges of `text` (as the index analysed it: folded and Simplified, see EmbeddedIndex) that match;
 * with `within`, scanning stops that many characters after the first match, all an excerpt shows.
 */
/** Marked characters; with `within`, the scan ends that many characters after the first mark. */
class Marks {
  readonly marked: Uint8Array;
  limit: number;

  constructor(
    length: number,
    private readonly within: number | undefined,
  ) {
    this.marked = new Uint8Array(length);
    this.limit = length;
  }

  add(start: number, end: number): void {
    this.marked.fill(1, start, end);
    if (this.within !== undefined && this.limit === this.marked.length)
      this.limit = Math.min(this.limit, start + this.within);
  }

  ranges(): Range[] {
    const { marked } = this;
    const ranges: Range[] = [];
    for (let i = 0; i < marked.length; i++) {
      if (!marked[i]) continue;
      const start = i;
      while (i < marked.length && marked[i]) i++;
      ranges.push([start, i]);
    }
    return ranges;
  }
}

export function matchRanges(text: string, plan: HighlightPlan, within?: number): Range[] {
  let from = plan.seek ? text.search(plan.seek) : -1;
  if (from < 0) return [];
  // Back to the start of the word or Han run holding the first possible match.
  while (from > 0 && inRun(text, from - 1)) from--;
  const marks = new Marks(text.length, within);
  const seekWords = plan.words.size > 0 || plan.prefixes.length > 0;
  const seekHan = plan.hanEnds.size > 0;
  // The two Han characters before this one in the same run, and their offsets.
  let [before, beforeAt, twoBefore, twoBeforeAt] = [-1, 0, -1, 0];
  let wordStart = -1;
  for (let i = from; i <= marks.limit;) {
    const cp = i < marks.limit ? text.codePointAt(i)! : 0;
    const size = cp > 0xffff ? 2 : 1;
    const han = isHanCodePoint(cp);
    if (han) {
      if (seekHan && plan.hanEnds.has(cp)) {
        if (plan.han.has(cp)) marks.add(i, i + size);
        if (before >= 0 && plan.pairs.has(pairKey(before, cp))) marks.add(beforeAt, i + size);
        if (twoBefore >= 0 && plan.gapped.has(pairKey(twoBefore, cp))) marks.add(twoBeforeAt, i + size);
      }
      twoBefore = before;
      twoBeforeAt = beforeAt;
      before = cp;
      beforeAt = i;
    } else before = twoBefore = -1;
    if (seekWords) {
      const letter = !han && i < marks.limit && isWordCodePoint(cp);
      if (wordStart >= 0 && !letter) {
        if (wordMatches(foldWord(foldCase(text.slice(wordStart, i))), plan)) marks.add(wordStart, i);
        wordStart = -1;
      } else if (letter && wordStart < 0) wordStart = i;
    }
    i += size;
  }
  return marks.ranges();
}
