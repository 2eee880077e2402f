import { readFileSync } from 'node:fs';
import { EmbeddedSearchEngine } from './src/search/embedded.js';
import { parseQuery, SynonymTable } from './src/search/embedded/query.js';
const dir='/work/shared/data/zh-needs-dev/';
const needs = readFileSync(dir+'needs.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const qs = readFileSync(dir+'queries.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const e = new EmbeddedSearchEngine();
await e.ensureIndex('n',{searchableAttributes:['title','description'],filterableAttributes:[],sortableAttributes:[]});
await e.upsert('n', needs);
const byId = new Map(needs.map((n:any)=>[n.id,n]));
for (const q of qs) {
  if (q.kind!=='word' && q.kind!=='word_missing_char') continue;
  const r = await e.search('n',{q:q.q,pageSize:10});
  if (r.hits.some(h=>h.id===q.need_id)) continue;
  const slots = parseQuery(q.q, new SynonymTable(), {enabled:true});
  console.log(q.kind, q.q, 'total', r.total, 'title:', (byId.get(q.need_id) as any).title, '| slots', JSON.stringify(slots.map(s=>s.alternatives[0]!.units.map(u=>u.text))));
  console.log('   top:', r.hits.slice(0,3).map(h=>`${h.doc.title}(${h.score})`).join(' / '));
}
