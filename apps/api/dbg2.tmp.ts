import { readFileSync } from 'node:fs';
import { EmbeddedSearchEngine } from './src/search/embedded.js';
const dir='/work/shared/data/zh-needs-dev/';
const needs = readFileSync(dir+'needs.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const qs = readFileSync(dir+'queries.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
// same padding as CLI: import by re-running generator? simpler: spawn cli internals
const mod = await import('./pad.tmp.ts');
const padding = mod.makePadding(needs);
const e = new EmbeddedSearchEngine();
await e.ensureIndex('n',{searchableAttributes:['title','description'],filterableAttributes:[],sortableAttributes:[]});
await e.upsert('n', [...needs, ...padding]);
const byId = new Map(needs.map((n:any)=>[n.id,n]));
const wordOf = new Map(qs.filter((q:any)=>q.kind==='word').map((q:any)=>[q.need_id,q.q]));
let ok=0, okw=0;
for (const q of qs) {
  if (q.kind!=='word_missing_char') continue;
  const r = await e.search('n',{q:q.q,pageSize:10});
  const rank = r.hits.findIndex(h=>h.id===q.need_id);
  const full = (byId.get(q.need_id) as any).title;
  if (rank>=0) ok++;
  if (rank<0) {
    const r2 = await e.search('n',{q:q.q,pageSize:200});
    console.log(q.q, 'rank', r2.hits.findIndex(h=>h.id===q.need_id), 'total', r.total, '|', full);
    console.log('   top:', r.hits.slice(0,4).map(h=>`${h.doc.title}(${h.score})`).join(' / '));
  }
}
console.log(ok);
