// The storage port on the local disk, under the configured folder (DATA_DIR/files by default).
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStorage } from './port.js';

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

export function createDiskStorage(root: string): FileStorage {
  // Two-character folders keep any one directory small.
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(root, key);
  };

  return {
    async save(content: Readable) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const path = pathOf(key);
      await mkdir(join(root, id.slice(0, 2)), { recursive: true });
      try {
        await pipeline(content, createWriteStream(path, { flags: 'wx' }));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return { key, size: (await stat(path)).size };
    },

    async open(key: string) {
      const path = pathOf(key);
      await stat(path);
      return createReadStream(path);
    },

    async remove(key: string) {
      await rm(pathOf(key), { force: true });
    },
  };
}
