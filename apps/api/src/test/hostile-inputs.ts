// Bad inputs generated from the OpenAPI document: for each operation, a valid-looking sample of its body and a
// sample of mutations that must each make the request invalid (one thing wrong at a time), plus hostile values for
// its query and path parameters. Sampled per operation, not every combination, so the suite stays fast.
import { randomUUID } from 'node:crypto';

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  default?: unknown;
}

export interface Operation {
  method: string;
  /** The OpenAPI path, with `{name}` placeholders. */
  path: string;
  body?: JsonSchema;
  /** Multipart uploads declare no JSON body; their description says so. */
  multipart: boolean;
  query: Record<string, JsonSchema>;
  pathParams: Record<string, JsonSchema>;
  /** Answers a stream that stays open (SSE): only requests refused before it opens are sent. */
  streams: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}
interface OpenApiOperation {
  description?: string;
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (where: string) =>
        Object.fromEntries(
          (op.parameters ?? []).filter((p) => p.in === where).map((p) => [p.name, p.schema]),
        );
      return {
        method: method.toUpperCase(),
        path,
        body: op.requestBody?.content?.['application/json']?.schema,
        multipart: /multipart/i.test(op.description ?? ''),
        query: params('query'),
        pathParams: params('path'),
        streams: Object.values(op.responses ?? {}).some((r) => r.content && 'text/event-stream' in r.content),
      };
    }),
  );
}

const typesOf = (schema: JsonSchema): string[] =>
  schema.type ? [schema.type].flat() : schema.enum ? [typeof schema.enum[0]] : [];

/** The first alternative of a union, which is what a valid sample takes. */
const branch = (schema: JsonSchema): JsonSchema =>
  schema.anyOf?.find((s) => !typesOf(s).includes('null')) ??
  schema.oneOf?.[0] ??
  (schema.allOf ? Object.assign({}, ...schema.allOf) : schema);

const SAMPLE_BY_FORMAT: Record<string, () => string> = {
  uuid: randomUUID,
  date: () => '2027-03-01',
  'date-time': () => '2027-03-01T02:00:00.000Z',
  email: () => 'someone@example.cn',
  uri: () => 'https://example.cn/',
  time: () => '09:00',
};

