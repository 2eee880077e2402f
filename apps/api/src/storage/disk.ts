// The storage port on the local disk, under the configured folder (DATA_DIR/files by default).
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageFullError } from '../errors.js';
import { assertDeclaredType, SNIFF_BYTES } from './file-type.js';
import type { FileStorage } from './port.js';

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** Passes the content through, checking its head against the declared type before the end is written. */
function checkHead(contentType: string) {
  return async function* (source: AsyncIterable<Buffer>) {
    let head: Buffer | null = Buffer.alloc(0);
    for await (const chunk of source) {
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) {
          assertDeclaredType(head.subarray(0, SNIFF_BYTES), contentType);
          head = null;
        }
      }
      yield chunk;
    }
    if (head) assertDeclaredType(head, contentType);
  };
}

export function createDiskStorage(root: string): FileStorage {
  // Two-character folders keep any one directory small.
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(root, key);
  };

  return {
    async save(content: Readable, contentType: string) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const path = pathOf(key);
      await mkdir(join(root, id.slice(0, 2)), { recursive: true });
      try {
        await pipeline(content, checkHead(contentType), createWriteStream(path, { flags: 'wx' }));
      } catch (error) {
        await rm(path, { force: true });
        throw (error as NodeJS.ErrnoException).code === 'ENOSPC' ? new StorageFullError() : error;
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
