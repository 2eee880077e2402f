// Every main page of every role, as its user opens it: on a laptop and on a phone, in Chinese. Each page must load
// without a console error or a failed request, fit the screen's width (no sideways scrolling at 390 px) and have no
// serious or critical accessibility violation (axe-core, WCAG 2 A/AA). Screenshots of all of them are kept in
// e2e/screenshots/pages/ as CI artefacts. The first page a visitor loads must stay within its JavaScript budget.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  baseURL,
  byTestId,
  expectVisible,
  logIn,
  networkQuiet,
  openLogin,
  screenshotsDir,
  test,
  trackRequests,
} from '../support/browser';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
const pagesDir = join(screenshotsDir, 'pages');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** What the first route may load, gzipped (issue #13). */
const FIRST_ROUTE_JS_BUDGET = 200 * 1024;

interface Role {
  name: string;
  email: string | null;
  pages: string[];
  /** A list page and the kind of detail link on it (or the test id of what opens one): the first is opened too. */
  details?: ({ from: string; link: string } | { from: string; click: string })[];
}

const ROLES: Role[] = [
  { name: 'visitor', email: null, pages: ['/login', '/register'] },
  {
    name: 'enterprise',
    email: 'enterprise@demo.cn',
    pages: [
      '/',
      '/search/needs',
      '/search/capabilities',
      '/my/needs',
      '/needs/new',
      '/my/matches',
      '/agreements',
      '/projects',
      '/tasks',
      '/meetings',
      '/instruments',
      '/bookings',
      '/orgs',
      '/notifications',
      '/account',
    ],
    details: [
      { from: '/my/needs', link: '/needs/' },
      { from: '/agreements', link: '/agreements/' },
      { from: '/projects', click: 'project-open' },
      { from: '/instruments', link: '/instruments/' },
    ],
  },
  {
    name: 'college',
    email: 'college@demo.cn',
    pages: [
      '/',
      '/my/capabilities',
      '/capabilities/new',
      '/my/matches',
      '/agreements',
      '/meetings',
      '/bookings/requests',
      '/instruments/usage',
    ],
    details: [{ from: '/my/capabilities', link: '/capabilities/' }],
  },
  {
    name: 'coordinator',
    email: 'coordinator@demo.cn',
    pages: [
      '/',
      '/review',
      '/brokering',
      '/meetings',
      '/agreements',
      '/reports',
      '/targets',
      '/designation-queue',
    ],
    details: [{ from: '/meetings', link: '/meetings/' }],
  },
  {
    name: 'government',
    email: 'gov@demo.cn',
    pages: ['/', '/reports', '/targets', '/agreements', '/projects', '/designation-queue'],
    details: [{ from: '/agreements', link: '/agreements/' }],
  },
  { name: 'admin', email: 'admin@demo.cn', pages: ['/', '/admin/users', '/admin/audit'] },
];

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

function fileName(role: string, path: string, viewport: string): string {
  const slug =
    path === '/'
      ? 'home'
      : path
          .replace(UUID, 'id')
          .replace(/^\/|\/$/g, '')
          .replace(/\//g, '-');
  return `${role}-${slug}-${viewport}.png`;
}

/** Problems a user or the console would show while the page loads. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return problems;
}

async function settle(page: Page): Promise<void> {
  await networkQuiet(page);
  // Skeletons and charts finish their first frame after the data arrives.
  await page
    .locator('.el-skeleton, .el-loading-mask')
    .first()
    .waitFor({ state: 'hidden', timeout: 15_000 })
    .catch(() => undefined);
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(' | ')}`);
}

/** The first link on the page to a detail page of this kind, e.g. "/agreements/<uuid>". */
async function firstDetailLink(page: Page, prefix: string): Promise<string | null> {
  const hrefs = await page
    .locator(`a[href^="${prefix}"]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((href) => UUID.test(href) && href.replace(UUID, 'id') === `${prefix}id`) ?? null;
}

/** Where the first element with this test id leads, for lists whose rows open pages without a plain link. */
async function pathAfterClick(page: Page, testId: string): Promise<string | null> {
  const target = byTestId(page, testId).first();
  if ((await target.count()) === 0) return null;
  const before = page.url();
  await target.click();
  await page.waitForURL((url) => url.href !== before, { timeout: 15_000 }).catch(() => undefined);
  const path = new URL(page.url()).pathname;
  return UUID.test(path) ? path : null;
}

describe('every main page, on a laptop and a phone', () => {
  test('the first page a visitor loads stays within the JavaScript budget', async ({ page }) => {
    const scripts = new Set<string>();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.add(request.url());
    });
    await openLogin(page);
    await settle(page);
    const sizes: string[] = [];
    let gzipped = 0;
    for (const url of scripts) {
      // The server sends its .gz when one was built; files too small to compress are counted gzipped here.
      const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      const body = Buffer.from(await response.arrayBuffer());
      const size =
        response.headers.get('content-encoding') === 'gzip'
          ? Number(response.headers.get('content-length'))
          : gzipSync(body).length;
      gzipped += size;
      sizes.push(`${(size / 1024).toFixed(1)} kB ${new URL(url).pathname}`);
    }
    console.info(`[e2e] first route: ${scripts.size} scripts, ${(gzipped / 1024).toFixed(1)} kB gzipped`);
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped, `the scripts:\n${sizes.join('\n')}`).toBeLessThanOrEqual(FIRST_ROUTE_JS_BUDGET);
  });

  for (const role of ROLES) {
    test(`${role.name}: each page loads cleanly, fits, and passes axe`, async ({ browser }) => {
      mkdirSync(pagesDir, { recursive: true });
      const failures: string[] = [];
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ locale: 'zh-CN', viewport, baseURL });
        const page = await context.newPage();
        trackRequests(page);
        const problems = watch(page);
        if (role.email) {
          await openLogin(page);
          await logIn(page, role.email);
          await expectVisible(page.locator('[data-testid^="home-"]'), 'the home page');
        }
        const paths = [...role.pages];
        for (const detail of role.details ?? []) {
          await page.goto(detail.from);
          await settle(page);
          const link =
            'link' in detail
              ? await firstDetailLink(page, detail.link)
              : await pathAfterClick(page, detail.click);
          if (link) paths.push(link);
          else failures.push(`${viewport.name} ${detail.from}: nothing opens a detail page`);
        }
        for (const path of paths) {
          problems.length = 0;
          await page.goto(path);
          await settle(page);
          const where = `${viewport.name} ${path}`;
          if (role.email && (await byTestId(page, 'no-access').count()) > 0)
            failures.push(`${where}: shows "no access"`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > viewport.width + 1) failures.push(`${where}: ${width} px wide, scrolls sideways`);
          await page.screenshot({
            path: join(pagesDir, fileName(role.name, path, viewport.name)),
            fullPage: true,
          });
          if (viewport.name === 'desktop') {
            for (const violation of await seriousViolations(page))
              failures.push(`${where}: axe ${violation}`);
          }
          for (const problem of problems) failures.push(`${where}: ${problem}`);
        }
        await context.close();
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
