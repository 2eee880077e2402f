// Every reason the ranker gives must be true of both listings: checked over generated pairs in both languages.
import { fieldLineage } from '@coop/shared';
import { describe, expect, it } from 'vitest';
import { englishKey } from '../../search/lexicon/lexicon.js';
import { normalizeText } from '../../search/text/normalize.js';
import { prepareSource, rank, type MatchSubject } from './ranker.js';
import { TermStats } from './term-stats.js';
import { analyse, isFunctionWord, listingText } from './text.js';

// prettier-ignore
const PHRASES = [
  '液压阀', '内泄漏', '热误差', '电主轴', '涡流检测', '磨削烧伤', '工业机器人', '机器视觉', '表面涂层', '锂电池', '基于', '小于8秒',
  '企业', '精度', 'hydraulic valve', 'internal leakage', 'thermal error', 'spindle', 'eddy current', 'grinding burn',
  'industrial robot', 'machine vision', 'coating', 'lithium battery', 'training', 'the firm', 'less than', 'wear',
];
const FIELDS = [
  'machinery.hydraulics',
  'machinery.cnc',
  'machinery.robotics',
  'materials.coatings',
  'energy',
];
const TYPES = ['joint_rnd', 'technical_service', 'talent_training', 'testing_analysis'];
const REGIONS = ['330100', '330200', '310100', '320500'];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(id: string, next: () => number): MatchSubject {
  const some = <T>(items: T[], n: number) => items.filter(() => next() < n / items.length);
  const words = some(PHRASES, 6);
  return {
    id,
    title: words.slice(0, 3).join(' '),
    description: `${words.slice(3).join('，')}。${words.join(' ')}`,
    keywords: words.slice(0, 2),
    fields: some(FIELDS, 1.5),
    cooperationTypes: some(TYPES, 1.5),
    regionCode: REGIONS[Math.floor(next() * REGIONS.length)]!,
    orgId: `org-${id}`,
    designations: next() < 0.3 ? ['high_tech'] : [],
  };
}

const termsOf = (text: string) => new Set(analyse(text).counts.keys());
const holdsWord = (listing: MatchSubject, word: string) => {
  const held = termsOf(listingText(listing));
  return [...termsOf(word)].some((term) => held.has(term));
};
const holdsPhrase = (listing: MatchSubject, phrase: string) => {
  const text = listingText(listing);
  return /\p{Script=Han}/u.test(phrase)
    ? normalizeText(text).includes(normalizeText(phrase))
    : ` ${englishKey(text)} `.includes(` ${englishKey(phrase)} `);
};

describe('match reasons', () => {
  it('state only what is true of both listings', () => {
    const next = random(12);
    const needs = Array.from({ length: 40 }, (_, i) => generate(`n${i}`, next));
    const capabilities = Array.from({ length: 40 }, (_, i) => generate(`c${i}`, next));
    const stats = new TermStats();
    for (const c of capabilities) stats.put('capability', c.id, c);
    for (const n of needs) stats.put('need', n.id, n);
    const seen = new Set<string>();
    for (const need of needs) {
      const ranked = rank(prepareSource(need, 'need', stats), capabilities, stats, new Map());
      for (const { id, reasons } of ranked) {
        const capability = capabilities.find((c) => c.id === id)!;
        for (const reason of reasons) {
          seen.add(reason.kind);
          switch (reason.kind) {
            case 'shared_terms':
              expect(new Set(reason.terms.map((t) => t.toLowerCase())).size).toBe(reason.terms.length);
              for (const term of reason.terms) {
                expect(isFunctionWord(term), term).toBe(false);
                expect(holdsWord(need, term) && holdsWord(capability, term), term).toBe(true);
              }
              break;
            case 'translated_terms':
              for (const { own, other } of reason.terms) {
                expect(holdsPhrase(need, own), own).toBe(true);
                expect(holdsPhrase(capability, other) || holdsWord(capability, other), other).toBe(true);
              }
              break;
            case 'shared_fields':
              for (const code of reason.fields) {
                const lineage = (fields: string[]) => fields.flatMap((f) => fieldLineage(f));
                expect(lineage(need.fields)).toContain(code);
                expect(lineage(capability.fields)).toContain(code);
              }
              break;
            case 'cooperation_types':
              for (const type of reason.types) {
                expect(need.cooperationTypes).toContain(type);
                expect(capability.cooperationTypes).toContain(type);
              }
              break;
            case 'same_city':
              expect(need.regionCode.slice(0, 4)).toBe(capability.regionCode.slice(0, 4));
              break;
            case 'same_province':
              expect(need.regionCode.slice(0, 2)).toBe(capability.regionCode.slice(0, 2));
              break;
            case 'designations':
              for (const d of reason.designations) expect(capability.designations).toContain(d);
              break;
            case 'past_cooperation':
              break;
          }
        }
      }
    }
    // Every kind the generator can bring about was checked at least once.
    expect([...seen].sort()).toEqual([
      'cooperation_types',
      'designations',
      'same_city',
      'same_province',
      'shared_fields',
      'shared_terms',
      'translated_terms',
    ]);
  });
});
