// Turning matched ranges into safe HTML with <mark>, and cutting excerpts around the first match.
// Both adapters end here, so hits look the same whichever engine answered.

/** [start, end) offsets into a text, sorted and not overlapping. */
export type Range = [start: number, end: number];

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** The text HTML-escaped, with each range wrapped in <mark>…</mark>. */
export function markHtml(text: string, ranges: Range[]): string {
  let html = '';
  let at = 0;
  for (const [start, end] of ranges) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

/** Reads a text whose matches are wrapped in the given tags (as an engine returns it) into text + ranges. */
export function readTagged(tagged: string, pre: string, post: string): { text: string; ranges: Range[] } {
  const ranges: Range[] = [];
  let text = '';
  let rest = tagged;
  for (;;) {
    const open = rest.indexOf(pre);
    const close = open < 0 ? -1 : rest.indexOf(post, open + pre.length);
    if (close < 0) return { text: text + rest.split(pre).join('').split(post).join(''), ranges };
    text += rest.slice(0, open);
    const start = text.length;
    text += rest.slice(open + pre.length, close);
    if (text.length > start) ranges.push([start, text.length]);
    rest = rest.slice(close + post.length);
  }
}

const ELLIPSIS = '…';

/** An excerpt of at most about `maxChars` characters, starting a little before the first match. */
export function cropAround(
  text: string,
  ranges: Range[],
  maxChars: number,
): { text: string; ranges: Range[] } {
  if (text.length <= maxChars) return { text, ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(maxChars / 4), text.length - maxChars));
  // Prefer to start at a word or sentence boundary when one is near.
  const boundary = text.slice(start, first).search(/[\s，。；、,.;]/);
  if (start > 0 && boundary >= 0 && boundary < 20) start += boundary + 1;
  const end = Math.min(text.length, start + maxChars);
  const prefix = start > 0 ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const kept: Range[] = [];
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    kept.push([Math.max(s, start) + shift, Math.min(e, end) + shift]);
  }
  return { text: prefix + text.slice(start, end).trim() + (end < text.length ? ELLIPSIS : ''), ranges: kept };
}
