// Search as a visitor types it: a typo in English, part of a Chinese word, a facet, and the server's visibility.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { byTestId, expectText, expectVisible, field, test } from '../support/browser';

const hitTitles = (page: Page) => byTestId(page, 'search-hit').locator('.title').allInnerTexts();

async function searchFor(page: Page, side: 'needs' | 'capabilities', words: string) {
  await page.goto(`/search/${side}`);
  await field(page, 'search-input').fill(words);
}

describe('search', () => {
  test('finds a Chinese lab from an English query with a typo', async ({ page }) => {
    await searchFor(page, 'capabilities', 'hydralic');
    await expectText(byTestId(page, 'search-hit').first(), /液压元件可靠性与摩擦学实验室/);
  });

  test('finds a need from part of a Chinese word, and narrows it with a facet', async ({ page }) => {
    await searchFor(page, 'needs', '热误');
    await expectText(byTestId(page, 'search-hit').first(), /五轴加工中心电主轴热误差建模与补偿/);
    await expectText(byTestId(page, 'search-hit').first().locator('mark').first(), /热误/);
    await byTestId(page, 'facet-fields-machinery').first().click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('fields'), { timeout: 15_000 })
      .toContain('machinery');
    await expectText(byTestId(page, 'search-hit').first(), /五轴加工中心电主轴热误差建模与补偿/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('热误');
  });

  test('keeps members-only and confidential needs from visitors who are not logged in', async ({ page }) => {
    await searchFor(page, 'needs', 'valve');
    await expectVisible(byTestId(page, 'search-results'), 'the results');
    await expect
      .poll(() => page.locator('[data-testid="search-empty"], [data-testid="search-hit"]').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const titles = await hitTitles(page);
    expect(titles.join('\n')).not.toMatch(/proportional hydraulic valves|电液伺服阀/);
  });
});
