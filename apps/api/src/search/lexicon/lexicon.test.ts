import { describe, expect, it } from 'vitest';
import { lexicon, plainGloss } from './lexicon.js';

describe('bilingual lexicon', () => {
  it('looks technical phrases up in both directions', () => {
    const words = lexicon();
    expect(words.lookup('热误差')).toContain('thermal error');
    expect(words.lookup('电主轴')).toContain('motorized spindle');
    expect(words.lookup('扫描电镜')).toContain('scanning electron microscope');
    expect(words.lookup('三坐标')).toContain('coordinate measuring');
    expect(words.lookup('thermal error')).toContain('热误差');
    expect(words.lookup('Spindles')).toContain('电主轴');
    // From the dictionary, not the technical list.
    expect(words.lookup('复合材料')).toContain('composite material');
    expect(words.lookup('数控机床')).toContain('cnc machine tools');
  });

  it('keeps no one-character words, no function words and a few senses per word', () => {
    const words = lexicon();
    expect(words.lookup('热')).toEqual([]);
    expect(words.lookup('基于')).toEqual([]);
    expect(words.lookup('小于')).toEqual([]);
    expect(words.lookup('the')).toEqual([]);
    for (const term of ['加工', '中心', 'valve', 'error', 'test'])
      expect(words.lookup(term).length).toBeLessThanOrEqual(3);
  });

  it('finds every phrase it knows in a text, bounded', () => {
    const targets = lexicon()
      .translate('电主轴热误差补偿')
      .map((t) => t.target);
    expect(targets).toEqual(
      expect.arrayContaining(['motorized spindle', 'thermal error', 'error compensation']),
    );
    expect(lexicon().translate('液压阀 '.repeat(500) + '涂层 '.repeat(500)).length).toBeLessThanOrEqual(80);
  });

  it('reads dictionary glosses as plain phrases', () => {
    expect(plainGloss('(mechanical) bearing')).toBe('bearing');
    expect(plainGloss('to weld')).toBe('weld');
    expect(plainGloss('variant of 阀[fa2]')).toBeNull();
    expect(plainGloss('surname Zhang')).toBeNull();
  });
});
