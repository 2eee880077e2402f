// Search highlights arrive as HTML where only <mark> should matter. They are parsed in an inert document and
// turned into plain text runs, each marked or not, so nothing but text ever reaches the page.

export interface HighlightRun {
  text: string;
  mark: boolean;
}

/** Elements whose content is never text a reader should see. */
const DROPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT']);

export function highlightRuns(html: string): HighlightRun[] {
  const runs: HighlightRun[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.mark === mark) last.text += text;
    else runs.push({ text, mark });
  };
  const walk = (node: Node, mark: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) push(child.textContent ?? '', mark);
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase();
        if (!DROPPED.has(tag)) walk(child, mark || tag === 'MARK');
      }
    }
  };
  // DOMParser documents run no scripts and load nothing.
  walk(new DOMParser().parseFromString(html, 'text/html').body, false);
  return runs;
}
