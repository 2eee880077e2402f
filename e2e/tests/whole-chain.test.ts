// The whole chain through the UI, as its users go through it, on the demo data: an enterprise posts a need in
// Chinese, a college publishes a capability, the match shows with its reasons, the enterprise shows interest, the
// coordinator introduces them, a small docking meeting is held and one three-party agreement (the college and two
// enterprises) is signed there in one action, a checklist item of the demo three-party agreement is ticked and seen
// live by another party, an instrument booking is requested and approved, and the government dashboard counts the
// new need. The parties' own answers inside the meeting (accepting the request, the outcome) go through the API as
// those parties, as in meetings.test.ts. Twice: in Chinese on a desktop, and in English on a phone (navigation
// through the drawer). Every page visited is kept in e2e/screenshots/whole-chain/<run>/; no console error allowed.
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  byTestId,
  selectOption,
  expectText,
  expectVisible,
  field,
  screenshotsDir,
  test,
} from '../support/browser';
import { apiAs } from '../support/api';
import {
  DESKTOP_ZH,
  PHONE_EN,
  pickDate,
  cast,
  shotCounter,
  freeWorkingDay,
  type Person,
  type Screen,
} from '../support/session';

const AGREEMENT = /数控装备产教融合三方合作框架协议/;
const PROJECT = /数控技师联合培养/;
const ITEM = '首期 40 名学员开班';
const INSTRUMENT = /三坐标测量机/;

const textArea = (page: Page, testId: string): Locator =>
  page.locator(`textarea[data-testid="${testId}"], [data-testid="${testId}"] textarea`).first();

/** The figure on a dashboard tile, as a number. */
async function tileValue(page: Page, indicator: string): Promise<number> {
  const value = byTestId(page, `kpi-${indicator}`).locator('.value');
  await expectVisible(value, `the ${indicator} tile`);
  return Number((await value.innerText()).replace(/[^\d.]/g, ''));
}

/** Chooses a technical field in the listing form's tree select by its label in the page's language. */
async function chooseField(page: Page, label: string): Promise<void> {
  await page.locator('.el-select[data-testid="field-select"]').click();
  await page.keyboard.type(label);
  await page.locator('.el-tree-node__content:visible').filter({ hasText: label }).first().click();
  await page.keyboard.press('Escape');
}

async function fillListing(page: Page, title: string, description: string, fieldLabel: string) {
  await expectVisible(byTestId(page, 'listing-form'), 'the listing form');
  await field(page, 'listing-title').fill(title);
  await textArea(page, 'listing-description').fill(description);
  await chooseField(page, fieldLabel);
}

const option = (page: Page, text: string) =>
  page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first();

/** Picks an option of one Element Plus select: its own list (by aria-controls), not another still closing. */
async function choose(page: Page, testId: string, text: string) {
  const select = byTestId(page, testId);
  await select.click();
  await (await selectOption(page, testId, text)).click();
}

