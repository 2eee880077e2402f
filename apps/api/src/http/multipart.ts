// Reads the one file of a multipart upload (field `file`) for a route, so every upload refuses the same way:
// no file → 400, a broken form (a bad boundary, a part cut short) → 400, not the parser's bare error as a 500.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, BadRequestError } from '../errors.js';

const FILE_REQUIRED = [{ field: 'file', problem: 'is required', rule: 'required' as const }];

const malformed = () =>
  new BadRequestError('malformed_multipart', 'The multipart form could not be read; send it again', [
    { field: 'file', problem: 'is not a well-formed multipart/form-data part', rule: 'format' },
  ]);

/** The parser's own errors carry a status (413 too large, 406 …); anything else it throws is a broken form. */
const isParserFailure = (error: unknown) => !(error as { statusCode?: number }).statusCode;

/** The file of an upload, and a check that it was the form's only part, to call before anything is kept. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  file: MultipartFile['file'];
  /** The whole file in memory; a file over the limit is a 413. */
  toBuffer(): Promise<Buffer>;
  /** Reads the rest of the form: a second file or any field is refused, so nothing of such a form is kept. */
  onlyPart(): Promise<void>;
}

export async function withUploadedFile<T>(
  request: FastifyRequest,
  use: (upload: UploadedFile) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) {
    throw new BadRequestError(
      'validation_failed',
      'Send the file as multipart/form-data in the field "file"',
      FILE_REQUIRED,
    );
  }
  const parts = request.parts();
  const readPart = () =>
    parts.next().catch((error: unknown) => {
      throw isParserFailure(error) ? malformed() : error;
    });
  const { value: part } = await readPart();
  if (!part || part.type !== 'file' || part.fieldname !== 'file') {
    throw new BadRequestError('validation_failed', 'The file must be in the field "file"', FILE_REQUIRED);
  }
  const onlyPart = async () => {
    if (!(await readPart()).done) {
      throw new BadRequestError('validation_failed', 'Send one file in the field "file" and nothing else', [
        { field: 'file', problem: 'must be the only part of the form', rule: 'not_allowed' },
      ]);
    }
  };
  try {
    const { filename, mimetype, file } = part;
    return await use({ filename, mimetype, file, toBuffer: () => part.toBuffer(), onlyPart });
  } catch (error) {
    // The parser fails the file's stream when the form breaks off (it may have done so before `use` began).
    const broken = part.file.errored !== null && isParserFailure(error) && !(error instanceof AppError);
    throw broken ? malformed() : error;
  }
}
