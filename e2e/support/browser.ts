// Fixtures for browser tests: one Chromium per file, a fresh context (cookies, storage) and page per test.
// A failing test leaves a screenshot in e2e/screenshots/ and prints the end of the server log.
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';
import { expect, inject, test as base } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { DEMO_PASSWORD } from './sign-in';

export const screenshotsDir = fileURLToPath(new URL('../screenshots/', import.meta.url));
export const baseURL = inject('baseURL');

/** Where a fresh page starts: Chinese, like most of the platform's users, at a common laptop size. */
const CONTEXT_DEFAULTS: BrowserContextOptions = {
  locale: 'zh-CN',
  viewport: { width: 1366, height: 900 },
};

function slug(name: string): string {
  return name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

function serverLogTail(lines = 60): string {
  const file = inject('serverLog');
  if (!file || !existsSync(file)) return '(server log not available)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

const requestsInFlight = new WeakMap<Page, Set<Request>>();

/** Starts counting the page's requests in flight: all but the live event stream, which stays open for good. */
export function trackRequests(page: Page): void {
  const inFlight = new Set<Request>();
  requestsInFlight.set(page, inFlight);
  page.on('request', (request) => {
    if (!request.url().includes('/api/events/stream')) inFlight.add(request);
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
}

/**
 * Waits until no tracked request has been in flight for half a second, at most `timeout` ms. Playwright's
 * `networkidle` never comes while a page holds the live event stream open, so it waited out 30 s on every
 * agreement and project page.
 */
export async function networkQuiet(page: Page, timeout = 15_000): Promise<void> {
  const inFlight = requestsInFlight.get(page);
  if (!inFlight) throw new Error('networkQuiet needs trackRequests(page) when the page is made');
  const end = Date.now() + timeout;
  let quietSince = Date.now();
  while (Date.now() < end) {
    if (inFlight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 500) return;
    await page.waitForTimeout(100);
  }
}

export const test = base.extend<{ browser: Browser; page: Page }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_FLAGS,
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  page: async ({ browser, task }, use) => {
    const context = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL });
    const page = await context.newPage();
    trackRequests(page);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await use(page);
    if (task.result?.state === 'fail') {
      mkdirSync(screenshotsDir, { recursive: true });
      const file = join(screenshotsDir, `FAILED-${slug(task.name)}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(
        [
          `[e2e] "${task.name}" failed at ${page.url()}; screenshot: ${file}`,
          ...problems.map((line) => `  ${line}`),
          '[e2e] end of the server log:',
          serverLogTail(),
        ].join('\n'),
      );
    }
    await context.close();
  },
});

/** An Element Plus input by its data-testid, whether the attribute sits on the <input> or on its wrapper. */
export function field(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

export function byTestId(page: Page, testId: string): Locator {
  return page.locator(`[data-testid="${testId}"]`);
}

/** The option of one Element Plus select, found through its own popper (the input's aria-controls), not any open one. */
export async function selectOption(page: Page, selectTestId: string, text: string): Promise<Locator> {
  const id = await page
    .locator(`[data-testid="${selectTestId}"] input[role="combobox"]`)
    .first()
    .getAttribute('aria-controls');
  return page.locator(`[id="${id}"] .el-select-dropdown__item`).filter({ hasText: text }).first();
}

/** Waits until the element is on screen (Playwright's auto-wait); fails with the test id in the message. */
export async function expectVisible(locator: Locator, what = String(locator)): Promise<void> {
  await locator
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 })
    .catch((error: Error) => {
      throw new Error(`expected ${what} to be visible: ${error.message.split('\n')[0]}`);
    });
}

/** The visible text of the element, as it settles; poll-based so it survives re-renders. */
export async function expectText(locator: Locator, pattern: RegExp): Promise<void> {
  await expect
    .poll(async () => ((await locator.first().isVisible()) ? await locator.first().innerText() : ''), {
      timeout: 30_000,
      interval: 200,
    })
    .toMatch(pattern);
}

export { DEMO_PASSWORD };

export async function openLogin(page: Page): Promise<void> {
  await page.goto('/login');
  await expectVisible(byTestId(page, 'login-submit'), 'the login button');
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await field(page, 'login-email').fill(email);
  await field(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
}
