// Which roles open which pages, and the shape of ids in paths; used by the router and each domain's routes.
import type { HomeRole } from '@/stores/home-role';

/** Ids in paths are UUIDs; anything else is a page that does not exist, not a failed request. */
export const UUID_PARAM = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';

/** Who works on each kind of page. */
export const PAGE_ROLES = {
  review: ['coordinator', 'admin'],
  brokering: ['coordinator', 'admin'],
  /** The two sides of the market. */
  market: ['enterprise', 'college'],
  /** Those who watch the whole chain: officers for their region, coordinators for their members. */
  oversight: ['government', 'coordinator', 'admin'],
  /** Everyone who takes part in agreements rather than only reading them. */
  parties: ['enterprise', 'college', 'coordinator', 'admin'],
} as const satisfies Record<string, readonly HomeRole[]>;

export const onlyFor = (roles: readonly HomeRole[]) => ({ roles: [...roles] });
