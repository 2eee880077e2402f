// The API as a demo user sees it, for steps a test does not drive through the page (another party's answers).
import { baseURL, DEMO_PASSWORD } from './browser';

export type ApiCall = <T>(method: string, path: string, body?: object) => Promise<T>;

export async function apiAs(email: string): Promise<ApiCall> {
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`logging in as ${email}: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${baseURL}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
