// The provincial officer's dashboard: funnel, targets with progress, trends, in Chinese and English; the demo
// agreement readable but not editable; the PDF report downloads. Screenshots at 1440 and 390 px.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  byTestId,
  expectText,
  expectVisible,
  logIn,
  openLogin,
  screenshotsDir,
  test,
} from '../support/browser';

async function openDashboard(page: Page) {
  await openLogin(page);
  await logIn(page, 'gov@demo.cn');
  await expectVisible(byTestId(page, 'home-government'), 'the government home');
  await expectVisible(byTestId(page, 'report-highlights'), 'the figures on the home');
  await page.goto('/reports');
  await expectVisible(byTestId(page, 'kpi-agreements_signed'), 'the agreements tile');
}

async function chooseLanguage(page: Page, language: '中文' | 'English') {
  const option = byTestId(page, 'lang-switch').getByText(language, { exact: true });
  await expectVisible(option, `the "${language}" option`);
  await option.click();
}

describe('government dashboard', () => {
  test('shows the funnel, targets with progress and the trend, in Chinese and English', async ({ page }) => {
    await openDashboard(page);
    await expectText(page.locator('h1'), /区域产学研合作看板/);
    await expectText(byTestId(page, 'target-agreements_signed'), /目标 .* 全年已过 \d+%/);
    await expectVisible(byTestId(page, 'chart-funnel').locator('svg'), 'the funnel chart');
    await expectVisible(byTestId(page, 'chart-trend').locator('svg'), 'the trend chart');
    await byTestId(page, 'chart-funnel-table').click();
    await expectText(byTestId(page, 'chart-funnel'), /发布需求[\s\S]*签约/);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(screenshotsDir, 'reports-1440-zh.png'), fullPage: true });

    await chooseLanguage(page, 'English');
    await expectText(page.locator('h1'), /Regional cooperation dashboard/);
    await expectText(byTestId(page, 'target-agreements_signed'), /Target .* of the year gone/);
    await expectText(byTestId(page, 'chart-funnel'), /Needs posted[\s\S]*Agreement signed/);
    await page.screenshot({ path: join(screenshotsDir, 'reports-1440-en.png'), fullPage: true });

    // A phone opens the page at its own width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectVisible(byTestId(page, 'kpi-agreements_signed'), 'the agreements tile');
    await expectVisible(byTestId(page, 'chart-trend').locator('svg'), 'the trend chart');
    await page.screenshot({ path: join(screenshotsDir, 'reports-390-en.png'), fullPage: true });
    // The app shell has no phone layout yet (its side navigation stays open); the dashboard itself must fit
    // the width it is given, with no part of it sticking out sideways.
    const sticking = await byTestId(page, 'report-dashboard').evaluate((dashboard) => {
      const right = dashboard.getBoundingClientRect().right + 1;
      return (
        Array.from(dashboard.querySelectorAll<HTMLElement>('*'))
          .filter((el) => el.getBoundingClientRect().right > right && el.getClientRects().length > 0)
          // Inside a chart's SVG or a table's own scroller, drawing is clipped to the box.
          .filter(
            (el) => !el.closest('svg *, .el-table__body-wrapper, .el-table__header-wrapper, .el-scrollbar'),
          )
          .slice(0, 5)
          .map((el) => `${el.tagName}.${el.className}`)
      );
    });
    expect(sticking).toEqual([]);
  });

  test('colours the province’s cities on a map with their figures beside it, and drills from a city', async ({
    page,
  }) => {
    await openDashboard(page);
    const map = byTestId(page, 'chart-map');
    await map.scrollIntoViewIfNeeded();
    await expectText(byTestId(page, 'chart-map-rows'), /杭州市[\s\S]*宁波市/);
    // One filled outline a city at least (some cities are several islands).
    await expect
      .poll(() => map.locator('.chart svg path[fill]').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(11);
    await map.locator('.chart svg path[fill]').nth(2).click({ force: true });
    await expectVisible(byTestId(page, 'drill-rows'), 'the rows behind the city');
    await expectText(byTestId(page, 'drill-dialog'), /发布需求 · .*市/);
  });

  test('drills from a figure to the rows behind it, and downloads the PDF report', async ({ page }) => {
    await openDashboard(page);
    await byTestId(page, 'kpi-agreements_signed').click();
    await expectVisible(byTestId(page, 'drill-rows'), 'the rows behind the figure');
    await expectText(byTestId(page, 'drill-dialog'), /协议/);
    await page.keyboard.press('Escape');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId(page, 'report-pdf').click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('reads the demo agreement and its projects without any edit action', async ({ page }) => {
    await openLogin(page);
    await logIn(page, 'gov@demo.cn');
    await expectVisible(byTestId(page, 'home-government'), 'the government home');
    await page.goto('/agreements');
    const demo = page.getByText('数控装备产教融合三方合作框架协议', { exact: false }).first();
    await expectVisible(demo, 'the demo agreement in the list');
    await demo.click();
    await expectText(page.locator('body'), /共建机械分析测试中心/);
    await expectText(page.locator('body'), /您可以查看本协议，但不能修改/);
    expect(await byTestId(page, 'agreement-edit').count()).toBe(0);
    expect(await page.locator('.el-tabs button.el-button--primary').count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectText(page.locator('body'), /共建机械分析测试中心/);
    await page.screenshot({ path: join(screenshotsDir, 'reports-agreement-390.png'), fullPage: true });
  });
});
