import { describe, expect, it, vi } from 'vitest';
import {
  makeHit,
  makeSearchResponse,
  makeUser,
  NO_SESSION,
  quietShell,
  restoresSessionOf,
} from '@/testing/fixtures';
import { mockApi, type MockRequest } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

const FACETS = {
  fields: {
    machinery: 3,
    'machinery.cnc': 2,
    'machinery.robotics': 1,
    materials: 1,
    'materials.coatings': 1,
  },
  cooperationTypes: { joint_rnd: 2, testing_analysis: 1 },
  city: { '330100': 3 },
  kind: { research_team: 2, instrument: 1 },
  designations: { provincial_research_institute: 3 },
};
const answer = (request: MockRequest) => ({
  body: makeSearchResponse({
    hits: [makeHit({ highlights: { title: `Result for ${request.query.get('q') ?? 'everything'}` } })],
    facets: FACETS,
    total: 1,
    tookMs: 4.2,
  }),
});
type Wrapper = Awaited<ReturnType<typeof renderAt>>['wrapper'];
const type = (wrapper: Wrapper, text: string) =>
  wrapper.find('input[data-testid=search-input]').setValue(text);

describe('SearchListingsPage', () => {
  it('searches once typing pauses, with the words in the address', async () => {
    const api = mockApi({ ...restoresSessionOf(makeUser()), ...quietShell(), 'GET /search': answer });
    const { wrapper, router } = await renderAt('/search/capabilities');
    const searches = () => api.callsTo('GET /search');

    expect(searches()).toHaveLength(1);
    expect(searches()[0]!.query.toString()).toBe('type=capability&page=1&pageSize=20');

    await type(wrapper, 'th');
    await type(wrapper, 'therm');
    await type(wrapper, 'thermal');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(searches()).toHaveLength(1);

    await vi.waitFor(() => expect(searches()).toHaveLength(2));
    expect(searches()[1]!.query.toString()).toBe('type=capability&q=thermal&page=1&pageSize=20');
    expect(router.currentRoute.value.query).toEqual({ q: 'thermal' });
    await settle();
    expect(wrapper.find('[data-testid=search-results]').text()).toContain('Result for thermal');
    expect(wrapper.find('[data-testid=search-count]').text()).toBe('1 result in 4 ms');
  });

  it('cancels a search that a newer one overtakes', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      ...quietShell(),
      'GET /search': (request) =>
        request.query.get('q') === 'slow' ? new Promise(() => {}) : answer(request),
    });
    const { wrapper, router } = await renderAt('/search/needs?q=slow');

    await router.replace({ query: { q: 'fast' } });
    await settle();

    const [slow, fast] = api.callsTo('GET /search');
    expect(slow!.signal?.aborted).toBe(true);
    expect(fast!.query.get('q')).toBe('fast');
    expect(wrapper.find('[data-testid=search-results]').text()).toContain('Result for fast');
  });

  it('shows the facets with their counts, fields under their parents, and filters by one', async () => {
    const api = mockApi({ ...restoresSessionOf(makeUser()), ...quietShell(), 'GET /search': answer });
    const { wrapper, router } = await renderAt('/search/capabilities?q=cnc');

    const fields = wrapper.find('[data-testid=facet-fields]');
    expect(fields.find('[data-testid=facet-fields-machinery]').text()).toBe('Machinery & equipment3');
    expect(fields.find('.children [data-testid=facet-fields-machinery\\.cnc]').text()).toBe(
      'CNC machine tools2',
    );
    expect(wrapper.find('[data-testid=facet-cooperationTypes]').text()).toContain('Joint R&D2');
    expect(wrapper.find('[data-testid=facet-city]').text()).toContain('Hangzhou, Zhejiang3');
    expect(wrapper.find('[data-testid=facet-kind]').text()).toContain('Large instrument1');
    expect(wrapper.find('[data-testid=facet-designations]').text()).toContain(
      'Provincial research institute3',
    );

    await wrapper.find('[data-testid=facet-fields-machinery\\.cnc] input').setValue(true);
    await settle();

    expect(router.currentRoute.value.query).toEqual({ q: 'cnc', fields: 'machinery.cnc' });
    expect(api.callsTo('GET /search').at(-1)!.query.get('fields')).toBe('machinery.cnc');
    expect(wrapper.find('[data-testid=search-chips]').text()).toContain('CNC machine tools');
  });

  it('marks the highlighted words and nothing else', async () => {
    mockApi({
      ...NO_SESSION,
      'GET /search': {
        body: makeSearchResponse({
          hits: [
            makeHit({
              snippet: 'Compensation for <mark>CNC</mark> tools <img src=x onerror="alert(1)">&amp; more',
            }),
          ],
          total: 1,
        }),
      },
    });
    const { wrapper } = await renderAt('/search/capabilities');

    const hit = wrapper.find('[data-testid=search-hit]');
    expect(hit.find('mark').text()).toBe('CNC');
    expect(hit.find('img').exists()).toBe(false);
    expect(hit.text()).toContain('Compensation for CNC tools & more');
    expect(wrapper.text()).toContain('You see public listings only.');
  });

  it('says what to do when nothing matches, and what went wrong when search fails', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      ...quietShell(),
      'GET /search': [
        { body: makeSearchResponse() },
        { status: 503, body: { error: { code: 'search_unavailable', message: 'down' } } },
      ],
    });
    const { wrapper, router } = await renderAt('/search/needs?q=zzz&cooperationTypes=consulting');

    const empty = wrapper.find('[data-testid=search-empty]');
    expect(empty.text()).toContain('Nothing matches “zzz”');
    expect(empty.text()).toContain('Search capabilities for “zzz” instead');

    await empty.find('[data-testid=search-clear-filters]').trigger('click');
    await settle();

    expect(router.currentRoute.value.query).toEqual({ q: 'zzz' });
    expect(wrapper.text()).toContain('Search is unavailable for a moment. Try again shortly.');
  });
});
