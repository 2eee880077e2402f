import { describe, expect, it } from 'vitest';
import { highlightRuns } from './highlight';

describe('highlightRuns', () => {
  it('keeps marks and decodes the entities the API escaped', () => {
    expect(highlightRuns('R&amp;D for <mark>数控</mark> &lt;b&gt; tools')).toEqual([
      { text: 'R&D for ', mark: false },
      { text: '数控', mark: true },
      { text: ' <b> tools', mark: false },
    ]);
  });

  it('keeps only the text of any other tag and drops scripts', () => {
    const runs = highlightRuns(
      '<img src=x onerror="alert(1)"><b>bold</b><script>alert(2)</script><mark><i>m</i></mark>',
    );
    expect(runs).toEqual([
      { text: 'bold', mark: false },
      { text: 'm', mark: true },
    ]);
  });
});
