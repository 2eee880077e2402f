// Matching in the browser: the college sees why it fits an enterprise's need and expresses interest with a
// proposal; the enterprise declines with a reason; the college finds the reason on its matches board.
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { baseURL, byTestId, expectText, expectVisible, logIn, openLogin, test } from '../support/browser';

const NEED = '五轴加工中心电主轴热误差建模与补偿';
const CAPABILITY = '精密制造与误差补偿研究团队';
const REASON = '今年预算已用完，明年再合作';

async function needId(): Promise<string> {
  const response = await fetch(`${baseURL}/api/search?type=need&q=${encodeURIComponent('电主轴热误差')}`);
  const body = (await response.json()) as { hits: { id: string; title: string }[] };
  const hit = body.hits.find((h) => h.title === NEED);
  if (!hit) throw new Error(`the demo need "${NEED}" is not searchable`);
  return hit.id;
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    baseURL,
  });
  const page = await context.newPage();
  await openLogin(page);
  await logIn(page, email);
  await expectVisible(page.locator('[data-testid^="home-"]'), 'the home page');
  return page;
}

const cardOf = (page: Page): Locator => byTestId(page, 'match-card').filter({ hasText: CAPABILITY });
const textArea = (page: Page, testId: string): Locator =>
  page.locator(`textarea[data-testid="${testId}"], [data-testid="${testId}"] textarea`).first();

describe('matching', () => {
  test('interest with a proposal, then a decline whose reason reaches the other side', async ({
    browser,
  }) => {
    const id = await needId();
    const college = await signedIn(browser, 'college@demo.cn');
    const enterprise = await signedIn(browser, 'enterprise@demo.cn');
    try {
      await college.goto(`/needs/${id}`);
      const card = cardOf(college);
      await expectVisible(card, 'the college team among the need’s matches');
      await expectText(card.locator('[data-testid="match-reasons"]'), /误差|补偿/);
      const before = await card.locator('[data-testid="match-stage"]').innerText();

      await card.locator('[data-testid="move-interested"]').click();
      await textArea(college, 'proposal-approach').fill(
        '用温度场测点优化与神经网络建立热误差模型，并嵌入数控系统补偿',
      );
      await byTestId(college, 'proposal-submit').click();
      await expect
        .poll(() => cardOf(college).locator('[data-testid="match-stage"]').innerText(), { timeout: 15_000 })
        .not.toBe(before);

      await enterprise.goto(`/needs/${id}`);
      const theirs = cardOf(enterprise);
      await expectVisible(theirs.locator('[data-testid="proposals"]'), 'the college’s proposal');
      await theirs.locator('[data-testid="move-declined"]').click();
      await textArea(enterprise, 'move-text').fill(REASON);
      await byTestId(enterprise, 'move-confirm').click();
      await expectVisible(cardOf(enterprise).locator('[data-testid="decline-reason"]'), 'the decline reason');

      await college.goto('/my/matches');
      await expectText(byTestId(college, 'decline-reason').filter({ hasText: REASON }), new RegExp(REASON));
    } finally {
      await college.context().close();
      await enterprise.context().close();
    }
  });
});