async function dockingMeeting(coordinator: Person, run: string, zh: boolean) {
  const page = coordinator.page;
  const firm = zh ? '恒川数控' : 'Hengchuan';
  const college = zh ? '浙东理工大学' : 'East Zhejiang University';
  const second = zh ? '瓯越精密' : 'Ouyue Precision';
  const tab = (zhName: string, enName: string) => page.getByRole('tab', { name: zh ? zhName : enName });
  await coordinator.navigate('meetings');
  await byTestId(page, 'meeting-create').click();
  await field(page, 'meeting-title-zh').fill(`风电齿轮产学研对接会 ${run}`);
  await field(page, 'meeting-title-en').fill(`Wind gear docking meeting ${run}`);
  await field(page, 'meeting-date').fill('2027-06-15');
  await field(page, 'meeting-deadline').fill('2027-06-05');
  await field(page, 'meeting-venue').fill('浙东理工大学学术交流中心');
  await coordinator.shot('meeting-form');
  await byTestId(page, 'meeting-form-submit').click();
  await expectText(byTestId(page, 'meeting-title'), /风电齿轮产学研对接会|Wind gear docking/);

  const invite = byTestId(page, 'invite-select');
  await invite.click();
  for (const name of [firm, second, college]) {
    await invite.locator('input').fill(name);
    await option(page, name).click();
  }
  await page.keyboard.press('Escape');
  await byTestId(page, 'invite-submit').click();
  await expect.poll(() => byTestId(page, 'participant-row').count(), { timeout: 30_000 }).toBe(3);
  await byTestId(page, 'meeting-action-open').click();
  for (let left = 2; left >= 0; left--) {
    await byTestId(page, 'participant-accept').first().click();
    await expect.poll(() => byTestId(page, 'participant-accept').count(), { timeout: 30_000 }).toBe(left);
  }
  await coordinator.shot('meeting-participants');

  await tab('对接请求', 'Requests').click();
  await choose(page, 'request-from', firm);
  await choose(page, 'request-to', college);
  await field(page, 'request-purpose').fill('洽谈风电齿轮磨齿工艺合作');
  await byTestId(page, 'request-send').click();
  await expectText(byTestId(page, 'request-list'), /磨齿工艺合作/);
  const meetingId = new URL(page.url()).pathname.split('/').pop()!; // the tab is in the query
  const asCollege = await apiAs('college@demo.cn');
  const { items } = await asCollege<{ items: { id: string }[] }>('GET', `/meetings/${meetingId}/requests`);
  for (const r of items)
    await asCollege('POST', `/meetings/${meetingId}/requests/${r.id}/answer`, { answer: 'accepted' });

  await page.reload();
  await byTestId(page, 'meeting-action-start_scheduling').click();
  await tab('日程排布', 'Schedule').click();
  await byTestId(page, 'schedule-run').click();
  await expect.poll(() => byTestId(page, 'schedule-chip').count(), { timeout: 30_000 }).toBe(1);
  await coordinator.shot('meeting-schedule');
  await byTestId(page, 'meeting-action-publish').click();
  await tab('会议当天', 'On the day').click();
  await byTestId(page, 'mark-held').first().click();
  await expectText(byTestId(page, 'day-row'), zh ? /已举行/ : /Held/);
  await byTestId(page, 'meeting-action-hold').click();
  for (const r of items)
    await asCollege('POST', `/meetings/${meetingId}/requests/${r.id}/outcomes`, {
      outcome: 'agreement_reached',
    });

  await page.reload();
  await tab('集中签约', 'Signing').click();
  // One agreement of the college and both enterprises: the three-party agreement.
  await byTestId(page, 'signing-panel').locator('.el-radio').nth(1).click();
  const parties = byTestId(page, 'signing-party');
  await expect.poll(() => parties.count()).toBe(2);
  for (let i = 0; i < 2; i++) await parties.nth(i).click();
  const names = page.locator('[data-testid="signatory-name"] input, input[data-testid="signatory-name"]');
  await expect.poll(() => names.count()).toBe(3);
  for (let i = 0; i < 3; i++) await names.nth(i).fill(`签约代表 ${i + 1}`);
  await coordinator.shot('meeting-signing');
  await byTestId(page, 'signing-submit').click();
  await expect.poll(() => byTestId(page, 'signed-agreement-link').count(), { timeout: 30_000 }).toBe(1);
  await coordinator.shot('meeting-signed');
  await byTestId(page, 'signed-agreement-link').click();
  await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
  const signatories = page.locator('main, .el-main').first();
  for (const party of [firm, second, college]) await expectText(signatories, new RegExp(party));
  await coordinator.shot('three-party-agreement');
}

