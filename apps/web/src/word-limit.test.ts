// Over-long input says so instead of cutting silently: every text input with a maxlength shows its word limit
// (Element Plus `show-word-limit`), so a person sees the count reach the limit rather than keys that do nothing.
import { describe, expect, it } from 'vitest';

/** Every component's source, by path. */
const sources = import.meta.glob<string>('./**/*.vue', { query: '?raw', import: 'default', eager: true });

/** Opening tags of inputs (which may span lines) with a maxlength attribute, static or bound. */
function inputsWithMaxlength(source: string): string[] {
  const tags = source.match(/<(el-input|input|textarea)(?![\w-])[^>]*>/gs) ?? [];
  return tags.filter((tag) => /\s:?maxlength=/.test(tag));
}

describe('inputs with a length limit', () => {
  it('are found in the app', () => {
    const count = Object.values(sources).reduce((n, source) => n + inputsWithMaxlength(source).length, 0);
    expect(count).toBeGreaterThan(30);
  });

  it('all show their word limit', () => {
    const silent = Object.entries(sources).flatMap(([path, source]) =>
      inputsWithMaxlength(source)
        .filter((tag) => !/\sshow-word-limit\b/.test(tag))
        .map((tag) => `${path}: ${tag.replace(/\s+/g, ' ').slice(0, 100)}`),
    );
    expect(silent).toEqual([]);
  });
});
