import { ErrorResponse } from '@coop/shared';

/** Error response schemas for the given statuses, so each route documents what it can answer. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponse]));
}
