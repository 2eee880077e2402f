// A person at a screen: a signed-in browser context of its own (language, screen size), navigation the way that
// screen offers it (the side menu on a desktop, the drawer on a phone), every page kept as a screenshot and every
// console error collected for the test to judge.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  baseURL,
  byTestId,
  expectVisible,
  field,
  logIn,
  networkQuiet,
  openLogin,
  trackRequests,
} from './browser';

export interface Screen {
  name: string;
  locale: 'zh-CN' | 'en';
  width: number;
  height: number;
  phone: boolean;
}

export const DESKTOP_ZH: Screen = {
  name: 'desktop-zh',
  locale: 'zh-CN',
  width: 1440,
  height: 900,
  phone: false,
};
export const PHONE_EN: Screen = { name: 'phone-en', locale: 'en', width: 390, height: 844, phone: true };

export interface Person {
  page: Page;
  screen: Screen;
  /** Console errors and uncaught page errors seen so far, prefixed by who saw them. */
  problems: string[];
  /** Saves a full-page screenshot of what this person sees now. */
  shot(name: string): Promise<void>;
  /** Opens a page from the navigation: the side menu, or on a phone the drawer from the top bar. */
  navigate(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Screenshots numbered in the order they were taken, in one folder per run (emptied first). */
export function shotCounter(folder: string): (page: Page, name: string) => Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let n = 0;
  return async (page, name) => {
    n += 1;
    await networkQuiet(page);
    await page.screenshot({
      path: join(folder, `${String(n).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
}

export async function signIn(
  browser: Browser,
  email: string,
  screen: Screen,
  save: (page: Page, name: string) => Promise<void>,
): Promise<Person> {
  const context = await browser.newContext({
    locale: screen.locale,
    viewport: { width: screen.width, height: screen.height },
    baseURL,
  });
  const page = await context.newPage();
  trackRequests(page);
  const who = email.split('@')[0];
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${who}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`${who}: console error: ${message.text()} at ${page.url()}`);
  });
  await openLogin(page);
  await logIn(page, email);
  await expectVisible(page.locator('[data-testid^="home-"]'), `the home page of ${email}`);

  const person: Person = {
    page,
    screen,
    problems,
    shot: (name) => save(page, `${who}-${name}`),
    async navigate(key) {
      if (screen.phone) {
        await page.locator('.top-bar > button').first().click();
        const drawer = byTestId(page, 'nav-drawer');
        await expectVisible(drawer, 'the navigation drawer');
        await drawer.locator(`[data-testid="nav-${key}"]`).click();
        await drawer.waitFor({ state: 'hidden' });
      } else {
        await byTestId(page, `nav-${key}`).click();
      }
    },
    close: () => context.close(),
  };
  await person.shot('home');
  return person;
}

/** The people of one test, all on the same screen. `person` signs one more in; `expectTidy` then checks what every
 * test asks of every page it left open (no sideways scrolling on a phone, no console problems); `closeAll` ends them. */
export function cast(browser: Browser, screen: Screen, save: (page: Page, name: string) => Promise<void>) {
  const people: Person[] = [];
  return {
    async person(email: string): Promise<Person> {
      const p = await signIn(browser, email, screen, save);
      people.push(p);
      return p;
    },
    async expectTidy(): Promise<void> {
      if (screen.phone) {
        for (const p of people) {
          const overflow = await p.page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${p.page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
        }
      }
      expect(people.flatMap((p) => p.problems)).toEqual([]);
    },
    async closeAll(): Promise<void> {
      for (const p of people) await p.close();
    },
  };
}

/** Types a date (and time) into an Element Plus picker inside a dialog, then closes the picker's panel by clicking
 * the dialog's title (Escape would close the dialog too). */
export async function pickDate(
  page: Page,
  dialogTestId: string,
  testId: string,
  value: string,
): Promise<void> {
  const input = field(page, testId);
  await input.fill(value);
  await input.press('Enter');
  await byTestId(page, dialogTestId).locator('.el-dialog__title').click();
}

/**
 * A Tuesday to Thursday from 3 to 28 days ahead (inside a 30-day horizon), as a Shanghai date (YYYY-MM-DD), on
 * which the instrument titled `title` is free from `from` to `to`, as the platform's free-instrument search says:
 * the demo books some mornings and closes some afternoons for maintenance, and a server reused through
 * E2E_BASE_URL keeps earlier runs' bookings.
 */
export async function freeWorkingDay(title: RegExp, from: string, to: string): Promise<string> {
  const days: string[] = [];
  for (let ahead = 3; ahead <= 28; ahead++) {
    const date = new Date(Date.now() + 8 * 3_600_000 + ahead * 86_400_000);
    if ([2, 3, 4].includes(date.getUTCDay())) days.push(date.toISOString().slice(0, 10));
  }
  for (const day of days) {
    const query = new URLSearchParams({
      from: `${day}T${from}:00+08:00`,
      to: `${day}T${to}:00+08:00`,
      pageSize: '100',
    });
    const response = await fetch(`${baseURL}/api/instruments/free?${query}`);
    if (!response.ok)
      throw new Error(`free instruments on ${day}: ${response.status} ${await response.text()}`);
    const { items } = (await response.json()) as { items: { title: string }[] };
    if (items.some((instrument) => title.test(instrument.title))) return day;
  }
  throw new Error(`no free ${from}–${to} for ${title} on any working day ahead`);
}
