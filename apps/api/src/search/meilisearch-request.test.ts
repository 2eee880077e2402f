import { describe, expect, it } from 'vitest';
import {
  buildFilter,
  buildSearchParams,
  buildSettings,
  facetsOf,
  filterLiteral,
  hanField,
  hanTerms,
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  toMeilisearchDocument,
  toSearchHit,
} from './meilisearch-request.js';
import { crossTermsOf, LISTING_INDEX_SETTINGS } from './indexes.js';
import { MAX_PAGE_SIZE, SearchError } from './port.js';

describe('Meilisearch settings', () => {
  it('searches the translated terms of a listing last, with their Han terms, as the embedded engine does', () => {
    const settings = buildSettings(LISTING_INDEX_SETTINGS);
    expect(settings.searchableAttributes?.slice(-2)).toEqual(['crossTerms', hanField('crossTerms')]);
    const title = 'Field-emission scanning electron microscope';
    const doc = toMeilisearchDocument(
      {
        id: 'sem',
        title,
        keywords: [],
        description: '',
        crossTerms: crossTermsOf({ title, keywords: [], description: '' }),
      },
      LISTING_INDEX_SETTINGS.searchableAttributes,
    );
    expect(doc.crossTerms).toEqual(expect.arrayContaining(['扫描电镜', '扫描电子显微镜']));
    expect(String(doc[hanField('crossTerms')])).toContain('电镜');
  });

  it('pairs each searchable field with its Han-terms field, in priority order, and makes synonyms mutual', () => {
    const settings = buildSettings({
      searchableAttributes: ['title', 'description'],
      filterableAttributes: ['visibility', 'fields'],
      sortableAttributes: ['createdAt'],
      synonyms: [
        ['数控机床', 'CNC machine tools'],
        ['轴承', 'Bearings'],
      ],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    });
    expect(settings.searchableAttributes).toEqual(['title', 'han__title', 'description', 'han__description']);
    expect(settings.rankingRules?.[0]).toBe('sort');
    expect(settings.filterableAttributes).toEqual(['visibility', 'fields']);
    expect(settings.sortableAttributes).toEqual(['createdAt']);
    expect(settings.synonyms).toEqual({
      数控机床: ['cnc machine tools'],
      'cnc machine tools': ['数控机床'],
      轴承: ['bearings'],
      bearings: ['轴承'],
    });
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    });
  });

  it('refuses field names that could break a filter expression', () => {
    expect(() =>
      buildSettings({
        searchableAttributes: ['title'],
        filterableAttributes: ['a = 1 OR b'],
        sortableAttributes: [],
      }),
    ).toThrow(SearchError);
  });
});

describe('Meilisearch documents', () => {
  it('adds Han sub-word terms for searchable fields so a word inside a longer word matches', () => {
    const doc = toMeilisearchDocument({ id: 'n1', title: '數控機床 spindle', tags: ['液压'] }, [
      'title',
      'tags',
    ]);
    expect(doc.title).toBe('數控機床 spindle');
    expect(String(doc[hanField('title')]).split(' ')).toEqual(
      expect.arrayContaining(['数', '数控', '机床', '床', '数控机床']),
    );
    expect(doc[hanField('tags')]).toBe('液 液压 压');
    expect(hanTerms('only English')).toBe('');
  });
});