async function runChain(browser: Browser, screen: Screen) {
  const run = `${screen.name}-${Date.now().toString(36)}`;
  const save = shotCounter(join(screenshotsDir, 'whole-chain', screen.name));
  const zh = screen.locale === 'zh-CN';
  const fieldLabel = zh ? '精密加工' : 'Precision machining';
  const needTitle = `大型风电齿轮箱磨齿工艺优化与噪声控制 ${run}`;
  const capabilityTitle = `齿轮磨齿工艺与传动噪声控制研究团队 ${run}`;
  const { person, expectTidy, closeAll } = cast(browser, screen, save);

  try {
    // The government officer's figure before: needs posted this period.
    const gov = await person('gov@demo.cn');
    await gov.navigate('reports');
    const needsBefore = await tileValue(gov.page, 'needs_posted');
    await gov.shot('dashboard-before');

    // The enterprise posts a need in Chinese.
    const enterprise = await person('enterprise@demo.cn');
    await enterprise.navigate('my-needs');
    await enterprise.shot('my-needs');
    await enterprise.page.goto('/needs/new');
    await fillListing(
      enterprise.page,
      needTitle,
      '风电齿轮箱硬齿面磨齿后啮合噪声偏高，需优化磨齿工艺参数、修形方案，并建立传动噪声预测与控制方法。',
      fieldLabel,
    );
    await enterprise.shot('need-form');
    await byTestId(enterprise.page, 'listing-submit').click();
    await expectText(byTestId(enterprise.page, 'listing-title'), /磨齿工艺优化/);
    const needUrl = enterprise.page.url();
    await enterprise.shot('need');

    // The college publishes a capability that fits.
    const college = await person('college@demo.cn');
    await college.navigate('my-capabilities');
    await college.shot('my-capabilities');
    await college.page.goto('/capabilities/new');
    await fillListing(
      college.page,
      capabilityTitle,
      '团队长期从事齿轮磨齿工艺、齿面修形与传动噪声控制研究，可为风电齿轮箱提供磨齿参数优化和噪声预测服务。',
      fieldLabel,
    );
    await byTestId(college.page, 'listing-kind').locator('.el-radio-button').first().click();
    await college.shot('capability-form');
    await byTestId(college.page, 'listing-submit').click();
    await expectText(byTestId(college.page, 'listing-title'), /传动噪声控制研究团队/);
    await college.shot('capability');

    // The match shows on the need with its reasons; the enterprise shows interest.
    await enterprise.page.goto(needUrl);
    const card = byTestId(enterprise.page, 'match-card').filter({ hasText: capabilityTitle });
    await expect
      .poll(
        async () => {
          if (await card.count()) return true;
          await enterprise.page.reload();
          await byTestId(enterprise.page, 'match-panel').waitFor({ timeout: 15_000 });
          return (await card.count()) > 0;
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(true);
    await expectText(card.getByTestId('match-reasons'), /齿轮|磨齿|噪声|精密加工|Precision/);
    await card.getByTestId('move-interested').click();
    await textArea(enterprise.page, 'proposal-approach').fill(
      '希望与贵团队联合开展磨齿参数试验与修形优化，先做两台样机的噪声测试。',
    );
    await enterprise.shot('interest');
    await byTestId(enterprise.page, 'proposal-submit').click();
    await expectText(card.getByTestId('match-stage'), zh ? /已表示兴趣/ : /Interest shown/);
    await enterprise.shot('need-interested');

    // The coordinator introduces them from the brokering desk.
    const coordinator = await person('coordinator@demo.cn');
    await coordinator.navigate('brokering');
    const row = byTestId(coordinator.page, 'desk-table')
      .locator('.el-table__row', { hasText: needTitle })
      .filter({ hasText: capabilityTitle });
    await expectVisible(row, 'the match on the brokering desk');
    await row.getByTestId('move-introduced').click();
    const note = textArea(coordinator.page, 'move-text');
    if (await note.isVisible()) await note.fill('两家在齿轮传动方面互补，建议尽快当面交流。');
    await coordinator.shot('introduce');
    await byTestId(coordinator.page, 'move-confirm').click();
    await expectText(row.getByTestId('match-stage'), zh ? /已对接/ : /Introduced/);
    await coordinator.shot('brokering');

    // A small docking meeting: the coordinator invites the two, they meet, and one framework agreement is signed.
    await dockingMeeting(coordinator, run, zh);

    // The three-party agreement: the enterprise ticks a checklist item; the college sees it without a reload.
    const openItem = async (p: Person) => {
      await p.navigate('agreements');
      await byTestId(p.page, 'agreement-link').filter({ hasText: AGREEMENT }).click();
      await expectVisible(byTestId(p.page, 'project-table'), 'the project list');
      await p.shot('agreement');
      await byTestId(p.page, 'project-open').filter({ hasText: PROJECT }).click();
      const item = byTestId(p.page, 'checklist').locator('.el-table__row', { hasText: ITEM });
      await expectVisible(item, `the checklist item ${ITEM}`);
      await expectVisible(p.page.locator('[data-testid="live-indicator"][data-state="live"]'), 'live');
      return item.locator('.el-checkbox');
    };
    const isTicked = (box: Locator) => box.evaluate((el) => el.classList.contains('is-checked'));
    const enterpriseBox = await openItem(enterprise);
    const collegeBox = await openItem(college);
    const before = await isTicked(collegeBox);
    const collegeUrl = college.page.url();
    await enterpriseBox.click();
    await expect.poll(() => isTicked(collegeBox), { timeout: 15_000 }).toBe(!before);
    expect(college.page.url()).toBe(collegeUrl);
    await enterprise.shot('project');
    await college.shot('project-live');
    for (const p of [enterprise, college]) {
      await p.page.keyboard.press('Escape');
      await byTestId(p.page, 'project-drawer').waitFor({ state: 'hidden' });
    }

    // A booking of the college's coordinate measuring machine, requested by the enterprise (two hours, member fee).
    const purpose = `齿轮齿形三坐标检测 ${run}`;
    await enterprise.navigate('instruments');
    await enterprise.page.locator('[data-testid="instrument-card"]', { hasText: INSTRUMENT }).first().click();
    await expectVisible(byTestId(enterprise.page, 'book-slot'), 'the booking button');
    await enterprise.shot('instrument');
    const [from, to] = zh ? ['09:00', '11:00'] : ['13:00', '15:00'];
    const day = await freeWorkingDay(INSTRUMENT, from, to);
    await byTestId(enterprise.page, 'book-slot').click();
    await expectVisible(byTestId(enterprise.page, 'booking-dialog'), 'the booking dialog');
    await pickDate(enterprise.page, 'booking-dialog', 'booking-start', `${day} ${from}`);
    await pickDate(enterprise.page, 'booking-dialog', 'booking-end', `${day} ${to}`);
    await field(enterprise.page, 'booking-purpose').fill(purpose);
    await field(enterprise.page, 'booking-sample').fill('风电齿轮试件 2 件');
    await expectText(byTestId(enterprise.page, 'booking-fee'), /600/);
    await enterprise.shot('booking');
    await byTestId(enterprise.page, 'booking-send').click();
    await expectVisible(enterprise.page.locator('.el-message--success'), 'the confirmation');

    // The instrument's owner, the college, approves.
    await college.navigate('booking-requests');
    const request = byTestId(college.page, 'booking-list').locator('.booking-row', { hasText: purpose });
    await request.getByTestId('booking-approve').click();
    await expectText(request.getByTestId('booking-status'), zh ? /已批准/ : /Approved/i);
    await college.shot('booking-requests');
    await enterprise.navigate('my-bookings');
    await expectText(
      byTestId(enterprise.page, 'booking-list').locator('.booking-row', { hasText: purpose }),
      zh ? /已批准/ : /Approved/i,
    );
    await enterprise.shot('my-bookings');

    // The government dashboard counts the new need.
    await gov.page.reload();
    await expect
      .poll(() => tileValue(gov.page, 'needs_posted'), { timeout: 30_000 })
      .toBeGreaterThan(needsBefore);
    await gov.shot('dashboard-after');

    await expectTidy();
  } finally {
    await closeAll();
  }
}

describe('the whole chain', () => {
  test('in Chinese on a desktop (1440 × 900)', { timeout: 240_000 }, async ({ browser }) => {
    await runChain(browser, DESKTOP_ZH);
  });

  test('in English on a phone (390 × 844), through the drawer', { timeout: 240_000 }, async ({ browser }) => {
    await runChain(browser, PHONE_EN);
  });
});
