import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RegisterBody } from '@coop/shared';
import { authApi } from '@/api/auth';
import { ApiError, connectSession } from '@/api/client';
import type { Me, Org, Session } from '@/api/types';
import { homeRoleOf } from './home-role';

/** Why the last session ended without the user asking; the login page explains it. */
type SessionEnd = 'expired' | 'password_changed';

type RenewResult = 'renewed' | 'rejected' | 'unreachable';

const RETRY_UNREACHABLE_MS = 30_000;

/** Set by the API beside the httpOnly refresh cookie; without it there is no session to resume. */
const SESSION_HINT = /(?:^|;\s*)coop_signed_in=/;

/** Seconds after which to renew a token that lives `expiresIn` seconds: a minute early, at most halfway. */
export function renewDelaySeconds(expiresIn: number): number {
  return Math.max(expiresIn - 60, expiresIn / 2);
}

export const useSessionStore = defineStore('session', () => {
  // The access token lives in memory only; the refresh token is an httpOnly cookie the browser keeps.
  const accessToken = ref<string | null>(null);
  const user = ref<Me | null>(null);
  const endReason = ref<SessionEnd | null>(null);
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  let renewing: Promise<RenewResult> | null = null;
  let restoring: Promise<void> | null = null;

  const isLoggedIn = computed(() => accessToken.value !== null && user.value !== null);
  const role = computed(() => (user.value ? homeRoleOf(user.value) : null));

  function scheduleRenewal(delayMs: number) {
    clearTimeout(renewTimer);
    renewTimer = setTimeout(async () => {
      const result = await renew();
      if (result === 'unreachable') scheduleRenewal(RETRY_UNREACHABLE_MS);
      if (result === 'rejected') end('expired');
    }, delayMs);
  }

  function begin(session: Session) {
    accessToken.value = session.accessToken;
    user.value = session.user;
    endReason.value = null;
    scheduleRenewal(renewDelaySeconds(session.expiresIn) * 1000);
  }

  function end(reason: SessionEnd | null) {
    clearTimeout(renewTimer);
    if (reason && !user.value) return;
    accessToken.value = null;
    user.value = null;
    endReason.value = reason;
  }

  /** Trades the refresh cookie for a new access token; concurrent callers share one request. */
  function renew(): Promise<RenewResult> {
    renewing ??= authApi
      .refresh()
      .then((session): RenewResult => {
        begin(session);
        return 'renewed';
      })
      .catch((error: unknown): RenewResult =>
        error instanceof ApiError && error.status === 0 ? 'unreachable' : 'rejected',
      )
      .finally(() => {
        renewing = null;
      });
    return renewing;
  }

  /** On app start: resume the session the refresh cookie still holds, if any. Resolves once known. */
  function restore(): Promise<void> {
    // A signed-out visitor has no refresh cookie: asking would only log a failed request.
    restoring ??= SESSION_HINT.test(document.cookie) ? renew().then(() => undefined) : Promise.resolve();
    return restoring;
  }

  async function login(email: string, password: string) {
    begin(await authApi.login(email, password));
  }

  async function register(body: RegisterBody) {
    begin(await authApi.register(body));
  }

  async function logout() {
    // Sign out here even when the server cannot be told; its refresh cookie then simply runs out.
    await authApi.logout().catch(() => undefined);
    end(null);
  }

  /** The API ends every session when the password changes. */
  function passwordChanged() {
    end('password_changed');
  }

  function userUpdated(me: Me) {
    if (user.value?.id === me.id) user.value = me;
  }

  function organizationUpdated(org: Org) {
    if (user.value && user.value.organization.id === org.id)
      user.value = { ...user.value, organization: org };
  }

  connectSession({
    accessToken: () => accessToken.value,
    refresh: async () => (await renew()) === 'renewed',
    expire: () => end('expired'),
  });

  return {
    accessToken,
    user,
    endReason,
    isLoggedIn,
    role,
    restore,
    login,
    register,
    logout,
    passwordChanged,
    organizationUpdated,
    userUpdated,
  };
});
