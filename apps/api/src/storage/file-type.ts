// Does a file's content start the way its declared type says? Only types with a fixed signature (and text, which
// holds no NUL byte) are checked; any other declared type is taken as it comes, since it claims nothing to check.
import { UnsupportedMediaTypeError } from '../errors.js';

/** Enough of the head to find NUL bytes in text; signatures need far less. */
export const SNIFF_BYTES = 4096;

const bytes = (...values: number[]) => Buffer.from(values);
const ascii = (text: string) => Buffer.from(text, 'latin1');
const ZIP = [bytes(0x50, 0x4b, 0x03, 0x04), bytes(0x50, 0x4b, 0x05, 0x06)];
const OLE = [bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)];

const SIGNATURES: Record<string, Buffer[]> = {
  'application/pdf': [ascii('%PDF-')],
  'image/png': [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  'image/jpeg': [bytes(0xff, 0xd8, 0xff)],
  'image/gif': [ascii('GIF87a'), ascii('GIF89a')],
  'application/zip': ZIP,
  'application/x-zip-compressed': ZIP,
  'application/msword': OLE,
  'application/vnd.ms-excel': OLE,
  'application/vnd.ms-powerpoint': OLE,
};
// Word, Excel and PowerPoint files of today are ZIP archives.
const OOXML = 'application/vnd.openxmlformats-officedocument.';
const TEXT = /^(text\/|application\/(json|xml|csv)$|image\/svg\+xml$)/;

function fits(head: Buffer, type: string): boolean {
  if (type === 'image/webp')
    return head.subarray(0, 4).equals(ascii('RIFF')) && head.subarray(8, 12).equals(ascii('WEBP'));
  const signatures = SIGNATURES[type] ?? (type.startsWith(OOXML) ? ZIP : undefined);
  if (signatures) return signatures.some((signature) => head.subarray(0, signature.length).equals(signature));
  if (TEXT.test(type)) return !head.includes(0);
  return true;
}

/** Refuses (415) a file whose first bytes (up to SNIFF_BYTES) do not match its declared content type. */
export function assertDeclaredType(head: Buffer, declared: string, field = 'file'): void {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (fits(head, type)) return;
  throw new UnsupportedMediaTypeError(
    'content_mismatch',
    `The file's content is not the ${type} it is declared as`,
    [{ field, problem: `content does not match its declared type ${type}`, rule: 'format' }],
  );
}
