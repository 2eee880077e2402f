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
