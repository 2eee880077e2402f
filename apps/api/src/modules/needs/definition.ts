// What is particular to needs: their columns, how they read, and how a confidential one is anonymised.
import {
  COOPERATION_TYPE_LABELS,
  fieldLabel,
  labelOf,
  provinceOf,
  regionOf,
  type CooperationType,
  type Need,
  type NewNeed,
  type NeedUpdate,
} from '@coop/shared';
import { needs } from '../../db/schema/index.js';
import { BadRequestError } from '../../errors.js';
import type { ListingDefinition } from '../listings/definition.js';
import { listingOrg } from '../listings/definition.js';
import type { NeedRow } from '../listings/repository.js';

function anonymisedSummary(row: NeedRow): string {
  if (row.publicSummary?.trim()) return row.publicSummary.trim();
  const province = regionOf(provinceOf(row.regionCode));
  const fieldsZh = row.fields.map((f) => fieldLabel(f, 'zh-CN')).join('、') || '相关技术';
  const fieldsEn = row.fields.map((f) => fieldLabel(f, 'en')).join(', ') || 'related technology';
  const coopZh =
    row.cooperationTypes
      .map((c) => labelOf(COOPERATION_TYPE_LABELS, c as CooperationType, 'zh-CN'))
      .join('、') || '技术合作';
  const coopEn =
    row.cooperationTypes
      .map((c) => labelOf(COOPERATION_TYPE_LABELS, c as CooperationType, 'en'))
      .join(', ') || 'cooperation';
  return `保密需求：${province?.zh ?? ''}一家企业寻求${fieldsZh}方面的${coopZh}。 Confidential need: an enterprise in ${province?.en ?? 'China'} seeks ${coopEn} in ${fieldsEn}.`;
}

function checkBudget(budgetMin: number | null | undefined, budgetMax: number | null | undefined) {
  if (budgetMin != null && budgetMax != null && budgetMin > budgetMax) {
    throw new BadRequestError('validation_failed', 'body.budgetMax must not be below body.budgetMin', [
      { field: 'body.budgetMax', problem: 'must not be below budgetMin', rule: 'invalid' },
    ]);
  }
}

export const needDefinition: ListingDefinition<typeof needs, Need, NewNeed, NeedUpdate> = {
  type: 'need',
  table: needs,
  label: 'Need',
  postedBy: ['enterprise', 'institute'],

  toDto(row, org, view, canEdit) {
    const anonymised = view === 'anonymised';
    const summary = anonymised ? anonymisedSummary(row) : null;
    return {
      type: 'need',
      id: row.id,
      title: summary ?? row.title,
      description: summary ?? row.description,
      fields: row.fields,
      keywords: anonymised ? [] : row.keywords,
      cooperationTypes: row.cooperationTypes,
      regionCode: anonymised ? provinceOf(row.regionCode) : row.regionCode,
      reviewNote: anonymised ? null : row.reviewNote,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      publishedAt: row.publishedAt?.toISOString() ?? null,
      canEdit,
      status: row.status,
      visibility: row.visibility,
      org: anonymised ? null : listingOrg(org),
      budgetMin: anonymised ? null : row.budgetMin,
      budgetMax: anonymised ? null : row.budgetMax,
      deadline: row.deadline,
      publicSummary: row.visibility === 'confidential' ? anonymisedSummary(row) : null,
      anonymised,
    };
  },

  insertValues(input) {
    checkBudget(input.budgetMin, input.budgetMax);
    return {
      budgetMin: input.budgetMin ?? null,
      budgetMax: input.budgetMax ?? null,
      deadline: input.deadline ?? null,
      visibility: input.visibility ?? 'public',
      publicSummary: input.publicSummary ?? null,
    };
  },

  updateValues(patch, row) {
    checkBudget(
      patch.budgetMin !== undefined ? patch.budgetMin : row.budgetMin,
      patch.budgetMax !== undefined ? patch.budgetMax : row.budgetMax,
    );
    const { version: _version, ...changes } = patch;
    return changes;
  },
};
