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
}

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
  return plan;
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
export function matchRanges(text: string, plan: HighlightPlan, within?: number): Range[] {
  const marked = new Uint8Array(text.length);
  let limit = text.length;
  const mark = (start: number, end: number): void => {
    marked.fill(1, start, end);
    if (within !== undefined && limit === text.length) limit = Math.min(limit, start + within);
  };
  const seekWords = plan.words.size > 0 || plan.prefixes.length > 0;
  const seekHan = plan.hanEnds.size > 0;
  // The two Han characters before this one in the same run, and their offsets.
  let [before, beforeAt, twoBefore, twoBeforeAt] = [-1, 0, -1, 0];
  let wordStart = -1;
  for (let i = 0; i <= limit;) {
    const cp = i < limit ? text.codePointAt(i)! : 0;
    const size = cp > 0xffff ? 2 : 1;
    const han = isHanCodePoint(cp);
    if (han) {
      if (seekHan && plan.hanEnds.has(cp)) {
        if (plan.han.has(cp)) mark(i, i + size);
        if (before >= 0 && plan.pairs.has(pairKey(before, cp))) mark(beforeAt, i + size);
        if (twoBefore >= 0 && plan.gapped.has(pairKey(twoBefore, cp))) mark(twoBeforeAt, i + size);
      }
      [twoBefore, twoBeforeAt, before, beforeAt] = [before, beforeAt, cp, i];
    } else before = twoBefore = -1;
    if (seekWords) {
      const letter = !han && i < limit && isWordCodePoint(cp);
      if (wordStart >= 0 && !letter) {
        if (wordMatches(foldWord(foldCase(text.slice(wordStart, i))), plan)) mark(wordStart, i);
        wordStart = -1;
      } else if (letter && wordStart < 0) wordStart = i;
    }
    i += size;
  }
  const ranges: Range[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (!marked[i]) continue;
    const start = i;
    while (i < marked.length && marked[i]) i++;
    ranges.push([start, i]);
  }
  return ranges;
}
