// Reads the one file of a multipart upload (field `file`) for a route, so every upload refuses the same way:
// no file → 400, a broken form (a bad boundary, a part cut short) → 400, not the parser's bare error as a 500.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { BadRequestError } from '../errors.js';

const FILE_REQUIRED = [{ field: 'file', problem: 'is required', rule: 'required' as const }];

const malformed = () =>
  new BadRequestError('malformed_multipart', 'The multipart form could not be read; send it again', [
    { field: 'file', problem: 'is not a well-formed multipart/form-data part', rule: 'format' },
  ]);

/** The parser's own errors carry a status (413 too large, 406 …); anything else it throws is a broken form. */
const isParserFailure = (error: unknown) => !(error as { statusCode?: number }).statusCode;

export async function withUploadedFile<T>(
  request: FastifyRequest,
  use: (file: MultipartFile) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) {
    throw new BadRequestError(
      'validation_failed',
      'Send the file as multipart/form-data in the field "file"',
      FILE_REQUIRED,
    );
  }
  const file = await request.file().catch((error: unknown) => {
    throw isParserFailure(error) ? malformed() : error;
  });
  if (!file || file.fieldname !== 'file') {
    throw new BadRequestError('validation_failed', 'The file must be in the field "file"', FILE_REQUIRED);
  }
  let streamError: unknown;
  file.file.once('error', (error) => (streamError = error));
  try {
    return await use(file);
  } catch (error) {
    throw error === streamError && isParserFailure(error) ? malformed() : error;
  }
}
