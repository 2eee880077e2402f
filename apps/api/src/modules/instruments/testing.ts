// Test helpers for instruments: an instrument capability with a booking profile, and Asia/Shanghai slots.
import type { InstrumentProfileInput } from '@coop/shared';
import type { App } from '../../app.js';
import type { LoggedIn } from '../../test/harness.js';
import { caller } from '../agreements/testing.js';

export const WEEKDAYS_8_TO_18 = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  open: '08:00',
  close: '18:00',
}));

export const profileInput = (overrides: Partial<InstrumentProfileInput> = {}): InstrumentProfileInput => ({
  model: 'Sigma 300',
  maker: 'Zeiss',
  location: '材料楼 A102 Materials building A102',
  purchaseValueYuan: 4_800_000,
  measuresZh: '断口形貌、微区成分（能谱）',
  measuresEn: 'fracture surface morphology, micro-area composition (EDS)',
  fees: { ownYuanPerHour: 100, memberYuanPerHour: 300, outsideYuanPerHour: 500 },
  rules: {
    horizonDays: 60,
    minMinutes: 30,
    maxMinutes: 8 * 60,
    bufferMinutes: 0,
    approvalRequired: true,
    maxFuturePerOrg: 50,
    cancelDeadlineHours: 24,
  },
  openingHours: WEEKDAYS_8_TO_18,
  ...overrides,
});

/** Posts and publishes an instrument capability, then gives it a booking profile; answers its id. */
export async function bookableInstrument(app: App, owner: LoggedIn, title: string, profile = profileInput()) {
  const call = caller(app);
  const created = await call('POST', '/api/capabilities', owner, {
    kind: 'instrument',
    title,
    description: '场发射扫描电镜，用于断口分析和涂层截面观察。Field-emission SEM for fracture analysis.',
    fields: ['materials.metals'],
    cooperationTypes: ['instrument_sharing'],
  });
  if (created.statusCode !== 201) throw new Error(`capability: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  await call('POST', `/api/capabilities/${id}/transitions`, owner, { action: 'submit' });
  const saved = await call('PUT', `/api/instruments/${id}/profile`, owner, profile);
  if (saved.statusCode !== 200) throw new Error(`profile: ${saved.statusCode} ${saved.body}`);
  return id;
}

const DAY_MS = 86_400_000;
/** Shanghai calendar date (YYYY-MM-DD) of the Monday at least a week from now. */
export function nextMonday(now = new Date()): string {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() + (14 - weekday) * DAY_MS).toISOString().slice(0, 10);
}

/** A slot on a Shanghai day (days after the Monday), from a local clock time, lasting some minutes. */
export function slot(day: number, clock: string, minutes: number, monday = nextMonday()) {
  const date = new Date(new Date(`${monday}T00:00:00Z`).getTime() + day * DAY_MS).toISOString().slice(0, 10);
  const start = new Date(`${date}T${clock}:00+08:00`);
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
  };
}