/** A value the schema accepts, as far as a generator without the route's business rules can tell. */
export function sample(schema: JsonSchema): unknown {
  const s = branch(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const type = typesOf(s).find((t) => t !== 'null') ?? 'object';
  switch (type) {
    case 'string': {
      if (s.format && SAMPLE_BY_FORMAT[s.format]) return SAMPLE_BY_FORMAT[s.format]!();
      if (s.pattern === '^[0-9]{6}$') return '330100';
      if (s.pattern === '^([01][0-9]|2[0-3]):[0-5][0-9]$') return '09:00';
      return 'sample text '.padEnd(Math.max(s.minLength ?? 0, 12), 'x').slice(0, s.maxLength ?? 1000);
    }
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
    default:
      return Object.fromEntries((s.required ?? []).map((name) => [name, sample(s.properties?.[name] ?? {})]));
  }
}

/** Text PostgreSQL or a reader trips over; each must be refused wherever text goes. */
export const FORBIDDEN_TEXT = {
  nul: 'abc\u0000def',
  control: 'bell\u0007here',
  loneSurrogate: 'half \uD800 a pair',
  bidiOverride: 'invoice\u202Efdp.exe',
};

/** Strings aimed at a query language or a page; harmless as data, and refused where a format is expected. */
export const INJECTION_TEXT = [
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  "x' UNION SELECT password_hash FROM users --",
  'status = "open" OR id != ""',
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  '../../../../etc/passwd',
  '%00',
];

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

const nestedJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** `valid` with one more property written as raw JSON (JSON.stringify cannot write some of them). */
function withRawProperty(valid: object, name: string, json: string) {
  const rest = JSON.stringify(valid).slice(1);
  return {
    body: `{${JSON.stringify(name)}:${json}${rest === '}' ? '}' : `,${rest}`}`,
    contentType: 'application/json',
  };
}

export interface Mutation {
  name: string;
  payload?: unknown;
  /** A raw body with its content type, for what JSON.stringify cannot produce. */
  raw?: { body: string; contentType: string };
}

/** Wrong values for one property: every one of them breaks the property's schema. */
function wrongValues(schema: JsonSchema): [string, unknown][] {
  const s = branch(schema);
  const types = typesOf(s);
  const wrong: [string, unknown][] = [];
  if (!types.includes('object')) wrong.push(['an object', { nested: { deeper: nested(50) } }]);
  if (!types.includes('array')) wrong.push(['an array', [1, 2, 3]]);
  if (types.includes('array')) {
    wrong.push(['a huge array', Array.from({ length: 5000 }, () => sample(s.items ?? {}))]);
    if (s.items && typesOf(branch(s.items)).includes('string')) {
      wrong.push(['NUL in an item', [FORBIDDEN_TEXT.nul]]);
    }
  }
  if (types.includes('string')) {
    wrong.push(['a number', 12345]);
    wrong.push(['a huge string', 'x'.repeat(70_000)]);
    for (const [name, text] of Object.entries(FORBIDDEN_TEXT)) wrong.push([name, text]);
    if (s.format || s.enum || s.pattern) wrong.push(['an injection string', INJECTION_TEXT[0]]);
  } else if (types.length) {
    wrong.push(['a string', '<script>alert(1)</script>']);
  }
  if (types.includes('integer') || types.includes('number')) wrong.push(['a huge number', 1e308]);
  return wrong;
}

/** How many properties of a body get their own wrong values; the first ones, required before optional. */
const PROPERTIES_PER_BODY = 6;

export function bodyMutations(schema: JsonSchema): Mutation[] {
  const s = branch(schema);
  const valid = sample(s) as Record<string, unknown>;
  const mutations: Mutation[] = [
    { name: 'an array instead of an object', payload: [valid] },
    { name: 'a string instead of an object', raw: { body: '"just text"', contentType: 'application/json' } },
    {
      name: 'nesting 100,000 deep',
      raw: { body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, contentType: 'application/json' },
    },
    { name: 'an unknown property', payload: { ...valid, unexpectedProperty: 'x' } },
    { name: 'deep nesting as a property', raw: withRawProperty(valid, 'deep', nestedJson(5000)) },
    { name: 'invalid JSON', raw: { body: '{"title": "unterminated', contentType: 'application/json' } },
    { name: 'a __proto__ key', raw: withRawProperty(valid, '__proto__', '{"admin": true}') },
    {
      name: 'a form instead of JSON',
      raw: { body: 'title=x&description=y', contentType: 'application/x-www-form-urlencoded' },
    },
  ];
  for (const name of s.required ?? []) {
    const { [name]: _dropped, ...rest } = valid;
    mutations.push({ name: `missing ${name}`, payload: rest });
  }
  const properties = Object.entries(s.properties ?? {}).sort(
    ([a], [b]) => Number(!(s.required ?? []).includes(a)) - Number(!(s.required ?? []).includes(b)),
  );
  for (const [name, property] of properties.slice(0, PROPERTIES_PER_BODY)) {
    for (const [what, value] of wrongValues(property)) {
      mutations.push({ name: `${name} as ${what}`, payload: { ...valid, [name]: value } });
    }
  }
  return mutations;
}

/** Query values that break the parameter's schema (what an unconstrained free-text field accepts is left out). */
export function queryMutations(name: string, schema: JsonSchema): [string, string][] {
  const s = branch(schema);
  const types = typesOf(s);
  const constrained = Boolean(s.format || s.enum || s.pattern || s.anyOf || !types.includes('string'));
  const wrong: [string, string][] = [
    [`${name} with NUL`, `${name}=a%00b`],
    [`${name} with a direction override`, `${name}=a%E2%80%AEb`],
    [`${name} with a bell`, `${name}=a%07b`],
    [`${name} huge`, `${name}=${'x'.repeat(6000)}`],
  ];
  if (constrained) {
    for (const text of INJECTION_TEXT.slice(0, 5))
      wrong.push([`${name} as ${text}`, `${name}=${encodeURIComponent(text)}`]);
  }
  if (types.includes('integer') || types.includes('number')) {
    wrong.push(
      [`${name} not a number`, `${name}=abc`],
      [`${name} negative`, `${name}=-1`],
      [`${name} huge`, `${name}=1e400`],
    );
  }
  if (!types.includes('array')) wrong.push([`${name} twice`, `${name}=1&${name}=2`]);
  return wrong;
}

/** Path values no id or name takes. */
export const PATH_VALUES = [
  'not-a-uuid',
  encodeURIComponent("1' OR '1'='1"),
  '%00',
  '%E2%80%AE',
  '..%2F..%2Fetc%2Fpasswd',
  encodeURIComponent('<script>alert(1)</script>'),
  '00000000-0000-0000-0000-00000000000g',
  'x'.repeat(3000),
];

/** A path with every placeholder filled: by `values[name]` when given, else a fresh id of the right shape. */
export function fillPath(operation: Operation, values: Record<string, string> = {}): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (values[name] !== undefined) return values[name]!;
    return encodeURIComponent(
      String(sample(operation.pathParams[name] ?? { format: 'uuid', type: 'string' })),
    );
  });
}
