// The one place that reads process.env. Anything invalid stops start-up with one line naming the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export class ConfigError extends Error {}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A PostgreSQL server; absent means the embedded PGlite under dataDir. */
  databaseUrl: string | null;
  meilisearchUrl: string | null;
  meilisearchKey: string | null;
  jwtSecret: string;
  seedDemo: boolean;
  logLevel: string;
  /** Built web app served from the API's port when present. */
  webDist: string;
  /** Where uploaded files live (storage port's disk default). */
  storageDir: string;
  /** Believe X-Forwarded-For (behind a load balancer); off when clients reach the API directly. */
  trustProxy: boolean;
}

type Env = Record<string, string | undefined>;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Embedded mode keeps a generated secret beside its data so sessions survive restarts. */
function embeddedJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const dataDirRaw = env.DATA_DIR || './.data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const jwtSecretRaw = env.JWT_SECRET;
  if (jwtSecretRaw !== undefined && jwtSecretRaw.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  if (databaseUrl && !jwtSecretRaw) {
    throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set');
  }
  const host = env.HOST || '127.0.0.1';
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir,
    databaseUrl,
    meilisearchUrl: url(env, 'MEILISEARCH_URL', ['http:', 'https:']),
    meilisearchKey: env.MEILISEARCH_KEY || null,
    jwtSecret: jwtSecretRaw ?? embeddedJwtSecret(dataDir),
    seedDemo: boolean(env, 'SEED_DEMO', databaseUrl === null),
    logLevel: env.LOG_LEVEL || 'info',
    webDist: env.WEB_DIST ? resolve(env.WEB_DIST) : join(repoRoot, 'apps/web/dist'),
    storageDir: join(dataDir, 'files'),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
  };
}

/** Tests run on PGlite unless TEST_DATABASE_URL names a PostgreSQL server. */
export function testDatabaseUrl(env: Env = process.env): string | null {
  return url(env, 'TEST_DATABASE_URL', ['postgres:', 'postgresql:']);
}

/** The Meilisearch contract suite runs when MEILISEARCH_URL names a server. */
export function testMeilisearch(env: Env = process.env): { url: string; key: string | null } | null {
  const found = url(env, 'MEILISEARCH_URL', ['http:', 'https:']);
  return found ? { url: found, key: env.MEILISEARCH_KEY || null } : null;
}
