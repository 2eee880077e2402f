// Designations with evidence, as their users go through them: the enterprise claims a designation with its
// certificate number, issuing body, validity and a scanned certificate; a verifier (the coordinator in Chinese on a
// desktop, the provincial officer in English on a phone) opens the file and verifies the claim with a reason; it then
// counts — on the enterprise's profile and in the dashboard's breakdown by designation — and, running out within 30
// days, shows the expiry warning. Verifying an organisation asks what was checked and refuses without it. Each run
// claims a designation the enterprise does not hold yet: a platform reused through E2E_BASE_URL takes three runs.
// Every page is kept in e2e/screenshots/evidence/<screen>/; no console error and, on the phone, no sideways scroll.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { apiAs } from '../support/api';
import { byTestId, expectText, expectVisible, field, screenshotsDir, test } from '../support/browser';
import {
  DESKTOP_ZH,
  PHONE_EN,
  pickDate,
  cast,
  shotCounter,
  type Person,
  type Screen,
} from '../support/session';

/** Designations an enterprise may hold that the demo firm does not, with their names as the pages show them. */
const KINDS = {
  little_giant: { zh: '专精特新“小巨人”', en: 'Little giant' },
  invisible_champion: { zh: '隐形冠军', en: 'Invisible champion' },
  provincial_tech_centre: { zh: '省级企业技术中心', en: 'Provincial technology centre' },
};
type Kind = keyof typeof KINDS;
const CERTIFICATE = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** A date on China's calendar, `days` from today. */
const shanghaiDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** The enterprise's own organisation id and a kind it holds no live claim of. */
async function nextKind(): Promise<{ orgId: string; kind: Kind }> {
  const asEnterprise = await apiAs('enterprise@demo.cn');
  const me = await asEnterprise<{ organization: { id: string } }>('GET', '/me');
  const held = await asEnterprise<{ kind: string; status: string }[]>(
    'GET',
    `/orgs/${me.organization.id}/designations`,
  );
  const live = new Set(
    held.filter((d) => d.status !== 'rejected' && d.status !== 'expired').map((d) => d.kind),
  );
  const kind = (Object.keys(KINDS) as Kind[]).find((k) => !live.has(k));
  if (!kind) throw new Error('the demo enterprise already holds every designation this test claims');
  return { orgId: me.organization.id, kind };
}

/** The figure of one row of the dashboard's breakdown table (0 when the row is not there). */
async function breakdownFigure(page: Page, label: string): Promise<number> {
  const table = byTestId(page, 'chart-breakdown-rows');
  await expectVisible(table, 'the breakdown table');
  const row = table.locator('tbody tr').filter({ hasText: label });
  if ((await row.count()) === 0) return 0;
  return Number((await row.first().locator('td').nth(1).innerText()).replace(/[^\d.]/g, ''));
}

/** The officer's dashboard, needs posted broken down by designation, as a table. */
async function designationBreakdown(gov: Person, zh: boolean) {
  const page = gov.page;
  await gov.navigate('reports');
  await expectVisible(byTestId(page, 'breakdown-by'), 'the breakdown choices');
  await byTestId(page, 'breakdown-by')
    .locator('.el-radio-button')
    .filter({ hasText: zh ? '企业资质' : 'Designation' })
    .click();
  await expectText(byTestId(page, 'chart-breakdown').locator('.title'), zh ? /资质/ : /designation/i);
  await byTestId(page, 'chart-breakdown-table').click();
}

