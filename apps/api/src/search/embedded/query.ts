// Turns a query string into slots the scorer matches: every slot must match (AND), a slot matches
// when any of its alternatives does (the words typed, or a synonym), and an alternative matches
// when enough of its units do (so one missing or extra Chinese character still finds the word).
import type { TypoTolerance } from '../port.js';
import { normalizeText } from '../text/normalize.js';
import { cutWords, foldWord, hasDigit, splitRuns } from '../text/segment.js';

export type QueryUnit =
  /** One Han character, or two adjacent ones; `gapped` also accepts one character between them. */
  | { kind: 'han'; text: string; gapped: boolean }
  | { kind: 'word'; text: string; prefix: boolean; typos: number };

export interface QueryAlternative {
  units: QueryUnit[];
  required: number;
  /** Whole words (jieba terms of 3+ characters) that add to the score but are not required. */
  bonus: string[];
  weight: number;
}

export interface QuerySlot {
  alternatives: QueryAlternative[];
}

interface Piece {
  kind: 'han' | 'word';
  text: string;
}

const MAX_SLOTS = 16;
// Longer input is pasted text, not a query; cutting it keeps the work per search bounded.
const MAX_QUERY_CHARS = 200;
const SYNONYM_WEIGHT = 0.8;
const MAX_SYNONYM_PIECES = 4;
// Function characters that say nothing on their own in a query.
const STOP_CHARS = new Set('的了和与及或等之其并且在对为是把被');

function chunkHan(run: string): string[] {
  const words = cutWords(run);
  const kept = words.length > 1 ? words.filter((w) => !(w.length === 1 && STOP_CHARS.has(w))) : words;
  // A lone character is usually a fragment of a mistyped word (综合利用 typed 综利用 cuts as 综|利用),
  // so it joins the next word and the pair is matched with tolerance.
  const chunks: string[] = [];
  let pending = '';
  for (const word of kept) {
    if ([...word].length === 1) pending += word;
    else {
      chunks.push(pending + word);
      pending = '';
    }
  }
  if (pending && chunks.length > 0 && [...pending].length === 1) chunks[chunks.length - 1] += pending;
  else if (pending) chunks.push(pending);
  return chunks;
}

function toPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (run.kind === 'word') pieces.push({ kind: 'word', text: foldWord(run.text) });
    else for (const chunk of chunkHan(run.text)) pieces.push({ kind: 'han', text: chunk });
  }
  return pieces;
}

function pieceKey(pieces: Piece[]): string {
  return pieces.map((piece) => piece.text).join(' ');
}

export class SynonymTable {
  private readonly byKey = new Map<string, string[][]>();

  constructor(groups: string[][] = []) {
    for (const group of groups) {
      const analysed = group.map((term) => ({ term, key: pieceKey(toPieces(term)) }));
      for (const { key } of analysed) {
        if (!key) continue;
        const others = analysed.filter((other) => other.key !== key && other.key).map((other) => other.term);
        const list = this.byKey.get(key) ?? [];
        list.push(others);
        this.byKey.set(key, list);
      }
    }
  }

  /** Terms equivalent to the given piece key, across every group that holds it. */
  lookup(key: string): string[] {
    return [...new Set((this.byKey.get(key) ?? []).flat())];
  }
}

function typoBudget(word: string, typo: TypoTolerance): number {
  if (!typo.enabled || hasDigit(word)) return 0;
  const { oneTypo, twoTypos } = typo.minWordSizeForTypos ?? { oneTypo: 5, twoTypos: 9 };
  const length = [...word].length;
  return length >= twoTypos ? 2 : length >= oneTypo ? 1 : 0;
}

function alternative(
  pieces: Piece[],
  weight: number,
  prefixLast: boolean,
  typo: TypoTolerance,
): QueryAlternative {
  const alt: QueryAlternative = { units: [], required: 0, bonus: [], weight };
  pieces.forEach((piece, index) => {
    const chars = [...piece.text];
    if (piece.kind === 'word') {
      const prefix = prefixLast && index === pieces.length - 1;
      alt.units.push({ kind: 'word', text: piece.text, prefix, typos: typoBudget(piece.text, typo) });
      alt.required += 1;
    } else if (chars.length === 1) {
      alt.units.push({ kind: 'han', text: piece.text, gapped: false });
      alt.required += 1;
    } else {
      const pairs = chars.length - 1;
      for (let i = 0; i < pairs; i++)
        alt.units.push({ kind: 'han', text: chars[i]! + chars[i + 1]!, gapped: chars.length > 2 });
      // Most pairs, not all: a mistyped character breaks up to two of them.
      alt.required += pairs - Math.floor(pairs / 3);
      if (chars.length > 2) alt.bonus.push(piece.text);
    }
  });
  return alt;
}

export function parseQuery(q: string, synonyms: SynonymTable, typo: TypoTolerance): QuerySlot[] {
  const pieces = toPieces(q.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_SLOTS);
  // The last word is a prefix while the user may still be typing it.
  const prefixLast = !/\s$/.test(q);
  const slots: QuerySlot[] = [];
  for (let i = 0; i < pieces.length;) {
    let length = Math.min(MAX_SYNONYM_PIECES, pieces.length - i);
    let equivalents: string[] = [];
    for (; length > 1; length--) {
      equivalents = synonyms.lookup(pieceKey(pieces.slice(i, i + length)));
      if (equivalents.length > 0) break;
    }
    if (length === 1) equivalents = synonyms.lookup(pieceKey(pieces.slice(i, i + 1)));
    const isLast = i + length === pieces.length;
    const alternatives = [alternative(pieces.slice(i, i + length), 1, prefixLast && isLast, typo)];
    for (const term of equivalents)
      alternatives.push(alternative(toPieces(term), SYNONYM_WEIGHT, false, typo));
    slots.push({ alternatives });
    i += length;
  }
  return slots;
}
