// Terms for matching: stemmed English words without stop words, and Chinese words plus character pairs.
// Search analysis favours recall on what a person types; matching compares whole texts, so it stems harder.
import { stemmer } from 'stemmer';
import { normalizeText } from '../../search/text/normalize.js';
import { cutWords, splitRuns } from '../../search/text/segment.js';

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
  only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves within without via upon among thus however
  therefore whether e g i.e etc may might must shall us new use used using well way ways one two three
  firm firms company companies seek seeks seeking looking need needs partner partners provide provides
  less greater below above least`.split(/\s+/),
);

const HAN_STOP_WORDS = new Set([
  '的',
  '和',
  '与',
  '及',
  '在',
  '对',
  '是',
  '为',
  '等',
  '我们',
  '进行',
  '以及',
  '一种',
  '相关',
  '通过',
  '需要',
  '可以',
  '我公司',
  // Quantity and degree words: "以上" in "20微米以上" says nothing about the subject.
  '以上',
  '以下',
  '左右',
  '目前',
  '主要',
  '具有',
  '希望',
  // Comparisons and the words every listing uses for itself: "基于", "小于 8 秒", "企业寻求合作".
  '基于',
  '小于',
  '大于',
  '等于',
  '不低于',
  '不高于',
  '不少于',
  '不超过',
  '超过',
  '达到',
  '实现',
  '提供',
  '开展',
  '用于',
  '企业',
  '公司',
  '合作',
  '寻求',
]);

/** A word that says nothing about a listing's subject, in either language. */
export function isFunctionWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase()) || HAN_STOP_WORDS.has(word);
}

/** Stemming is most of the cost of analysing a text, and a vocabulary repeats: remember recent stems. */
const stems = new Map<string, string>();
const STEMS_KEPT = 50_000;

function stemOf(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    if (stems.size >= STEMS_KEPT) stems.clear();
    stems.set(word, (stemmed = stemmer(word)));
  }
  return stemmed;
}

export interface AnalysedTerms {
  /** term → count */
  counts: Map<string, number>;
  /** stemmed term → a word as the text wrote it (to build queries a search engine understands) */
  surface: Map<string, string>;
  length: number;
}

export function analyse(text: string): AnalysedTerms {
  const counts = new Map<string, number>();
  const surface = new Map<string, string>();
  let length = 0;
  const add = (term: string, word: string) => {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (!surface.has(term)) surface.set(term, word);
    length += 1;
  };
  const normalized = normalizeText(text);
  let previous: string | null = null;
  let beforePrevious: string | null = null;
  // The last content word and where it ended, to join it with the next across a hyphen.
  let joinable: { word: string; end: number } | null = null;
  for (const run of splitRuns(normalized)) {
    if (run.kind === 'word') {
      const word = run.text;
      if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) {
        beforePrevious = previous;
        previous = null;
        joinable = null;
        continue;
      }
      const stem = stemOf(word);
      add(stem, word);
      // Compounds are written both ways ("bio-imaging", "bioimaging"): a hyphenated one also counts as one word.
      if (joinable && joinable.end + 1 === run.start && normalized[joinable.end] === '-') {
        const joined = joinable.word + word;
        add(stemOf(joined), joined);
      }
      // Word pairs ("black phosphorus", "spectral … theory") are far more specific than either word alone.
      if (previous) add(`${previous} ${stem}`, word);
      if (beforePrevious) add(`${beforePrevious} _ ${stem}`, word);
      beforePrevious = previous;
      previous = stem;
      joinable = { word, end: run.start + word.length };
      continue;
    }
    joinable = null;
    previous = null;
    for (const word of cutWords(run.text)) {
      if (word.length >= 2 && !HAN_STOP_WORDS.has(word)) add(word, word);
    }
    const chars = [...run.text];
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i]! + chars[i + 1]!;
      if (!counts.has(pair)) add(`~${pair}`, pair);
    }
  }
  return { counts, surface, length };
}

/** What matching reads of a listing's text. */
export interface ListingText {
  title: string;
  keywords: string[];
  description: string;
}

/** The listing's text in one string, title and keywords first. */
export function listingText(listing: ListingText): string {
  return [listing.title, listing.keywords.join(' ; '), listing.description].join('\n');
}

export interface WeightedTerms {
  /** term → count, with title and keyword occurrences weighted up (always a multiple of ½) */
  counts: Map<string, number>;
  surface: Map<string, string>;
  /** Weighted number of terms. */
  length: number;
  /** The title's own terms, for comparing titles. */
  titleTerms: string[];
}

const TITLE_WEIGHT = 2.5;
const KEYWORD_WEIGHT = 2;

/** Title and keywords count more than the body, as a reader skimming the listing would weigh them. */
export function analyseListing(listing: ListingText): WeightedTerms {
  const title = analyse(listing.title);
  const keywords = analyse(listing.keywords.join(' ; '));
  const body = analyse(listing.description);
  const titleTerms = [...title.counts.keys()];
  // Merged into the title's maps: title terms come first, and the title's way of writing a word wins.
  const { counts, surface } = title;
  counts.forEach((count, term) => counts.set(term, count * TITLE_WEIGHT));
  for (const [part, weight] of [
    [keywords, KEYWORD_WEIGHT],
    [body, 1],
  ] as const) {
    part.counts.forEach((count, term) => counts.set(term, (counts.get(term) ?? 0) + count * weight));
    part.surface.forEach((word, term) => {
      if (!surface.has(term)) surface.set(term, word);
    });
  }
  return {
    counts,
    surface,
    length: title.length * TITLE_WEIGHT + keywords.length * KEYWORD_WEIGHT + body.length,
    titleTerms,
  };
}
