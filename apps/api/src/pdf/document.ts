// PDF documents that render Chinese: PDFKit with Noto Sans SC (SIL OFL 1.1, shipped as TTF by
// @expo-google-fonts/noto-sans-sc). PDFKit embeds only the glyphs a document uses, so a report stays small.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

/** Font names to pass to `doc.font(…)`. */
export const PDF_FONTS = {
  regular: 'cjk-regular',
  bold: 'cjk-bold',
} as const;

const fontFiles = {
  [PDF_FONTS.regular]: require.resolve(`${FONT_PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`),
  [PDF_FONTS.bold]: require.resolve(`${FONT_PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`),
};

// Reading and parsing the two 10 MB fonts took ~100 ms a document: they are parsed once per process, by the
// fontkit PDFKit itself depends on (PDFKit takes a parsed font as it is; each document still embeds its own subset).
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): unknown };
let parsedFonts: [string, PDFKit.Mixins.PDFFontSource][] | null = null;
const fonts = () =>
  (parsedFonts ??= Object.entries(fontFiles).map(([name, file]) => [
    name,
    // A parsed font is not in @types/pdfkit's list of sources, but PDFKit's font factory accepts it.
    fontkit.create(readFileSync(file)) as PDFKit.Mixins.PDFFontSource,
  ]));

export interface PdfOptions {
  title: string;
  author?: string;
  /** A4 portrait unless told otherwise. */
  layout?: 'portrait' | 'landscape';
}

/** An A4 document with the CJK fonts registered and the regular one selected. */
export function createPdf({ title, author, layout = 'portrait' }: PdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margin: 48,
    bufferPages: true,
    info: { Title: title, ...(author ? { Author: author } : {}) },
  });
  for (const [name, font] of fonts()) doc.registerFont(name, font);
  doc.font(PDF_FONTS.regular);
  return doc;
}

/** Ends the document and collects it into one buffer. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
