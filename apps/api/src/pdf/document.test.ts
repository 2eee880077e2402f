import { describe, expect, it } from 'vitest';
import { createPdf, PDF_FONTS, pdfBuffer } from './document.js';

describe('PDF documents', () => {
  it('embeds a CJK font subset so Chinese text renders', async () => {
    const doc = createPdf({ title: '年度报告' });
    doc.font(PDF_FONTS.bold).fontSize(18).text('产学研合作年度报告');
    doc.font(PDF_FONTS.regular).fontSize(11).text('签约协议 12 项 · Agreements signed');
    const pdf = await pdfBuffer(doc);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/NotoSansSC/);
    // A subset, not the whole 10 MB font.
    expect(pdf.length).toBeLessThan(200_000);
  });
});