describe('Meilisearch filters', () => {
  it('quotes strings, escaping backslashes and double quotes', () => {
    expect(filterLiteral('Acme "Precision" Co.')).toBe('"Acme \\"Precision\\" Co."');
    expect(filterLiteral('C:\\path')).toBe('"C:\\\\path"');
    expect(filterLiteral('x" OR visibility = "confidential')).toBe('"x\\" OR visibility = \\"confidential"');
    expect(filterLiteral(42)).toBe('42');
    expect(filterLiteral(true)).toBe('true');
    expect(() => filterLiteral(Number.NaN)).toThrow(SearchError);
  });

  it('ANDs conditions, ORs values and anyOf options, and writes ranges', () => {
    expect(
      buildFilter([
        { field: 'visibility', in: ['public', 'members'] },
        { field: 'budget', range: { gte: 10, lt: 100 } },
        {
          anyOf: [
            { field: 'status', eq: 'open' },
            { field: 'orgId', eq: 'o"1' },
          ],
        },
        { field: 'org.region', eq: '330100' },
      ]),
    ).toBe(
      'visibility IN ["public", "members"] AND (budget >= 10 AND budget < 100) AND (status = "open" OR orgId = "o\\"1") AND org.region = "330100"',
    );
    expect(buildFilter([])).toBeUndefined();
  });

  it('says when filters cannot match anything instead of sending them', () => {
    expect(buildFilter([{ field: 'visibility', in: [] }])).toBeNull();
    expect(
      buildFilter([
        {
          anyOf: [
            { field: 'visibility', in: [] },
            { field: 'status', eq: 'open' },
          ],
        },
      ]),
    ).toBe('status = "open"');
    expect(() => buildFilter([{ field: 'budget', range: {} }])).toThrow(SearchError);
  });
});

describe('Meilisearch search parameters', () => {
  it('asks for facets, sort, a page, highlights with private tags, and sends Simplified text', () => {
    const params = buildSearchParams(
      {
        q: '鋰離子 電池',
        facets: ['fields', 'visibility'],
        sort: [{ field: 'createdAt', direction: 'desc' }],
        page: 3,
        pageSize: 500,
        highlight: ['title'],
        snippetField: 'description',
      },
      'visibility = "public"',
    );
    expect(params).toEqual({
      q: '锂离子 电池',
      page: 3,
      hitsPerPage: MAX_PAGE_SIZE,
      showRankingScore: true,
      filter: 'visibility = "public"',
      facets: ['fields', 'visibility'],
      sort: ['createdAt:desc'],
      attributesToHighlight: ['title', 'description'],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    });
    expect(buildSearchParams({}, undefined)).toEqual({
      q: '',
      page: 1,
      hitsPerPage: 20,
      showRankingScore: true,
    });
  });

  it('sends exact words as phrases, so Meilisearch applies no typo or prefix to them', () => {
    expect(buildSearchParams({ q: '液壓 "servo"  valve', exactWords: true }, undefined).q).toBe(
      '"液压" "servo" "valve"',
    );
  });

  it('turns a hit into the port shape: escaped <mark> highlights, a snippet, no engine fields', () => {
    const hit = toSearchHit(
      {
        id: 'n1',
        title: 'Hydraulic <valve>',
        description: 'x',
        han__title: '…',
        _rankingScore: 0.9,
        _formatted: {
          title: `${HIGHLIGHT_PRE}Hydraulic${HIGHLIGHT_POST} <valve>`,
          description: `a ${HIGHLIGHT_PRE}b${HIGHLIGHT_POST}`,
        },
      },
      { highlight: ['title'], snippetField: 'description' },
    );
    expect(hit).toEqual({
      id: 'n1',
      score: 0.9,
      doc: { id: 'n1', title: 'Hydraulic <valve>', description: 'x' },
      highlights: { title: '<mark>Hydraulic</mark> &lt;valve&gt;' },
      snippet: 'a <mark>b</mark>',
    });
  });

  it('retrieves only the fields asked for, and the highlighted ones it formats', () => {
    const query = { q: 'valve', fields: ['budget'], highlight: ['title'] };
    expect(buildSearchParams(query, undefined).attributesToRetrieve).toEqual(['id', 'budget', 'title']);
    const hit = toSearchHit(
      {
        id: 'n1',
        budget: 5,
        title: 'Valve',
        _formatted: { title: `${HIGHLIGHT_PRE}Valve${HIGHLIGHT_POST}` },
      },
      query,
    );
    expect(hit.doc).toEqual({ id: 'n1', budget: 5 });
    expect(hit.highlights.title).toBe('<mark>Valve</mark>');
  });

  it('returns every requested facet, empty when the server had no values', () => {
    expect(
      facetsOf({ facetDistribution: { fields: { machinery: 2 } } }, { facets: ['fields', 'visibility'] }),
    ).toEqual({
      fields: { machinery: 2 },
      visibility: {},
    });
  });
});
