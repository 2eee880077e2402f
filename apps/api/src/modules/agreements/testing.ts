// Test helpers for agreements and project lists: requests as a given user, and agreements made through the API.
import type { App } from '../../app.js';
import { login, type LoggedIn } from '../../test/harness.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export const caller = (app: App) => (method: Method, url: string, who?: LoggedIn, payload?: object) =>
  app.inject({ method, url, ...(who ? { headers: who.headers } : {}), ...(payload ? { payload } : {}) });

/** Logs in demo users by the name before @demo.cn, in the order given. */
export const logins = <const N extends readonly string[]>(app: App, names: N) =>
  Promise.all(names.map((name) => login(app, `${name}@demo.cn`))) as Promise<{ [K in keyof N]: LoggedIn }>;

export const frameworkTerms = (partyOrgIds: string[]) => ({
  type: 'framework',
  title: '产学研合作框架协议 Framework agreement on industry–education cooperation',
  parties: partyOrgIds.map((orgId, index) => ({
    orgId,
    signatoryName: `签约人 ${index + 1}` as string | null,
    signatoryTitle: '代表' as string | null,
  })),
  startDate: '2026-01-01',
  endDate: '2029-12-31',
  valueYuan: 3_000_000,
});

/** Proposed by `who`, then negotiated, signed and activated by the same caller. */
export async function runningAgreement(app: App, who: LoggedIn, partyOrgIds: string[], terms: object = {}) {
  const call = caller(app);
  const created = await call('POST', '/api/agreements', who, { ...frameworkTerms(partyOrgIds), ...terms });
  if (created.statusCode !== 201) throw new Error(`create agreement: ${created.statusCode} ${created.body}`);
  let agreement = created.json();
  for (const action of ['sign', 'activate']) {
    const moved = await call('POST', `/api/agreements/${agreement.id}/transitions`, who, {
      action,
      version: agreement.version,
    });
    if (moved.statusCode !== 200) throw new Error(`${action}: ${moved.statusCode} ${moved.body}`);
    agreement = moved.json();
  }
  return agreement as { id: string; version: number; status: string };
}
