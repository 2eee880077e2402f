// The API's JSON answers go compressed to a browser that accepts it (Lighthouse flagged /api/reports/overdue: nothing was).
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, login, type TestPlatform } from '../test/harness.js';

let platform: TestPlatform;
let headers: Record<string, string>;

beforeAll(async () => {
  platform = await createTestPlatform();
  headers = (await login(platform.app, 'gov@demo.cn')).headers;
});
afterAll(() => platform.close());

const get = (url: string, encoding: string) =>
  platform.app.inject({ url, headers: { ...headers, 'accept-encoding': encoding } });

describe('API compression', () => {
  it('sends a large JSON answer brotli- or gzip-compressed, decoding to the same body', async () => {
    const plain = await get('/api/orgs?pageSize=50', 'identity');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await get('/api/orgs?pageSize=50', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gzip = await get('/api/orgs?pageSize=50', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
  });

  it('leaves answers under a kilobyte as they are', async () => {
    const response = await get('/api/health', 'gzip');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json().status).toBe('ok');
  });
});
