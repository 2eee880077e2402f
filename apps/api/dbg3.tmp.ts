import { readFileSync } from 'node:fs';
import { EmbeddedSearchEngine } from './src/search/embedded.js';
import { cutWords } from './src/search/text/segment.js';
const dir='/work/shared/data/zh-needs-dev/';
const needs = readFileSync(dir+'needs.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const qs = readFileSync(dir+'queries.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const mod = await import('./pad.tmp.ts');
const e = new EmbeddedSearchEngine();
await e.ensureIndex('n',{searchableAttributes:['title','description'],filterableAttributes:[],sortableAttributes:[]});
const pad = process.argv[2] === 'nopad' ? [] : mod.makePadding(needs);
await e.upsert('n', [...needs, ...pad]);
const byId = new Map(needs.map((n:any)=>[n.id,n]));
let okMissing=0, okFull=0, n=0;
for (const q of qs) {
  if (q.kind!=='word_missing_char') continue;
  const title = (byId.get(q.need_id) as any).title as string;
  const words = cutWords(title).filter(w => [...w].length === [...q.q].length + 1 && [...w].some((_, i) => { const c=[...w]; c.splice(i,1); return c.join('')===q.q; }));
  const full = words[0] ?? '?';
  n++;
  const r1 = await e.search('n',{q:q.q,pageSize:10}); if (r1.hits.some(h=>h.id===q.need_id)) okMissing++;
  const r2 = await e.search('n',{q:full,pageSize:10}); if (r2.hits.some(h=>h.id===q.need_id)) okFull++;
}
console.log({n, okMissing, okFull});
