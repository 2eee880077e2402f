import type { Database } from '../../db/client.js';
import type { AccessPolicy } from '../access/policy.js';
import { createListingService } from '../listings/service.js';
import { capabilityDefinition } from './definition.js';

export const createCapabilityService = (deps: {
  db: Database;
  access: AccessPolicy;
  onChange?: (id: string) => void;
}) => createListingService({ ...deps, definition: capabilityDefinition });

export type CapabilityService = ReturnType<typeof createCapabilityService>;
