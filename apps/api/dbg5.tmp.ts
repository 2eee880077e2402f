import { compileFilters, countFacets, firstK, rankingOrder } from './src/search/embedded/results.js';
const docs = Array.from({length: 50000}, (_, i) => ({ id: `d${i}`, lang: i % 2 ? 'zh' : 'en', kind: i % 3 ? 'need' : 'capability', createdAt: i, title: 'x', description: 'y', fields: ['a','b'] }));
const f = new Set(['lang','kind']); const so = new Set(['createdAt']);
const t: number[][] = [[],[],[],[]];
for (let r = 0; r < 60; r++) {
  const c0 = performance.now();
  const accept = compileFilters([{ field: 'lang', in: ['zh', 'en'] }], f)!;
  const ranked: any[] = []; docs.forEach((doc, num) => { if (accept(doc)) ranked.push({ num, doc, score: 0, matched: 0 }); });
  const c1 = performance.now();
  const facets = countFacets(ranked.map(e => e.doc), ['lang','kind'], f);
  const c2 = performance.now();
  const order = rankingOrder([{ field: 'createdAt', direction: 'desc' }], so);
  for (const e of ranked) order.prepare(e);
  const c3 = performance.now();
  const top = firstK(ranked, 20, order.compare);
  const c4 = performance.now();
  t[0].push(c1-c0); t[1].push(c2-c1); t[2].push(c3-c2); t[3].push(c4-c3);
}
const med = (a: number[]) => a.sort((x,y)=>x-y)[Math.floor(a.length/2)].toFixed(2);
console.log('median ms filter', med(t[0]), 'facets', med(t[1]), 'prepare', med(t[2]), 'firstK', med(t[3]));
