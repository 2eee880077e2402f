// What is particular to capabilities: kinds (team, lab, instrument, achievement, training) and their extras.
import type { Capability, CapabilityUpdate, NewCapability } from '@coop/shared';
import { capabilities } from '../../db/schema/index.js';
import type { ListingDefinition } from '../listings/definition.js';
import { listingOrg } from '../listings/definition.js';

export const capabilityDefinition: ListingDefinition<
  typeof capabilities,
  Capability,
  NewCapability,
  CapabilityUpdate
> = {
  type: 'capability',
  table: capabilities,
  label: 'Capability',
  postedBy: ['college', 'institute'],

  toDto(row, org, _view, canEdit) {
    return {
      type: 'capability',
      id: row.id,
      title: row.title,
      description: row.description,
      fields: row.fields,
      keywords: row.keywords,
      cooperationTypes: row.cooperationTypes,
      regionCode: row.regionCode,
      reviewNote: row.reviewNote,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      publishedAt: row.publishedAt?.toISOString() ?? null,
      canEdit,
      kind: row.kind,
      status: row.status,
      visibility: row.visibility,
      org: listingOrg(org),
      teamLead: row.teamLead,
      availability: row.availability,
      bookingTerms: row.bookingTerms,
      trl: row.trl,
      patentNumbers: row.patentNumbers,
    };
  },

  insertValues(input) {
    return {
      kind: input.kind,
      visibility: input.visibility ?? 'public',
      teamLead: input.teamLead ?? null,
      availability: input.availability ?? null,
      bookingTerms: input.bookingTerms ?? null,
      trl: input.trl ?? null,
      patentNumbers: input.patentNumbers ?? [],
    };
  },

  updateValues(patch) {
    const { version: _version, ...changes } = patch;
    return changes;
  },
};
