import type { Meilisearch } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { MeilisearchSearchEngine } from './meilisearch.js';
import { SearchError } from './port.js';

type Outcome = { status: 'succeeded' } | { status: 'failed'; code: string; message: string };

/** A stand-in client recording calls; each call's task ends as `outcomes` says (succeeded by default). */
function fakeClient(outcomes: Record<string, Outcome> = {}, healthy = true) {
  const calls: string[] = [];
  const task = (name: string, body?: unknown) => {
    calls.push(body === undefined ? name : `${name} ${JSON.stringify(body)}`);
    const outcome = outcomes[name] ?? { status: 'succeeded' };
    const finished = {
      uid: calls.length,
      status: outcome.status,
      error:
        outcome.status === 'failed'
          ? { code: outcome.code, message: outcome.message, type: 'invalid_request', link: '' }
          : null,
    };
    return Object.assign(Promise.resolve({ taskUid: calls.length }), { waitTask: async () => finished });
  };
  const client = {
    createIndex: (uid: string) => task('createIndex', uid),
    deleteIndex: (uid: string) => task('deleteIndex', uid),
    index: () => ({
      updateSettings: (settings: unknown) => task('updateSettings', settings),
      addDocuments: (docs: unknown) => task('addDocuments', docs),
      getSearchableAttributes: async () => ['title', 'han__title'],
    }),
    health: async () => {
      if (!healthy) throw new Error('connect ECONNREFUSED 127.0.0.1:7700');
      return { status: 'available' };
    },
  };
  return { client: client as unknown as Meilisearch, calls };
}

const SETTINGS = {
  searchableAttributes: ['title'],
  filterableAttributes: ['visibility'],
  sortableAttributes: [],
};

describe('Meilisearch adapter', () => {
  it('creates the index (tolerating one that exists) and pushes settings before any document', async () => {
    const { client, calls } = fakeClient({
      createIndex: { status: 'failed', code: 'index_already_exists', message: 'exists' },
    });
    const engine = new MeilisearchSearchEngine(client);
    await engine.ensureIndex('needs', SETTINGS);
    await engine.upsert('needs', [{ id: 'n1', title: '数控机床' }]);
    expect(calls.map((call) => call.split(' ')[0])).toEqual([
      'createIndex',
      'updateSettings',
      'addDocuments',
    ]);
    expect(calls[2]).toContain('"han__title":"数');
  });

  it('turns a failed task into an error carrying Meilisearch’s message', async () => {
    const message = 'Index `needs`: Attribute `budget` is not filterable.';
    const { client } = fakeClient({
      addDocuments: { status: 'failed', code: 'invalid_document_fields', message },
    });
    const engine = new MeilisearchSearchEngine(client);
    await expect(engine.upsert('needs', [{ id: 'n1', title: 'x' }])).rejects.toEqual(
      new SearchError('task_failed', message),
    );
  });

  it('drops a missing index quietly and reports an unreachable server as unhealthy', async () => {
    const { client } = fakeClient(
      { deleteIndex: { status: 'failed', code: 'index_not_found', message: 'missing' } },
      false,
    );
    const engine = new MeilisearchSearchEngine(client);
    await expect(engine.drop('gone')).resolves.toBeUndefined();
    expect(await engine.health()).toEqual({
      ok: false,
      engine: 'meilisearch',
      message: 'connect ECONNREFUSED 127.0.0.1:7700',
    });
  });
});
