// A page load at 4x CPU throttle (phone size): its long tasks and the CPU self time per script, for comparing a
// change before and after on a busy machine where Lighthouse's scores are noisy.
// E2E_BASE_URL=http://host:port npx tsx bench/longtask-trace.ts /reports [email]   (email: sign in first)
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';
import { signIn } from '../support/sign-in';

const base = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5100').replace(/\/$/, '');
const [path = '/login', email] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
const page = await browser.newPage({ viewport: { width: 412, height: 823 }, baseURL: base });
if (email) {
  await signIn(page, email);
  await page.goto('about:blank');
}
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(path, { waitUntil: 'networkidle' });
const { profile } = await cdp.send('Profiler.stop');
const longTasks = await page.evaluate(
  () =>
    new Promise<number[][]>((resolve) => {
      const seen: number[][] = [];
      new PerformanceObserver((list) =>
        seen.push(...list.getEntries().map((e) => [Math.round(e.startTime), Math.round(e.duration)])),
      ).observe({ type: 'longtask', buffered: true });
      setTimeout(() => resolve(seen), 200);
    }),
);
const total = longTasks.reduce((sum, [, duration]) => sum + duration!, 0);
const blocking = longTasks.reduce((sum, [, duration]) => sum + Math.max(0, duration! - 50), 0);
console.log(
  `long tasks ${longTasks.length}, total ${total} ms, blocking (>50 ms) ${blocking} ms, longest ${Math.max(0, ...longTasks.map(([, d]) => d!))} ms`,
);
console.log('  [start, ms]', JSON.stringify(longTasks));
console.log(
  'fcp',
  await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime),
);
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
profile.samples!.forEach((id, i) => {
  const frame = byId.get(id)!.callFrame;
  const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas![i] ?? 0));
});
const byUrl = new Map<string, number>();
for (const [key, micros] of self) {
  const url = key.split(' ')[1]?.split(':')[0] ?? '';
  byUrl.set(url, (byUrl.get(url) ?? 0) + micros);
}
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${(v / 1000).toFixed(0)}ms ${k}`)
    .join('\n');
console.log(top(byUrl, 12));
console.log('---');
console.log(top(self, 20));
await browser.close();
