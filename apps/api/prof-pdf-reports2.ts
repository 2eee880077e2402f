import { createPdf, pdfBuffer, PDF_FONTS } from './src/pdf/document.js';
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const doc = createPdf({ title: 'x' });
  doc.font(PDF_FONTS.bold).text('产学研合作报告 Report');
  doc.font(PDF_FONTS.regular).text('需求发布 已匹配 引荐 签约 合同金额 完成项目 逾期 服务企业 0123456789 abcdefghijklmnopqrstuvwxyz 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水');
  const b = await pdfBuffer(doc);
  console.log((performance.now() - t).toFixed(0), 'ms', b.length);
}
