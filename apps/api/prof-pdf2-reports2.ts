import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const fontkit = require('/work/wt-reports2/node_modules/.pnpm/fontkit@2.0.4/node_modules/fontkit');
const files = ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'].map((f) => require.resolve(`@expo-google-fonts/noto-sans-sc/${f}`));
const bufs = files.map((f) => readFileSync(f));
const fonts = bufs.map((b) => fontkit.create(b));
const text = '需求发布 已匹配 引荐 签约 合同金额 完成项目 逾期 服务企业 0123456789 abcdefghijklmnopqrstuvwxyz 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水';
for (const mode of ['buffer', 'font', 'font', 'font']) {
  const t = performance.now();
  const doc = new PDFDocument({ size: 'A4' });
  const src = mode === 'buffer' ? bufs : fonts;
  doc.registerFont('r', src[0]); doc.registerFont('b', src[1]);
  doc.font('b').text('产学研合作报告'); doc.font('r').text(text);
  const chunks: Buffer[] = []; doc.on('data', (c) => chunks.push(c));
  await new Promise((r) => { doc.on('end', r); doc.end(); });
  console.log(mode, (performance.now() - t).toFixed(0), 'ms');
}
