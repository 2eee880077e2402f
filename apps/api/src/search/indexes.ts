// The two search indexes, their settings, and how a database row becomes a search document.
import { cityOf, fieldLabel, fieldLineage, provinceOf, synonymGroups } from '@coop/shared';
import type { CapabilityRow, NeedRow, OrgRow } from '../modules/listings/repository.js';
import { lexicon } from './lexicon/lexicon.js';
import type { IndexSettings, SearchDocument } from './port.js';
import { foldCase, simplifyKeepingLength } from './text/normalize.js';

export type ListingType = 'need' | 'capability';
export const INDEX_OF: Record<ListingType, string> = { need: 'needs', capability: 'capabilities' };

export const LISTING_INDEX_SETTINGS: IndexSettings = {
  // Last, so translated terms weigh less than the listing's own words.
  searchableAttributes: ['title', 'keywords', 'fieldLabels', 'orgName', 'description', 'crossTerms'],
  filterableAttributes: [
    'type',
    'status',
    'visibility',
    'orgId',
    'fields',
    'cooperationTypes',
    'regionCode',
    'province',
    'city',
    'kind',
    'designations',
  ],
  sortableAttributes: ['publishedAt', 'deadline'],
  synonyms: synonymGroups(),
  typoTolerance: { enabled: true },
};

export interface ListingDocument extends SearchDocument {
  type: ListingType;
  title: string;
  description: string;
  keywords: string[];
  fieldLabels: string[];
  /** Renderings in the other language of the phrases the lexicon knows in title, keywords and description. */
  crossTerms: string[];
  /**
   * Whether title, keywords and description come through Traditional → Simplified conversion unchanged (most
   * do): showing the listing as a hit then need not convert them again. Absent means unknown.
   */
  simplifiedText?: boolean;
  fields: string[];
  cooperationTypes: string[];
  regionCode: string;
  province: string;
  city: string;
  kind: string;
  orgId: string;
  /** Both names, searchable together. */
  orgName: string;
  orgNameZh: string;
  orgNameEn: string;
  designations: string[];
  visibility: string;
  status: string;
  publishedAt: number;
  deadline: number | null;
}

/** Field codes with their parents, so a filter or facet on "machinery" takes in "machinery.cnc". */
function withParents(fields: string[]): string[] {
  return [...new Set(fields.flatMap((code) => fieldLineage(code)))];
}

/** A listing's own text as the lexicon reads it: title, keywords and description. */
function ownText(listing: { title: string; keywords: string[]; description: string }): string {
  return [listing.title, listing.keywords.join('；'), listing.description].join('\n');
}

/** The other language's words for the listing's own, title and keywords first (the lexicon bounds how many). */
export function crossTermsOf(
  listing: { title: string; keywords: string[]; description: string },
  normalized?: string,
): string[] {
  return [
    ...new Set(
      lexicon()
        .translate(ownText(listing), normalized)
        .map((translation) => translation.target),
    ),
  ];
}

export function toListingDocument(
  type: ListingType,
  row: NeedRow | CapabilityRow,
  org: OrgRow,
): ListingDocument {
  const fields = withParents(row.fields);
  const folded = foldCase(ownText(row));
  const normalized = simplifyKeepingLength(folded);
  return {
    id: row.id,
    type,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    // Both languages, so an English query finds a Chinese listing through its field and back.
    fieldLabels: row.fields.flatMap((code) => [fieldLabel(code, 'zh-CN'), fieldLabel(code, 'en')]),
    crossTerms: crossTermsOf(row, normalized),
    simplifiedText: normalized === folded,
    fields,
    cooperationTypes: row.cooperationTypes,
    regionCode: row.regionCode,
    province: provinceOf(row.regionCode),
    city: cityOf(row.regionCode),
    kind: 'kind' in row ? row.kind : 'need',
    orgId: org.id,
    orgName: `${org.nameZh} ${org.nameEn}`,
    orgNameZh: org.nameZh,
    orgNameEn: org.nameEn,
    designations: org.designations,
    visibility: row.visibility,
    status: row.status,
    publishedAt: (row.publishedAt ?? row.createdAt).getTime(),
    deadline: 'deadline' in row && row.deadline ? Date.parse(row.deadline) : null,
  };
}
