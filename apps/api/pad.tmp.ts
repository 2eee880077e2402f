import { existsSync, readFileSync } from 'node:fs';
import type { SearchDocument } from './src/search/port.js';
import { cutWords } from './src/search/text/segment.js';
interface Need { id: string; title: string; description: string }
function readJsonl<T>(path: string): T[] { return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T); }
/** Deterministic pseudo-random numbers (mulberry32), so every run pads with the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!;
}

/** Chinese listings built from the needs' sentences, titled with words drawn by their frequency
 * up to the length of a real title. */
function chinesePadding(needs: Need[], count: number, next: () => number): SearchDocument[] {
  const sentences = needs.flatMap((need) => need.description.split(/[。；！？\n]/).filter((s) => s.length >= 8));
  const words = needs.flatMap((need) => cutWords(`${need.title}。${need.description}`).filter((w) => /^\p{Script=Han}{2,}$/u.test(w)));
  return Array.from({ length: count }, (_, i) => {
    const length = pick(needs, next).title.length;
    let title = '';
    while (title.length < length) title += pick(words, next);
    let description = '';
    while (description.length < 260) description += `${pick(sentences, next)}。`;
    return { id: `pad-zh-${i}`, title, description, lang: 'zh', kind: pick(['need', 'capability'], next), createdAt: i };
  });
}

/** English listings from match-dev capabilities: a title and a ~300-character window of a description. */
function englishPadding(path: string, count: number, next: () => number): SearchDocument[] {
  if (!existsSync(path)) return [];
  const capabilities = readJsonl<Need>(path);
  return Array.from({ length: count }, (_, i) => {
    const source = pick(capabilities, next);
    const start = Math.floor(next() * Math.max(1, source.description.length - 300));
    const title = i < capabilities.length ? source.title : `${source.title} ${pick(capabilities, next).title.split(' ')[0]}`;
    return { id: `pad-en-${i}`, title, description: source.description.slice(start, start + 300), lang: 'en', kind: 'capability', createdAt: i };
  });
}

export function makePadding(needs: Need[]) { const next = random(20_19); const en = englishPadding('/work/shared/data/match-dev/capabilities.jsonl', 25000, next); return [...chinesePadding(needs, 50000 - en.length, next), ...en]; }
