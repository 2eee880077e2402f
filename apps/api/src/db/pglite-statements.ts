// PGlite plans every query afresh: its `query` parses into the unnamed statement each time, and SQL EXECUTE
// takes no bind parameters. A query run with parameters a few times is prepared once under a name instead and
// then only bound and executed, as postgres.js and node-postgres's named statements do on a server (the detail
// page's query: 1,114 µs planned each time, 543 µs prepared). Inside a transaction drizzle queries through the
// transaction object, which this does not touch, so those keep PGlite's own path.
import { parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';

/** Runs of one text before it is prepared: a query run once (a migration, a report) is not worth a name. */
const PREPARE_AFTER = 3;
/** Named statements kept; the least recently used is deallocated past this. */
const KEPT = 200;
/** Texts counted while not yet prepared (texts with literals in them would otherwise pile up). */
const COUNTED = 2000;

export function withNamedStatements(client: PGlite): PGlite {
  const runs = new Map<string, number>();
  /** SQL text → its statement's name and parameter types, most recently used last. */
  const named = new Map<string, { name: string; paramTypes: number[] }>();
  let next = 0;

  const sendAll = async (messages: Uint8Array[]) => {
    const answers = [];
    for (const [i, message] of messages.entries())
      answers.push(...(await client.execProtocol(message, { syncToFs: i === messages.length - 1 })).messages);
    return answers;
  };

  async function prepare(text: string) {
    const name = `coop_${next++}`;
    try {
      await client.execProtocol(protocol.serialize.parse({ name, text }), { syncToFs: false });
      const described = await client.execProtocol(protocol.serialize.describe({ type: 'S', name }), {
        syncToFs: false,
      });
      return { name, paramTypes: parse.parseDescribeStatementResults(described.messages) };
    } finally {
      await client.execProtocol(protocol.serialize.sync(), { syncToFs: false });
    }
  }

  /** Closes the least recently used statement; by protocol, since `exec` would wait on the lock this holds. */
  async function evict() {
    const [oldest, statement] = named.entries().next().value!;
    named.delete(oldest);
    await sendAll([protocol.serialize.close({ type: 'S', name: statement.name }), protocol.serialize.sync()]);
  }

  async function run(text: string, params: unknown[], options?: QueryOptions): Promise<Results> {
    let statement = named.get(text);
    if (statement) named.delete(text);
    else {
      if (named.size >= KEPT) await evict();
      statement = await prepare(text);
    }
    named.set(text, statement);
    const serializers = { ...client.serializers, ...options?.serializers };
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = serializers[statement.paramTypes[i]!];
      return serialize ? serialize(value) : String(value);
    });
    const messages = [
      protocol.serialize.bind({ statement: statement.name, values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
    ];
    let answers;
    try {
      answers = await sendAll(messages);
    } finally {
      // After an error the server skips to the next Sync: always send it, as PGlite's own query does.
      answers = [...(answers ?? []), ...(await sendAll([protocol.serialize.sync()]))];
    }
    return parse.parseResults(answers, client.parsers, options)[0]!;
  }

  async function query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    if (!params?.length || options?.blob) return client.query<T>(text, params, options);
    const seen = (runs.get(text) ?? 0) + 1;
    if (!named.has(text) && seen < PREPARE_AFTER) {
      if (runs.size >= COUNTED) runs.clear();
      runs.set(text, seen);
      return client.query<T>(text, params, options);
    }
    runs.delete(text);
    return client.runExclusive(() => run(text, params, options)) as Promise<Results<T>>;
  }

  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
