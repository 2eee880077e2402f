import type { Database } from '../../db/client.js';
import type { AccessPolicy } from '../access/policy.js';
import { createListingService } from '../listings/service.js';
import { needDefinition } from './definition.js';

export const createNeedService = (deps: {
  db: Database;
  access: AccessPolicy;
  onChange?: (id: string) => void;
}) => createListingService({ ...deps, definition: needDefinition });

export type NeedService = ReturnType<typeof createNeedService>;
