// Where uploaded files live. The disk adapter is the default; an object store would implement the same port.
import type { Readable } from 'node:stream';

export interface StoredFile {
  /** Opaque key the database keeps; never derived from a user's file name. */
  key: string;
  size: number;
}

export interface FileStorage {
  /**
   * Stores the whole stream under a new key; on failure nothing is left behind. Content that does not start as
   * `contentType` says is refused (415), and a full disk is a StorageFullError (507).
   */
  save(content: Readable, contentType: string): Promise<StoredFile>;
  open(key: string): Promise<Readable>;
  /** Removing a missing file is not an error. */
  remove(key: string): Promise<void>;
}
