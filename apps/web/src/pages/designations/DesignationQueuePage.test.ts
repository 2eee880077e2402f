import { describe, expect, it, vi } from 'vitest';
import type { DesignationRecord } from '@/api/designations';
import { makeOrg, makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

const CLAIM = '00000000-0000-4000-8000-0000000000d1';
const claim = (overrides: Partial<DesignationRecord> = {}): DesignationRecord => ({
  id: CLAIM,
  orgId: '00000000-0000-4000-8000-000000000011',
  orgNameZh: '宁波齿轮有限公司',
  orgNameEn: 'Ningbo Gears Ltd.',
  kind: 'high_tech',
  certificateNo: 'GR202433001234',
  issuingBody: 'Zhejiang Department of Science and Technology',
  validFrom: '2024-12-01',
  validUntil: '2027-11-30',
  status: 'pending',
  counts: false,
  reason: null,
  verifiedAt: null,
  createdAt: '2026-11-30T08:00:00Z',
  ...overrides,
});
const scan = {
  id: '00000000-0000-4000-8000-0000000000f1',
  fileName: '高新证书.pdf',
  contentType: 'application/pdf',
  size: 2048,
  uploadedBy: { id: '00000000-0000-4000-8000-0000000000a1', displayName: '王强 Wang Qiang' },
  createdAt: '2026-11-30T08:01:00Z',
};
const officer = makeUser({ organization: makeOrg({ kind: 'government' }) });

const button = (testId: string) => document.querySelector(`[data-testid=${testId}]`) as HTMLButtonElement;

function typeReason(text: string) {
  const reason = document.querySelector('textarea[data-testid=decision-reason]') as HTMLTextAreaElement;
  reason.value = text;
  reason.dispatchEvent(new Event('input'));
}

describe('DesignationQueuePage', () => {
  it('shows each claim with its certificate and verifies it only with what was checked', async () => {
    const api = mockApi({
      ...restoresSessionOf(officer),
      'GET /designations/queue': { body: [claim()] },
      [`GET /designations/${CLAIM}/files`]: { body: [scan] },
      [`POST /designations/${CLAIM}/decision`]: (request) => ({
        body: claim({ status: 'verified', counts: true, ...(request.body as { reason: string }) }),
      }),
    });
    const { wrapper } = await renderAt('/designation-queue');

    expect(wrapper.find('[data-testid=nav-designation-queue]').classes()).toContain('is-active');
    const card = wrapper.find('[data-testid=designation]');
    expect(card.text()).toContain('Ningbo Gears Ltd.');
    expect(card.text()).toContain('GR202433001234');
    expect(card.text()).toContain('Zhejiang Department of Science and Technology');
    expect(card.text()).toContain('2024-12-01 to 2027-11-30');
    expect(card.find('[data-testid=designation-status]').text()).toBe('Pending');
    expect(card.find('[data-testid=designation-counts]').text()).toBe('Does not count');
    // The verifier opens the certificate before deciding; it is theirs to read, not to remove.
    expect(card.find('[data-testid=evidence-file]').text()).toContain('高新证书.pdf');
    expect(card.find('[data-testid=evidence-remove]').exists()).toBe(false);
    expect(card.find('[data-testid=evidence-add]').exists()).toBe(false);

    await card.find('[data-testid=designation-verify]').trigger('click');
    await settle();
    button('decision-confirm').click();
    await vi.waitFor(() => expect(document.body.textContent).toContain('Reason is required'));
    expect(api.callsTo(`POST /designations/${CLAIM}/decision`)).toHaveLength(0);

    typeReason('Found in the provincial register of high-tech enterprises');
    await settle();
    button('decision-confirm').click();
    await settle();

    expect(api.callsTo(`POST /designations/${CLAIM}/decision`)[0]!.body).toEqual({
      decision: 'verified',
      reason: 'Found in the provincial register of high-tech enterprises',
    });
    expect(wrapper.find('[data-testid=designation]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Nothing to verify');
  });

  it('rejects with a reason, in Chinese', async () => {
    const api = mockApi({
      ...restoresSessionOf(officer),
      'GET /designations/queue': { body: [claim()] },
      [`GET /designations/${CLAIM}/files`]: { body: [] },
      [`POST /designations/${CLAIM}/decision`]: { body: claim({ status: 'rejected' }) },
    });
    const { wrapper } = await renderAt('/designation-queue', 'zh-CN');

    expect(wrapper.find('h1').text()).toBe('待审核资质');
    expect(wrapper.find('[data-testid=designation]').text()).toContain('宁波齿轮有限公司');
    await wrapper.find('[data-testid=designation-reject]').trigger('click');
    await settle();
    typeReason('证书编号查无此证');
    await settle();
    button('decision-confirm').click();
    await settle();

    expect(api.callsTo(`POST /designations/${CLAIM}/decision`)[0]!.body).toEqual({
      decision: 'rejected',
      reason: '证书编号查无此证',
    });
  });
});
