// Keeping an uploaded file, the one way every upload does it: a clean name, the content sniffed against its declared
// type on the way to storage (415), a full disk as 507, and nothing left behind when recording it fails.
import { basename } from 'node:path';
import { forbiddenTextError, isAllowedText } from '../http/text-guard.js';
import type { UploadedFile } from '../http/multipart.js';
import type { FileStorage } from './port.js';

/** Largest file any attachment or evidence upload takes (bigger is 413). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** @fastify/multipart options of a one-file upload route. */
export const UPLOAD_OPTIONS = { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0, parts: 2 } };

export interface KeptFile {
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** Stores the upload, then `record`s it (in the caller's transaction); a failed record removes the stored file. */
export async function keepUpload<T>(
  storage: FileStorage,
  upload: UploadedFile,
  record: (file: KeptFile) => Promise<T>,
): Promise<T> {
  const fileName = basename(upload.filename.replaceAll('\\', '/')).slice(0, 200) || 'file';
  const contentType = upload.mimetype || 'application/octet-stream';
  for (const [field, text] of [
    ['file.filename', fileName],
    ['file.contentType', contentType],
  ] as const) {
    if (!isAllowedText(text)) throw forbiddenTextError(field);
  }
  const stored = await storage.save(upload.file, contentType);
  try {
    await upload.onlyPart();
    return await record({ storageKey: stored.key, fileName, contentType, size: stored.size });
  } catch (error) {
    await storage.remove(stored.key);
    throw error;
  }
}
