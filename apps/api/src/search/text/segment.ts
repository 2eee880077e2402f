// Splitting normalised text into Han runs and word tokens, and cutting Han runs into words.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** jieba with its default dictionary, loaded once on first use (it takes a few hundred ms). */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

export function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80)
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a);
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

export interface Run {
  kind: 'han' | 'word';
  /** Offset of the run in the text it came from. */
  start: number;
  text: string;
}

/** Maximal runs of Han characters and of other letters/digits; everything else separates. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let kind: Run['kind'] | undefined;
  let start = 0;
  // One step past the end, with no kind, closes the last run; each run is cut out of the text once.
  for (let i = 0; i <= text.length;) {
    const cp = i < text.length ? text.codePointAt(i)! : -1;
    const here = cp < 0 ? undefined : isHanCodePoint(cp) ? 'han' : isWordCodePoint(cp) ? 'word' : undefined;
    if (here !== kind) {
      if (kind) runs.push({ kind, start, text: text.slice(start, i) });
      kind = here;
      start = i;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return runs;
}

/** jieba's precise mode (with HMM for unknown words). */
export function cutWords(text: string): string[] {
  return segmenter().cut(text, true);
}

/** Folds simple English plurals so 'bearings' and 'bearing' meet; applied to index and query alike. */
export function foldWord(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function hasDigit(word: string): boolean {
  return /\d/.test(word);
}