async function runEvidence(browser: Browser, screen: Screen, verifierEmail: string) {
  const zh = screen.locale === 'zh-CN';
  const save = shotCounter(join(screenshotsDir, 'evidence', screen.name));
  const run = Date.now().toString(36).toUpperCase();
  const certificateNo = `GR2026-${run}`;
  const fileName = zh ? `证书扫描件-${run}.pdf` : `certificate-scan-${run}.pdf`;
  const validUntil = shanghaiDay(20);
  const { orgId, kind } = await nextKind();
  const kindLabel = KINDS[kind][zh ? 'zh' : 'en'];
  const { person, expectTidy, closeAll } = cast(browser, screen, save);

  try {
    // The officer's breakdown before: needs posted by enterprises holding the designation.
    const gov = await person('gov@demo.cn');
    await designationBreakdown(gov, zh);
    const before = await breakdownFigure(gov.page, kindLabel);
    await gov.shot('breakdown-before');

    // The enterprise claims it, with its certificate.
    const enterprise = await person('enterprise@demo.cn');
    const page = enterprise.page;
    await page.goto(`/orgs/${orgId}?tab=designations`);
    await byTestId(page, 'claim-open').click();
    const dialog = byTestId(page, 'claim-dialog');
    await expectVisible(dialog, 'the claim dialog');
    await dialog.locator('.el-radio').filter({ hasText: kindLabel }).click();
    await field(page, 'claim-certificate').fill(certificateNo);
    await field(page, 'claim-issuer').fill(zh ? '浙江省经济和信息化厅' : 'Zhejiang Dept. of Economy and IT');
    await pickDate(page, 'claim-dialog', 'claim-from', shanghaiDay(-340));
    await pickDate(page, 'claim-dialog', 'claim-until', validUntil);
    await dialog.locator('input[data-testid="evidence-input"]').setInputFiles({
      name: fileName,
      mimeType: 'application/pdf',
      buffer: Buffer.from(CERTIFICATE),
    });
    await expectText(byTestId(page, 'evidence-chosen'), new RegExp(run));
    await enterprise.shot('claim');
    await byTestId(page, 'claim-submit').click();
    const claim = byTestId(page, 'designation').filter({ hasText: certificateNo });
    await expectText(claim.getByTestId('designation-status'), zh ? /待审核/ : /Pending/);
    await expectText(claim.getByTestId('evidence-files'), new RegExp(run));
    await expectText(claim.getByTestId('designation-counts'), zh ? /不计入/ : /Does not count/);
    await enterprise.shot('claimed');

    // The verifier opens the file, then verifies the claim: not without saying what was checked.
    const verifier = await person(verifierEmail);
    const desk = verifier.page;
    await verifier.navigate('designation-queue');
    const card = byTestId(desk, 'designation').filter({ hasText: certificateNo });
    await expectVisible(card, 'the claim in the queue');
    await expectText(card, zh ? /恒川数控/ : /Hengchuan/);
    await verifier.shot('queue');
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      card.getByTestId('evidence-open').click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(CERTIFICATE);
    await card.getByTestId('designation-verify').click();
    const decision = byTestId(desk, 'decision-dialog');
    await expectVisible(decision, 'the decision dialog');
    await byTestId(desk, 'decision-confirm').click();
    await expectVisible(decision.locator('.el-form-item__error'), 'the missing reason');
    await expect(card.count()).resolves.toBe(1);
    await verifier.shot('decision-needs-reason');
    await decision
      .locator('textarea')
      .first()
      .fill(zh ? '已在工信厅公示名单中核对证书编号' : 'Certificate number found in the published list');
    await byTestId(desk, 'decision-confirm').click();
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(0);
    await verifier.shot('queue-after');

    // It counts now, and it runs out within 30 days: the enterprise is told to renew it.
    await page.reload();
    await expectText(claim.getByTestId('designation-status'), zh ? /已认定/ : /Verified/);
    await expectText(claim.getByTestId('designation-counts'), zh ? /当前计入/ : /Counts today/);
    await expectText(claim.getByTestId('designation-expiring'), new RegExp(validUntil));
    await expectText(claim.getByTestId('designation-reason'), zh ? /公示名单/ : /published list/);
    await enterprise.shot('verified');
    await page.goto(`/orgs/${orgId}`);
    await expectVisible(
      page.locator('.org-page').getByText(kindLabel, { exact: true }),
      'the designation on the profile',
    );
    await enterprise.shot('profile');

    await gov.page.reload();
    await designationBreakdown(gov, zh);
    await expect
      .poll(() => breakdownFigure(gov.page, kindLabel), { timeout: 30_000 })
      .toBeGreaterThan(before);
    await gov.shot('breakdown-after');

    // Verifying an organisation (the unverified member firm) asks what was checked; so does withdrawing it.
    const coordinator =
      verifierEmail === 'coordinator@demo.cn' ? verifier : await person('coordinator@demo.cn');
    const firm = await (
      await apiAs('coordinator@demo.cn')
    )<{ items: { id: string; verified: boolean }[] }>('GET', `/orgs?q=${encodeURIComponent('越溪')}`);
    const yuexi = firm.items[0]!;
    await coordinator.page.goto(`/orgs/${yuexi.id}`);
    // Each decision, then its opposite: the firm ends as it started, for the tests after this one.
    const decisions = yuexi.verified ? ['org-unverify', 'org-verify'] : ['org-verify', 'org-unverify'];
    for (const [index, button] of decisions.entries()) {
      await byTestId(coordinator.page, button).click();
      const asking = byTestId(coordinator.page, 'verification-dialog');
      await expectVisible(asking, 'the verification dialog');
      await byTestId(coordinator.page, 'verification-confirm').click();
      await expectVisible(asking.locator('.el-form-item__error'), 'the missing reason');
      await coordinator.shot(`${button}-needs-reason`);
      await asking
        .locator('textarea')
        .first()
        .fill(zh ? '已核对营业执照与会员登记表' : 'Business licence checked against the membership form');
      await byTestId(coordinator.page, 'verification-confirm').click();
      await asking.waitFor({ state: 'hidden' });
      await expectVisible(byTestId(coordinator.page, decisions[1 - index]!), 'the opposite action');
    }
    await coordinator.shot('org-verification');

    await expectTidy();
  } finally {
    await closeAll();
  }
}

describe('designations with evidence', () => {
  test(
    'claimed, opened and verified by the coordinator, in Chinese on a desktop',
    { timeout: 180_000 },
    async ({ browser }) => {
      await runEvidence(browser, DESKTOP_ZH, 'coordinator@demo.cn');
    },
  );

  test(
    'claimed, opened and verified by the officer, in English on a phone',
    { timeout: 180_000 },
    async ({ browser }) => {
      await runEvidence(browser, PHONE_EN, 'gov@demo.cn');
    },
  );
});
