import { compileFilters, countFacets, firstK, rankingOrder } from './src/search/embedded/results.js';
const docs = Array.from({length: 50000}, (_, i) => ({ id: `d${i}`, lang: i % 2 ? 'zh' : 'en', kind: i % 3 ? 'need' : 'capability', createdAt: i, title: 'x' }));
const f = new Set(['lang','kind']); const so = new Set(['createdAt']);
for (let r = 0; r < 5; r++) {
  let t = performance.now();
  const accept = compileFilters([{ field: 'lang', in: ['zh', 'en'] }], f)!;
  const ranked: any[] = []; docs.forEach((doc, num) => { if (accept(doc)) ranked.push({ num, doc, score: 0, matched: 0 }); });
  const t1 = performance.now();
  const facets = countFacets(ranked.map(e => e.doc), ['lang','kind'], f);
  const t2 = performance.now();
  const order = rankingOrder([{ field: "createdAt", direction: "desc" }], so); for (const e of ranked) order.prepare(e);
  const top = firstK(ranked, 20, order.compare);
  const t3 = performance.now();
  console.log((t1-t).toFixed(1), (t2-t1).toFixed(1), (t3-t2).toFixed(1), top[0].doc.id);
}
