// Finds where a parsed query matches a field's text, by the same rules the scorer matched with.
import { normalizeText } from '../text/normalize.js';
import type { Range } from '../text/markup.js';
import { foldWord, splitRuns } from '../text/segment.js';
import type { QuerySlot } from './query.js';

export interface HighlightPlan {
  /** Han characters and adjacent pairs. */
  han: Set<string>;
  /** Pairs that may also stand with one character between them. */
  gapped: Set<string>;
  words: { text: string; prefix: boolean; typos: number }[];
}

export function highlightPlan(slots: QuerySlot[]): HighlightPlan {
  const plan: HighlightPlan = { han: new Set(), gapped: new Set(), words: [] };
  for (const unit of slots.flatMap((slot) => slot.alternatives.flatMap((alt) => alt.units))) {
    if (unit.kind === 'word') plan.words.push(unit);
    else {
      plan.han.add(unit.text);
      if (unit.gapped) plan.gapped.add(unit.text);
    }
  }
  return plan;
}

/** Levenshtein distance of at most `limit`, stopping early once every path is over it. */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

function wordMatches(term: string, plan: HighlightPlan): boolean {
  return plan.words.some(
    (word) =>
      term === word.text ||
      (word.prefix && term.startsWith(word.text)) ||
      (word.typos > 0 && withinEdits(term, word.text, word.typos)),
  );
}

export function matchRanges(text: string, plan: HighlightPlan): Range[] {
  const marked = new Uint8Array(text.length);
  const mark = (start: number, end: number): void => {
    marked.fill(1, start, end);
  };
  for (const run of splitRuns(normalizeText(text))) {
    if (run.kind === 'word') {
      if (wordMatches(foldWord(run.text), plan)) mark(run.start, run.start + run.text.length);
      continue;
    }
    const chars = [...run.text];
    const offsets: number[] = [];
    let at = run.start;
    for (const char of chars) {
      offsets.push(at);
      at += char.length;
    }
    offsets.push(at);
    for (let i = 0; i < chars.length; i++) {
      if (plan.han.has(chars[i]!)) mark(offsets[i]!, offsets[i + 1]!);
      if (i + 1 < chars.length && plan.han.has(chars[i]! + chars[i + 1]!)) mark(offsets[i]!, offsets[i + 2]!);
      if (i + 2 < chars.length && plan.gapped.has(chars[i]! + chars[i + 2]!))
        mark(offsets[i]!, offsets[i + 3]!);
    }
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
