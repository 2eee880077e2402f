// Importing needs from a spreadsheet as the enterprise: good rows land, bad rows come back explained in the
// reader's language.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import {
  byTestId,
  expectText,
  expectVisible,
  logIn,
  openLogin,
  screenshotsDir,
  test,
} from '../support/browser';

const CSV = [
  'title,description,fields,cooperation_types',
  '"导轨磨削烧伤在线检测","需要一种在磨削过程中识别导轨表面烧伤的方法，替代抽检后酸洗检验。",machinery,joint_rnd',
  '"短","太短",machinery,joint_rnd',
  '"齿轮箱异响诊断","装配线末端需要对齿轮箱异响进行自动判定，减少人工听检。",量子机械,joint_rnd',
].join('\n');

describe('import', () => {
  test('rejected rows are explained in Chinese, with the column and the limit', async ({ page }) => {
    await openLogin(page);
    await logIn(page, 'enterprise@demo.cn');
    await expectVisible(page.locator('[data-testid^="home-"]'), 'the home page');
    await page.goto('/my/needs');
    await byTestId(page, 'import').click();
    await expectVisible(byTestId(page, 'import-dialog'), 'the import dialog');
    await byTestId(page, 'import-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: 'needs.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await byTestId(page, 'import-start').click();
    const errors = byTestId(page, 'import-errors');
    await expectText(errors, /不能少于 4 个字符/);
    await expectText(errors, /“量子机械” 不是可识别的取值/);
    await expectText(byTestId(page, 'import-summary'), /1/);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: join(screenshotsDir, 'import-report-zh.png'), fullPage: true });
  });
});
