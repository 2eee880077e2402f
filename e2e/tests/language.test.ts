// The language switch (中文 / English) changes what the user reads and is remembered across reloads.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { byTestId, expectText, expectVisible, logIn, openLogin, test } from '../support/browser';

async function choose(page: Page, language: '中文' | 'English') {
  const option = byTestId(page, 'lang-switch').getByText(language, { exact: true });
  await expectVisible(option, `the "${language}" option of the language switch`);
  await option.click();
}

describe('language switch', () => {
  test('on the login page it switches between 中文 and English and survives a reload', async ({ page }) => {
    await openLogin(page);
    const heading = page.locator('h1');
    const submit = byTestId(page, 'login-submit');
    await expectText(heading, /登录/);
    await expectText(submit, /登录/);

    await choose(page, 'English');
    await expectText(heading, /^Sign in$/);
    await expectText(submit, /Sign in/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await expectVisible(submit, 'the login button after a reload');
    await expectText(heading, /^Sign in$/);
    await expectText(submit, /Sign in/);

    await choose(page, '中文');
    await expectText(heading, /登录/);
    await page.reload();
    await expectVisible(submit, 'the login button after a reload');
    await expectText(heading, /登录/);
    await expectText(submit, /登录/);
  });

  test('inside the app it switches the navigation and survives a reload', async ({ page }) => {
    await openLogin(page);
    await logIn(page, 'college@demo.cn');
    await expectVisible(byTestId(page, 'home-college'), 'the college home');
    const homeLink = byTestId(page, 'nav-home');
    await expectText(homeLink, /首页/);

    await choose(page, 'English');
    await expectText(homeLink, /Home/);
    await page.reload();
    await expectVisible(byTestId(page, 'home-college'), 'the college home after a reload');
    await expectText(homeLink, /Home/);

    await choose(page, '中文');
    await expectText(homeLink, /首页/);
  });
});
