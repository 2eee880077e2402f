// Embedded-engine details the shared contract does not reach: query parsing, compaction, re-analysis
// on new settings and partial ordering.
import { describe, expect, it } from 'vitest';
import { EmbeddedIndex } from './embedded-index.js';
import { PostingLists } from './posting-lists.js';
import { parseQuery, SynonymTable } from './query.js';
import { firstK } from './results.js';

const TYPOS = { enabled: true };

describe('query parsing', () => {
  it('keeps a mistyped Chinese word together and tolerates a gap inside it', () => {
    const [slot] = parseQuery('综利用', new SynonymTable(), TYPOS);
    expect(slot?.alternatives[0]).toEqual({
      units: [
        { kind: 'han', text: '综利', gapped: true },
        { kind: 'han', text: '利用', gapped: true },
      ],
      required: 2,
      bonus: ['综利用'],
      weight: 1,
    });
  });

  it('makes every word a slot, folds plurals and treats only the last word as a prefix', () => {
    const slots = parseQuery('Hydraulic VALVES 数控机床', new SynonymTable(), TYPOS);
    expect(slots.map((slot) => slot.alternatives[0]!.units.map((unit) => unit.text))).toEqual([
      ['hydraulic'],
      ['valve'],
      ['数控', '控机', '机床'],
    ]);
    expect(parseQuery('bearing', new SynonymTable(), TYPOS)[0]!.alternatives[0]!.units[0]).toMatchObject({
      prefix: true,
      typos: 1,
    });
    expect(parseQuery('bearing ', new SynonymTable(), TYPOS)[0]!.alternatives[0]!.units[0]).toMatchObject({
      prefix: false,
    });
  });

  it('offers synonyms, multi-word ones included, as alternatives of one slot', () => {
    const synonyms = new SynonymTable([['数控机床', 'CNC machine tools']]);
    const slots = parseQuery('cnc machine tools 轴承', synonyms, TYPOS);
    expect(slots).toHaveLength(2);
    expect(slots[0]!.alternatives.map((alt) => alt.units.map((unit) => unit.text).join(' '))).toEqual([
      'cnc machine tool',
      '数控 控机 机床',
    ]);
  });
});

describe('embedded index', () => {
  const settings = {
    searchableAttributes: ['title'],
    filterableAttributes: ['n'],
    sortableAttributes: ['n'],
  };

  it('stays correct through compaction after many replacements and deletions', () => {
    const index = new EmbeddedIndex(settings);
    for (let round = 0; round < 3; round++) {
      index.upsert(
        Array.from({ length: 1500 }, (_, i) => ({ id: `d${i}`, title: `液压泵 pump ${round}`, n: i })),
      );
    }
    index.delete(Array.from({ length: 1000 }, (_, i) => `d${i}`));
    expect(index.count()).toBe(500);
    const result = index.search({
      q: '液压 pump',
      filters: [{ field: 'n', range: { gte: 1400 } }],
      pageSize: 100,
    });
    expect(result.total).toBe(100);
    expect(result.hits.every((hit) => String(hit.doc.title).endsWith(' 2'))).toBe(true);
  });

  it('re-analyses documents when the searchable fields change', () => {
    const index = new EmbeddedIndex(settings);
    index.upsert([{ id: 'a', title: 'pump', body: '轴承' }]);
    expect(index.search({ q: '轴承' }).total).toBe(0);
    index.configure({ ...settings, searchableAttributes: ['title', 'body'] });
    expect(index.search({ q: '轴承' }).hits.map((hit) => hit.id)).toEqual(['a']);
  });
});

describe('highlighting', () => {
  const index = new EmbeddedIndex({
    searchableAttributes: ['title', 'body'],
    filterableAttributes: [],
    sortableAttributes: [],
  });
  index.upsert([
    {
      id: 'en',
      title: 'Hydraulic valve testing',
      body: `${'Background text. '.repeat(40)}Valves are tested here.`,
    },
    { id: 'tw', title: '鋰電池回收', body: '本實驗室研究鋰電池的回收與再利用。' },
  ]);
  const show = (q: string, id: string) => {
    const hit = index
      .search({ q, highlight: ['title'], snippetField: 'body' })
      .hits.find((each) => each.id === id);
    return { title: hit?.highlights.title, snippet: hit?.snippet };
  };

  it('marks the words the scorer reached: a typo, a prefix, a plural', () => {
    expect(show('hydarulic', 'en').title).toBe('<mark>Hydraulic</mark> valve testing');
    expect(show('hydraulic tes', 'en').title).toBe('<mark>Hydraulic</mark> valve <mark>testing</mark>');
    expect(show('valve ', 'en').title).toBe('Hydraulic <mark>valve</mark> testing');
  });

  it('crops the excerpt around the first match in the text', () => {
    const { snippet } = show('valve ', 'en');
    expect(snippet).toMatch(/^…/);
    expect(snippet).toContain('<mark>Valves</mark> are tested here.');
  });

  it('marks Traditional text found with a Simplified query, and the reverse', () => {
    expect(show('锂电池', 'tw').title).toBe('<mark>鋰電池</mark>回收');
    expect(show('鋰電池', 'tw').snippet).toBe('本實驗室研究<mark>鋰電池</mark>的回收與再利用。');
  });
});

describe('posting lists', () => {
  it('keep every list intact while lists grow, move and the pool is squeezed', () => {
    const lists = new PostingLists();
    const expected: number[][] = [];
    // Interleaved growth of lists of very different sizes moves them many times.
    for (let round = 0; round < 4000; round++) {
      if (round % 7 === 0) expected.push([]);
      for (let id = 0; id < expected.length; id += 1 + (round % 3)) {
        if (id >= lists.size) lists.create();
        lists.push(id, round * 100 + id);
        expected[id]!.push(round * 100 + id);
      }
      while (lists.size < expected.length) lists.create();
    }
    expect(expected.map((_, id) => [...lists.read(id)])).toEqual(expected);
    const copy = PostingLists.from(expected.map((_, id) => lists.read(id)));
    copy.push(0, -1);
    expect([...copy.read(0)]).toEqual([...expected[0]!, -1]);
    expect([...copy.read(expected.length - 1)]).toEqual(expected.at(-1));
  });
});

describe('firstK', () => {
  it('returns the same items as a full sort', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1009);
    const order = (a: number, b: number): number => a - b;
    expect(firstK([...values], 25, order)).toEqual([...values].sort(order).slice(0, 25));
  });
});
