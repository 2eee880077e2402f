// The account page: a reader picks their time zone from the runtime's whole list by typing part of its name, and
// the choice is kept (the digest and date filters count days in it).
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { byTestId, expectText, expectVisible, logIn, openLogin, test } from '../support/browser';

async function chooseZone(page: Page, typed: string, zone: string) {
  await byTestId(page, 'time-zone').click();
  await page.keyboard.type(typed);
  await page.getByRole('option', { name: zone, exact: true }).click();
  await expectText(byTestId(page, 'time-zone'), new RegExp(zone.replace('/', '\\/')));
}

describe('account', () => {
  test('a reader finds a time zone by typing, and it is still theirs after a reload', async ({ page }) => {
    await openLogin(page);
    // A member no other browser test signs in as, so no other test reads days in Berlin's calendar.
    await logIn(page, 'yuexi@demo.cn');
    await expectVisible(byTestId(page, 'nav-home'), 'the navigation');
    await page.goto('/account');
    await expectText(byTestId(page, 'time-zone'), /Asia\/Shanghai/);

    await chooseZone(page, 'Berlin', 'Europe/Berlin');
    await expectVisible(page.locator('.el-message--success'), 'the "time zone saved" message');
    await page.reload();
    await expectText(byTestId(page, 'time-zone'), /Europe\/Berlin/);

    await chooseZone(page, 'Shanghai', 'Asia/Shanghai');
    await page.reload();
    await expectText(byTestId(page, 'time-zone'), /Asia\/Shanghai/);
  });
});
