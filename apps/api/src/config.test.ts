import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'coop-config-'));

describe('configuration', () => {
  it('defaults to the embedded platform with demo data and a kept secret', () => {
    const DATA_DIR = dataDir();
    const config = loadConfig({ DATA_DIR });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, seedDemo: true });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR }).jwtSecret).toBe(config.jwtSecret);
  });

  it('stops on a bad value with one line naming the variable', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty' })).toThrow(/^PORT must be an integer/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://x' })).toThrow(
      /^DATABASE_URL must start/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/coop' })).toThrow(
      /^JWT_SECRET is required/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), SEED_DEMO: 'maybe' })).toThrow(ConfigError);
  });

  it('does not seed a configured server unless asked', () => {
    const server = { DATABASE_URL: 'postgres://localhost/coop', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig(server).seedDemo).toBe(false);
    expect(loadConfig({ ...server, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });
});
