// A docking meeting in the browser, as the association's coordinator: create it, invite five member enterprises and
// a college, collect requests, schedule without a clash, record outcomes, sign five framework agreements in one
// action; then each enterprise finds its agreement. The parties' own answers (accepting requests, outcomes) go
// through the API as those parties.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  baseURL,
  byTestId,
  selectOption,
  expectText,
  expectVisible,
  field,
  logIn,
  openLogin,
  screenshotsDir,
  test,
} from '../support/browser';
import { apiAs } from '../support/api';

const TITLE = '浙东机械装备产学研对接会 E2E';
const FIRMS = ['恒川数控', '瓯越', '明湖', '越溪', '钱塘精密'];
const COLLEGE = '浙东理工大学';

async function signedIn(browser: Browser, email: string, width = 1440): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 }, baseURL });
  const page = await context.newPage();
  await openLogin(page);
  await logIn(page, email);
  await expectVisible(page.locator('[data-testid^="home-"]'), 'the home page');
  return page;
}

describe('docking meeting', () => {
  test('from invitation to five framework agreements signed in one action', async ({ browser }) => {
    const page = await signedIn(browser, 'coordinator@demo.cn');
    try {
      await byTestId(page, 'nav-meetings').click();
      await byTestId(page, 'meeting-create').click();
      await field(page, 'meeting-title-zh').fill(TITLE);
      await field(page, 'meeting-title-en').fill('East Zhejiang machinery docking meeting (e2e)');
      await field(page, 'meeting-date').fill('2027-05-20');
      await field(page, 'meeting-deadline').fill('2027-05-10');
      await field(page, 'meeting-venue').fill('浙东理工大学学术交流中心');
      await byTestId(page, 'meeting-form-submit').click();
      await expectText(byTestId(page, 'meeting-title'), new RegExp(TITLE));

      // Invite five member enterprises and the college.
      // One click opens the remote search; each name is typed over the last query and picked.
      await byTestId(page, 'invite-select').click();
      for (const name of [...FIRMS, COLLEGE]) {
        await page.keyboard.press('Control+A');
        await page.keyboard.type(name);
        await (await selectOption(page, 'invite-select', name)).click();
      }
      await page.keyboard.press('Escape');
      await byTestId(page, 'invite-submit').click();
      await expect.poll(() => byTestId(page, 'participant-row').count(), { timeout: 30_000 }).toBe(6);
      await byTestId(page, 'meeting-action-open').click();
      for (let i = 0; i < 6; i++) {
        await byTestId(page, 'participant-accept').first().click();
        await expect
          .poll(() => byTestId(page, 'participant-accept').count(), { timeout: 30_000 })
          .toBe(5 - i);
      }

      // Each enterprise asks the college for a meeting (through the coordinator's request form); the college accepts.
      await page.getByRole('tab', { name: '对接请求' }).click();
      for (const firm of FIRMS) {
        await byTestId(page, 'request-from').click();
        await (await selectOption(page, 'request-from', firm)).click();
        await byTestId(page, 'request-to').click();
        await (await selectOption(page, 'request-to', COLLEGE)).click();
        await field(page, 'request-purpose').fill(`${firm}与${COLLEGE}洽谈共建实训基地`);
        await byTestId(page, 'request-send').click();
        await expectText(byTestId(page, 'request-list'), new RegExp(`${firm}[\\s\\S]*共建实训基地`));
      }
      const meetingId = new URL(page.url()).pathname.split('/').pop()!;
      const college = await apiAs('college@demo.cn');
      const { items } = await college<{ items: { id: string }[] }>('GET', `/meetings/${meetingId}/requests`);
      expect(items).toHaveLength(5);
      for (const r of items)
        await college('POST', `/meetings/${meetingId}/requests/${r.id}/answer`, { answer: 'accepted' });

      // Schedule: the college meets everyone, so five different slots.
      await page.reload();
      await byTestId(page, 'meeting-action-start_scheduling').click();
      await page.getByRole('tab', { name: '日程排布' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('schedule');
      await byTestId(page, 'schedule-run').click();
      await expectText(byTestId(page, 'schedule-result'), /已排 5 场；0 场未能安排/);
      await expect.poll(() => byTestId(page, 'schedule-chip').count()).toBe(5);
      const slots = await page
        .locator('[data-testid^="cell-"]:has([data-testid="schedule-chip"])')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-testid')!.split('-')[1]));
      expect(new Set(slots).size).toBe(5);
      await page.screenshot({ path: join(screenshotsDir, 'meeting-schedule-1440.png'), fullPage: true });

      // The same meeting on a phone, opened by a link to its schedule tab: one slot at a time, "Move to…" per
      // meeting instead of dragging, and the page does not scroll sideways.
      const phone = await signedIn(browser, 'coordinator@demo.cn', 390);
      await phone.goto(`/meetings/${meetingId}?tab=schedule`);
      await expectVisible(byTestId(phone, 'slot-picker'), 'the slot picker');
      await byTestId(phone, 'slot-picker').click();
      const { slotStarts } = await college<{ slotStarts: string[] }>('GET', `/meetings/${meetingId}`);
      const first = Number(slots[0]);
      await (await selectOption(phone, 'slot-picker', slotStarts[first]!)).click();
      await expect.poll(() => byTestId(phone, 'schedule-chip').count()).toBe(1);
      // Move it to a free slot: the first one with no meeting of the college.
      const free = slotStarts.findIndex((_, i) => !slots.includes(String(i)));
      await byTestId(phone, 'move-to').click();
      await (await selectOption(phone, 'move-to', `${slotStarts[free]} · 1 号桌`)).click();
      await expect.poll(() => byTestId(phone, 'schedule-chip').count()).toBe(0);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: join(screenshotsDir, 'meeting-schedule-390.png'), fullPage: true });
      await phone.context().close();

      // The day: every meeting held; the college records its outcomes.
      await byTestId(page, 'meeting-action-publish').click();
      await page.getByRole('tab', { name: '会议当天' }).click();
      for (let i = 0; i < 5; i++) await byTestId(page, 'mark-held').nth(i).click();
      await expect
        .poll(() => page.locator('[data-testid="day-row"]:has-text("已举行")').count(), { timeout: 30_000 })
        .toBe(5);
      await byTestId(page, 'meeting-action-hold').click();
      await expectText(byTestId(page, 'meeting-status'), /已举办/);
      for (const r of items) {
        await college('POST', `/meetings/${meetingId}/requests/${r.id}/outcomes`, {
          outcome: 'agreement_reached',
        });
      }

      // Signing: five framework agreements in one action.
      await page.reload();
      await page.getByRole('tab', { name: '集中签约' }).click();
      const parties = byTestId(page, 'signing-party');
      await expect.poll(() => parties.count()).toBe(5);
      for (let i = 0; i < 5; i++) await parties.nth(i).click();
      const names = byTestId(page, 'signatory-name');
      await expect.poll(() => names.count()).toBe(6);
      const inputs = page.locator(
        '[data-testid="signatory-name"] input, input[data-testid="signatory-name"]',
      );
      for (let i = 0; i < 6; i++) await inputs.nth(i).fill(`签约代表 ${i + 1}`);
      await byTestId(page, 'signing-submit').click();
      await expect.poll(() => byTestId(page, 'signed-agreement-link').count(), { timeout: 30_000 }).toBe(5);
      await page.screenshot({ path: join(screenshotsDir, 'meeting-signing-1440.png'), fullPage: true });

      // Each enterprise finds its agreement with the college, with its project list.
      const enterprise = await signedIn(browser, 'enterprise@demo.cn');
      await byTestId(enterprise, 'nav-agreements').click();
      await expectVisible(
        byTestId(enterprise, 'agreement-link')
          .filter({ hasText: '恒川数控机床有限公司' })
          .filter({ hasText: COLLEGE }),
        'the new agreement',
      );
      await enterprise.context().close();
    } finally {
      await page.context().close();
    }
  });
});
