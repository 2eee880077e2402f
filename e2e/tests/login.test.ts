// Signing in and out with each demo role, and what a wrong password looks like.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import {
  byTestId,
  expectText,
  expectVisible,
  field,
  logIn,
  openLogin,
  screenshotsDir,
  test,
} from '../support/browser';

const ROLES = [
  { email: 'admin@demo.cn', home: 'home-admin' },
  { email: 'coordinator@demo.cn', home: 'home-coordinator' },
  { email: 'enterprise@demo.cn', home: 'home-enterprise' },
  { email: 'college@demo.cn', home: 'home-college' },
  { email: 'gov@demo.cn', home: 'home-government' },
] as const;

function pathOf(url: string): string {
  return new URL(url).pathname;
}

describe('login page', () => {
  test('a visitor who opens the platform is sent to the login page', async ({ page }) => {
    await page.goto('/');
    await expectVisible(byTestId(page, 'login-submit'), 'the login button');
    expect(pathOf(page.url())).toBe('/login');
    await expectVisible(field(page, 'login-email'), 'the email field');
    await expectVisible(field(page, 'login-password'), 'the password field');
    await expectText(page.locator('h1'), /登录/);
    expect(await page.title()).not.toBe('');
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: join(screenshotsDir, 'login.png'), fullPage: true });
  });

  test('a wrong password shows an error on the page and keeps the form', async ({ page }) => {
    const crashes: string[] = [];
    page.on('pageerror', (error) => crashes.push(error.message));
    await openLogin(page);
    await logIn(page, 'admin@demo.cn', 'not-the-demo-password');

    const error = byTestId(page, 'login-error');
    await expectVisible(error, 'the login error message');
    await expectText(error, /邮箱或密码|密码不正确|wrong email or password/i);
    expect(pathOf(page.url())).toBe('/login');
    await expectVisible(byTestId(page, 'login-submit'), 'the login button');
    expect(await field(page, 'login-email').inputValue()).toBe('admin@demo.cn');
    expect(await byTestId(page, 'home-admin').count()).toBe(0);
    expect(crashes).toEqual([]);
  });
});

describe.each(ROLES)('$email', ({ email, home }) => {
  test(`signs in to ${home}, then signs out`, async ({ page }) => {
    await openLogin(page);
    await logIn(page, email);

    await expectVisible(byTestId(page, home), `[data-testid="${home}"]`);
    expect(pathOf(page.url())).not.toBe('/login');
    await expectVisible(byTestId(page, 'user-menu'), 'the account menu');
    await page.screenshot({ path: join(screenshotsDir, `${home}.png`), fullPage: true });

    // Still signed in after a reload (the refresh cookie restores the session).
    await page.reload();
    await expectVisible(byTestId(page, home), `[data-testid="${home}"] after a reload`);

    await byTestId(page, 'user-menu').click();
    await expectVisible(byTestId(page, 'logout'), 'the sign-out menu item');
    await byTestId(page, 'logout').click();

    await expectVisible(byTestId(page, 'login-submit'), 'the login page after signing out');
    expect(pathOf(page.url())).toBe('/login');
    expect(await byTestId(page, home).count()).toBe(0);

    // Signed out for real: a reload does not bring the session back.
    await page.reload();
    await expectVisible(byTestId(page, 'login-submit'), 'the login page after signing out and reloading');
    expect(pathOf(page.url())).toBe('/login');
  });
});
