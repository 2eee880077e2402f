// Scoring a matcher on labelled data: success@10 and MRR@10 over all needs (see shared/data/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';

export interface LabelledSet {
  needs: { id: string; title: string; description: string }[];
  capabilities: { id: string; kind: string; title: string; description: string; org: string }[];
  /** need id → relevant capability ids */
  relevant: Map<string, Set<string>>;
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);

export function loadLabelledSet(folder: string): LabelledSet {
  const relevant = new Map<string, Set<string>>();
  for (const line of readFileSync(join(folder, 'qrels.tsv'), 'utf8').split('\n').slice(1)) {
    const [needId, capabilityId, grade] = line.split('\t');
    if (!needId || !capabilityId || Number(grade) <= 0) continue;
    if (!relevant.has(needId)) relevant.set(needId, new Set());
    relevant.get(needId)!.add(capabilityId);
  }
  return {
    needs: readJsonl(join(folder, 'needs.jsonl')),
    capabilities: readJsonl(join(folder, 'capabilities.jsonl')),
    relevant,
  };
}

/** The needs at even and at odd positions of the file: a gain that holds on both halves is less likely luck. */
export function halves(set: LabelledSet): [LabelledSet, LabelledSet] {
  const part = (parity: number) => ({ ...set, needs: set.needs.filter((_, i) => i % 2 === parity) });
  return [part(0), part(1)];
}

export interface Scores {
  successAt10: number;
  mrrAt10: number;
}

/** rankings: need id → capability ids, best first. */
export function score(set: LabelledSet, rankings: Map<string, string[]>): Scores {
  let success = 0;
  let reciprocal = 0;
  for (const need of set.needs) {
    const wanted = set.relevant.get(need.id);
    if (!wanted) continue;
    const top = (rankings.get(need.id) ?? []).slice(0, 10);
    const position = top.findIndex((id) => wanted.has(id));
    if (position >= 0) {
      success += 1;
      reciprocal += 1 / (position + 1);
    }
  }
  const judged = set.needs.filter((need) => set.relevant.has(need.id)).length || 1;
  return { successAt10: success / judged, mrrAt10: reciprocal / judged };
}

/** The reference: MiniSearch's default BM25, title+description indexed, the need's title+description as the query. */
export function bm25Baseline(set: LabelledSet): Map<string, string[]> {
  const index = new MiniSearch({ fields: ['title', 'description'], idField: 'id' });
  index.addAll(set.capabilities);
  return new Map(
    set.needs.map((need) => [
      need.id,
      index
        .search(`${need.title} ${need.description}`)
        .slice(0, 10)
        .map((hit) => String(hit.id)),
    ]),
  );
}
