import { createHash, randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const SESSION_TTL_DAYS = 30;
export const JWT_ISSUER = 'coop-platform';
export const JWT_AUDIENCE = 'coop-platform-web';
export const REFRESH_COOKIE = 'coop_refresh';
/** Readable by the web app, holds nothing secret: tells it a refresh is worth trying, so signed-out visits send none. */
export const SESSION_HINT_COOKIE = 'coop_signed_in';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

export const newOpaqueToken = () => randomBytes(32).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
