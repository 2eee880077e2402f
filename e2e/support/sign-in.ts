// Signing in through the login page, for scripts run outside the test runner (the benchmarks): browser.ts
// needs vitest's context.
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo-password';

/** Signs in as a demo user and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page
    .locator('[data-testid="login-email"] input, input[data-testid="login-email"]')
    .first()
    .fill(email);
  await page
    .locator('[data-testid="login-password"] input, input[data-testid="login-password"]')
    .first()
    .fill(password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.locator('[data-testid^="home-"]').first().waitFor({ timeout: 60_000 });
}
