// Index-time analysis: the terms of one field's text and how often each occurs.
// Han text yields single characters, adjacent pairs, pairs with one character between (so a query
// missing a character still meets the word) and jieba words of three or more characters; other
// text yields lower-cased, plural-folded words.
import { foldCase, simplifyKeepingLength } from '../text/normalize.js';
import { cutWords, foldWord, isHanCodePoint, splitRuns } from '../text/segment.js';

export interface AnalysedText {
  terms: Map<string, number>;
  /** Tokens counted for length normalisation: words plus Han characters. */
  length: number;
  /** The text as analysed, when Traditional → Simplified conversion changed it (highlighting reads this). */
  simplified?: string;
}

/** The term for characters a and c standing with one character between them. */
export function gappedPair(a: string, c: string): string {
  return `${a}_${c}`;
}

export function isHanWord(word: string): boolean {
  for (const char of word) if (!isHanCodePoint(char.codePointAt(0) ?? 0)) return false;
  return word.length > 0;
}

export function analyseForIndex(text: string): AnalysedText {
  const terms = new Map<string, number>();
  const add = (term: string): void => {
    terms.set(term, (terms.get(term) ?? 0) + 1);
  };
  const folded = foldCase(text);
  const normalized = simplifyKeepingLength(folded);
  let length = 0;
  let hasHan = false;
  for (const run of splitRuns(normalized)) {
    if (run.kind === 'word') {
      add(foldWord(run.text));
      length += 1;
      continue;
    }
    hasHan = true;
    const chars = [...run.text];
    length += chars.length;
    for (let i = 0; i < chars.length; i++) {
      add(chars[i]!);
      if (i + 1 < chars.length) add(chars[i]! + chars[i + 1]!);
      if (i + 2 < chars.length) add(gappedPair(chars[i]!, chars[i + 2]!));
    }
  }
  if (hasHan)
    for (const word of cutWords(normalized)) if ([...word].length >= 3 && isHanWord(word)) add(word);
  return { terms, length, simplified: normalized === folded ? undefined : normalized };
}
