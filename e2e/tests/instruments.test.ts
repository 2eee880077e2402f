// Shared instruments end to end: the college lists an instrument with fees and rules, an enterprise finds it by what
// it measures, books a slot and sees the fee; the college approves it; a second, overlapping request cannot be
// approved (409 naming the clash); the hours used appear in the usage figures.
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  baseURL,
  byTestId,
  DEMO_PASSWORD,
  expectText,
  expectVisible,
  field,
  logIn,
  openLogin,
  screenshotsDir,
  test,
} from '../support/browser';

const TITLE = '白光干涉三维形貌仪 White-light interferometer';
const MEASURES = '表面粗糙度、三维形貌、台阶高度';
/** Tells this run's requests apart from earlier runs' on a reused server (E2E_BASE_URL). */
const RUN = Date.now().toString(36);
const FIRST_PURPOSE = `主轴端面磨削表面粗糙度评价 ${RUN}`;
const SECOND_PURPOSE = `轴承滚道粗糙度 ${RUN}`;

async function apiLogin(email: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return (await response.json()).accessToken as string;
}

async function apiCall(token: string, method: string, path: string, body?: object) {
  const response = await fetch(`${baseURL}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}

/** A Tuesday to Thursday a few days ahead, as a Shanghai date (YYYY-MM-DD). */
function workingDayAhead(): string {
  for (let days = 3; ; days++) {
    const date = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
    if ([2, 3, 4].includes(date.getUTCDay())) return date.toISOString().slice(0, 10);
  }
}
/** How far the page's content runs past its own width (the shell's side navigation is not ours to judge). */
const contentOverflow = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('.el-main') ?? document.documentElement;
    return main.scrollWidth - main.clientWidth;
  });
const at = (date: string, clock: string) => new Date(`${date}T${clock}:00+08:00`).toISOString();

async function signedIn(browser: Browser, email: string, width = 1440): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 }, baseURL });
  const page = await context.newPage();
  await openLogin(page);
  await logIn(page, email);
  // On a phone the navigation sits in a drawer: wait for the home page instead.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await expectVisible(page.locator('main, .el-main').first(), 'the signed-in page');
  return page;
}

async function pickDateTime(page: Page, testId: string, value: string) {
  const input = field(page, testId);
  await input.fill(value);
  await input.press('Enter');
  // Closes the picker's panel without touching the dialog.
  await byTestId(page, 'booking-dialog').locator('.el-dialog__title').click();
}

describe('shared instruments', () => {
  test('listed by the college, found and booked by an enterprise, approved once, counted in usage', async ({
    page,
    browser,
  }) => {
    const collegeToken = await apiLogin('college@demo.cn');
    const created = await apiCall(collegeToken, 'POST', '/capabilities', {
      kind: 'instrument',
      title: TITLE,
      description: '非接触式白光干涉表面形貌测量，用于精密加工表面质量评价。Non-contact surface metrology.',
      fields: ['machinery.precision_machining'],
      cooperationTypes: ['instrument_sharing', 'testing_analysis'],
    });
    expect(created.status).toBe(201);
    const instrumentId = created.body.id as string;
    if (created.body.status === 'draft') {
      await apiCall(collegeToken, 'POST', `/capabilities/${instrumentId}/transitions`, { action: 'submit' });
    }

    // The college gives it a booking profile: what it measures, fees, rules.
    await openLogin(page);
    await logIn(page, 'college@demo.cn');
    await expectVisible(byTestId(page, 'nav-instruments'), 'the Instruments navigation entry');
    await page.goto(`/capabilities/${instrumentId}`);
    await byTestId(page, 'edit-instrument-profile').click();
    await expectVisible(byTestId(page, 'profile-form'), 'the booking profile form');
    await field(page, 'profile-model').fill('NewView 9000');
    await field(page, 'profile-maker').fill('Zygo');
    await field(page, 'profile-location').fill('浙东理工大学 精密测量实验室 B203');
    await field(page, 'profile-measures-zh').fill(MEASURES);
    await field(page, 'profile-measures-en').fill('surface roughness, 3D topography, step height');
    await field(page, 'fee-member-input').fill('280');
    await field(page, 'fee-outside').fill('420');
    await byTestId(page, 'profile-save').click();
    await expectText(byTestId(page, 'instrument-title'), /白光干涉/);
    await expectText(byTestId(page, 'fee-member'), /280/);

    // The enterprise finds it by what it measures and books a slot, seeing the fee first.
    const enterprise = await signedIn(browser, 'enterprise@demo.cn');
    try {
      await expectVisible(byTestId(enterprise, 'nav-instruments'), 'the Instruments navigation entry');
      await byTestId(enterprise, 'nav-instruments').click();
      await field(enterprise, 'instrument-search').fill('粗糙度');
      // The search settles into the address before a card is picked.
      await enterprise.waitForURL(/q=/);
      await enterprise
        .locator(`[data-testid="instrument-card"][href="/instruments/${instrumentId}"]`)
        .click();
      await expectVisible(enterprise.locator('.fc-timegrid'), 'the week calendar');
      await enterprise.screenshot({
        path: join(screenshotsDir, 'instrument-detail-1440.png'),
        fullPage: true,
      });
      const day = workingDayAhead();
      await byTestId(enterprise, 'book-slot').click();
      await expectVisible(byTestId(enterprise, 'booking-dialog'), 'the booking dialog');
      await pickDateTime(enterprise, 'booking-start', `${day} 09:00`);
      await pickDateTime(enterprise, 'booking-end', `${day} 11:00`);
      await field(enterprise, 'booking-purpose').fill(FIRST_PURPOSE);
      await field(enterprise, 'booking-sample').fill('磨削试块 3 件');
      // Member rate: 2 h × ¥280.
      await expectText(byTestId(enterprise, 'booking-fee'), /560/);
      await enterprise.screenshot({
        path: join(screenshotsDir, 'instrument-booking-1440.png'),
        fullPage: true,
      });
      await byTestId(enterprise, 'booking-send').click();
      await expectVisible(enterprise.locator('.el-message--success'), 'the confirmation');
      await byTestId(enterprise, 'nav-my-bookings').click();
      await expectText(byTestId(enterprise, 'booking-list'), /白光干涉[\s\S]*待审批/);

      // Another member firm asks for an overlapping slot (requests may overlap; approvals may not).
      const ouyueToken = await apiLogin('ouyue@demo.cn');
      const second = await apiCall(ouyueToken, 'POST', `/instruments/${instrumentId}/bookings`, {
        startsAt: at(day, '10:00'),
        endsAt: at(day, '12:00'),
        purpose: SECOND_PURPOSE,
        sample: '套圈 2 件',
      });
      expect(second.status).toBe(201);

      // The college approves the enterprise's request; the overlapping one is refused, naming the clash.
      await byTestId(page, 'nav-booking-requests').click();
      const firstRow = page.locator('[data-testid="booking-list"] .booking-row', {
        hasText: FIRST_PURPOSE,
      });
      await firstRow.getByTestId('booking-approve').click();
      await expectText(firstRow.getByTestId('booking-status'), /已批准/);
      const secondRow = page.locator('[data-testid="booking-list"] .booking-row', {
        hasText: SECOND_PURPOSE,
      });
      await secondRow.getByTestId('booking-approve').click();
      await expectText(page.locator('.el-message--error'), /重叠/);
      await page.screenshot({ path: join(screenshotsDir, 'instrument-requests-1440.png'), fullPage: true });

      const requests = await apiCall(collegeToken, 'GET', `/instruments/${instrumentId}/bookings`);
      const approved = requests.body.items.find((b: { status: string }) => b.status === 'approved');
      const refused = await apiCall(collegeToken, 'POST', `/bookings/${second.body.id}/transitions`, {
        action: 'approve',
        version: second.body.version,
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('booking_clash');
      expect(refused.body.error.details[0].clash.id).toBe(approved.id);
      expect(refused.body.error.message).toContain(approved.id);

      // Use is recorded (actual start and end) and shows in the sharing figures.
      const started = await apiCall(collegeToken, 'POST', `/bookings/${approved.id}/transitions`, {
        action: 'start',
        version: approved.version,
        at: at(day, '09:00'),
      });
      const completed = await apiCall(collegeToken, 'POST', `/bookings/${approved.id}/transitions`, {
        action: 'complete',
        version: started.body.version,
        at: at(day, '11:00'),
      });
      expect(completed.body).toMatchObject({ status: 'completed', feeYuan: 560 });
      await byTestId(page, 'nav-instrument-usage').click();
      const row = page.locator('[data-testid="usage-table"] .el-table__row', { hasText: '白光干涉' });
      await expectText(row, /白光干涉[\s\S]*2[\s\S]*2[\s\S]*100%[\s\S]*560/);
      await expectVisible(page.locator('[data-testid="usage-chart"] svg'), 'the usage chart');
      await page.screenshot({ path: join(screenshotsDir, 'instrument-usage-1440.png'), fullPage: true });
    } catch (error) {
      await enterprise.screenshot({
        path: join(screenshotsDir, 'FAILED-instruments-enterprise.png'),
        fullPage: true,
      });
      throw error;
    } finally {
      await enterprise.context().close();
    }
  });

  test('works on a 390 px phone: catalogue, a day calendar and the usage report without sideways scrolling', async ({
    browser,
  }) => {
    const phone = await signedIn(browser, 'enterprise@demo.cn', 390);
    try {
      await phone.goto('/instruments');
      await expectVisible(byTestId(phone, 'instrument-card'), 'an instrument card');
      await phone.screenshot({ path: join(screenshotsDir, 'instrument-list-390.png'), fullPage: true });
      await byTestId(phone, 'instrument-card').first().click();
      await expectVisible(phone.locator('.fc-timeGridDay-view'), 'the day calendar');
      await phone.screenshot({ path: join(screenshotsDir, 'instrument-detail-390.png'), fullPage: true });
      expect(await contentOverflow(phone)).toBeLessThanOrEqual(0);
      await phone.goto('/bookings');
      // Cards on a phone: each booking's status and moves in view, not off to the right of a table.
      const card = byTestId(phone, 'booking-list').locator('.list-card').first();
      await expectVisible(card.getByTestId('booking-status'), 'a booking card with its status');
      expect(await contentOverflow(phone)).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: join(screenshotsDir, 'instrument-bookings-390.png'), fullPage: true });
    } finally {
      await phone.context().close();
    }
    const college = await signedIn(browser, 'college@demo.cn', 390);
    try {
      await college.goto('/instruments/usage');
      await expectVisible(byTestId(college, 'usage-table'), 'the usage table');
      await college.screenshot({ path: join(screenshotsDir, 'instrument-usage-390.png'), fullPage: true });
      expect(await contentOverflow(college)).toBeLessThanOrEqual(0);
    } finally {
      await college.context().close();
    }
  });
});
