// One error type per failure kind; plugins/errors.ts maps them to HTTP in one place.
export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
}
export class UnauthorizedError extends AppError {
  readonly status = 401;
}
export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(message = 'You are not allowed to do this', details?: unknown) {
    super('forbidden', message, details);
  }
}
export class AccountDisabledError extends AppError {
  readonly status = 403;
  constructor() {
    super('account_disabled', 'This account is disabled; ask the platform administrator');
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(what: string) {
    super('not_found', `${what} was not found`);
  }
}
export class ConflictError extends AppError {
  readonly status = 409;
}
export class RateLimitedError extends AppError {
  readonly status = 429;
  constructor(retryAfterSeconds: number) {
    super('rate_limited', `Too many attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, {
      retryAfterSeconds,
    });
  }
}
export class UriTooLongError extends AppError {
  readonly status = 414;
  constructor(limit: number) {
    super('uri_too_long', `The address is longer than ${limit} characters`, { limit });
  }
}
export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
}
/** The database cannot be reached (connection refused, lost or ended by the server); worth retrying. */
export class DatabaseUnavailableError extends AppError {
  readonly status = 503;
  constructor() {
    super('database_unavailable', 'The database is unavailable for a moment; try again shortly');
  }
}
export class StorageFullError extends AppError {
  readonly status = 507;
  constructor() {
    super('storage_full', 'There is no room left to store files; nothing was saved. Tell the administrator');
  }
}
