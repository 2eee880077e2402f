// Needs (enterprise side) and capabilities (college side): what the API accepts and answers.
import { Type, type Static, type TAddOptional, type TSchema } from 'typebox';
import type { Labelled } from '../enums.js';
import { COOPERATION_TYPES, FIELD_CODES } from '../taxonomy.js';
import { REGION_CODES } from '../regions.js';
import { OneOf, PageQuery, StrictObject, Uuid } from './common.js';

export const NEED_STATUSES = ['draft', 'pending_review', 'open', 'in_cooperation', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const CAPABILITY_STATUSES = ['draft', 'pending_review', 'open', 'closed'] as const;
export type CapabilityStatus = (typeof CAPABILITY_STATUSES)[number];
export const NEED_VISIBILITIES = ['public', 'members', 'confidential'] as const;
export type NeedVisibility = (typeof NEED_VISIBILITIES)[number];
export const CAPABILITY_VISIBILITIES = ['public', 'members'] as const;
export const CAPABILITY_KINDS = [
  'research_team',
  'lab_platform',
  'instrument',
  'achievement',
  'training',
] as const;
export type CapabilityKind = (typeof CAPABILITY_KINDS)[number];
export const CAPABILITY_KIND_LABELS: Labelled<CapabilityKind>[] = [
  { value: 'research_team', zh: '科研团队', en: 'Research team' },
  { value: 'lab_platform', zh: '实验室 / 平台', en: 'Lab / platform' },
  { value: 'instrument', zh: '大型仪器', en: 'Large instrument' },
  { value: 'achievement', zh: '科技成果 / 专利', en: 'Achievement / patent' },
  { value: 'training', zh: '培训项目', en: 'Training programme' },
];

/** Moves a listing's owner or a reviewing coordinator can ask for. */
export const LISTING_ACTIONS = [
  'submit',
  'approve',
  'return',
  'start_cooperation',
  'close',
  'reopen',
] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];

export const LISTING_LIMITS = {
  title: { min: 4, max: 200 },
  description: { min: 10, max: 20_000 },
  keywords: 20,
  keyword: 40,
  fields: 8,
} as const;

const Title = Type.String({ minLength: LISTING_LIMITS.title.min, maxLength: LISTING_LIMITS.title.max });
const Description = Type.String({
  minLength: LISTING_LIMITS.description.min,
  maxLength: LISTING_LIMITS.description.max,
});
const Fields = Type.Array(OneOf(FIELD_CODES), { maxItems: LISTING_LIMITS.fields, uniqueItems: true });
const Keywords = Type.Array(Type.String({ minLength: 1, maxLength: LISTING_LIMITS.keyword }), {
  maxItems: LISTING_LIMITS.keywords,
});
const CooperationTypes = Type.Array(OneOf(COOPERATION_TYPES), {
  maxItems: COOPERATION_TYPES.length,
  uniqueItems: true,
});
const RegionCode = OneOf(REGION_CODES);
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** Amounts in yuan (CNY). */
const Money = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });
const IsoDate = Type.String({ format: 'date' });
const Version = Type.Integer({ minimum: 1 });

type OptionalProps<T extends Record<string, TSchema>> = { [K in keyof T]: TAddOptional<T[K]> };
function optionalAll<T extends Record<string, TSchema>>(properties: T): OptionalProps<T> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)]),
  ) as OptionalProps<T>;
}

const commonInput = {
  title: Title,
  description: Description,
  fields: Type.Optional(Fields),
  keywords: Type.Optional(Keywords),
  cooperationTypes: Type.Optional(CooperationTypes),
  regionCode: Type.Optional(RegionCode),
};

const needInput = {
  ...commonInput,
  budgetMin: Type.Optional(Nullable(Money)),
  budgetMax: Type.Optional(Nullable(Money)),
  deadline: Type.Optional(Nullable(IsoDate)),
  visibility: Type.Optional(OneOf(NEED_VISIBILITIES)),
  /** What outsiders see of a confidential need; generated from its fields when blank. */
  publicSummary: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};

/** Created as a draft, or submitted right away (`submit: true`, the default). */
export const NewNeed = StrictObject({ ...needInput, submit: Type.Optional(Type.Boolean()) });
export type NewNeed = Static<typeof NewNeed>;
/** Updates name the fields they change and the version they were based on (a stale one gets 409). */
export const NeedUpdate = StrictObject({ ...optionalAll(needInput), version: Version }, { minProperties: 2 });
export type NeedUpdate = Static<typeof NeedUpdate>;

const capabilityInput = {
  ...commonInput,
  kind: OneOf(CAPABILITY_KINDS),
  teamLead: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
  availability: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  visibility: Type.Optional(OneOf(CAPABILITY_VISIBILITIES)),
  /** Instruments: how to book, fees, who may use it. */
  bookingTerms: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  /** Achievements: technology readiness level 1–9. */
  trl: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 9 }))),
  patentNumbers: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 40 }), { maxItems: 30 })),
};

export const NewCapability = StrictObject({ ...capabilityInput, submit: Type.Optional(Type.Boolean()) });
export type NewCapability = Static<typeof NewCapability>;
export const CapabilityUpdate = StrictObject(
  { ...optionalAll(capabilityInput), version: Version },
  { minProperties: 2 },
);
export type CapabilityUpdate = Static<typeof CapabilityUpdate>;

export const ListingTransition = StrictObject({
  action: OneOf(LISTING_ACTIONS),
  /** Required when a coordinator returns a listing: the owner sees it. */
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
});
export type ListingTransition = Static<typeof ListingTransition>;

export const ListingOrg = Type.Object({
  id: Uuid,
  nameZh: Type.String(),
  nameEn: Type.String(),
  kind: Type.String(),
  verified: Type.Boolean(),
  designations: Type.Array(Type.String()),
});

const commonOutput = {
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  fields: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
  cooperationTypes: Type.Array(Type.String()),
  regionCode: Type.String(),
  reviewNote: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  /** The caller may edit it (owner organisation). */
  canEdit: Type.Boolean(),
};

export const Need = Type.Object({
  ...commonOutput,
  type: Type.Literal('need'),
  status: OneOf(NEED_STATUSES),
  visibility: OneOf(NEED_VISIBILITIES),
  /** Null when an outsider sees a confidential need: the owner stays anonymous. */
  org: Nullable(ListingOrg),
  budgetMin: Nullable(Type.Integer()),
  budgetMax: Nullable(Type.Integer()),
  deadline: Nullable(Type.String()),
  publicSummary: Nullable(Type.String()),
  /** True when this is the anonymised summary of a confidential need. */
  anonymised: Type.Boolean(),
});
export type Need = Static<typeof Need>;

export const Capability = Type.Object({
  ...commonOutput,
  type: Type.Literal('capability'),
  kind: OneOf(CAPABILITY_KINDS),
  status: OneOf(CAPABILITY_STATUSES),
  visibility: OneOf(CAPABILITY_VISIBILITIES),
  org: ListingOrg,
  teamLead: Nullable(Type.String()),
  availability: Nullable(Type.String()),
  bookingTerms: Nullable(Type.String()),
  trl: Nullable(Type.Integer()),
  patentNumbers: Type.Array(Type.String()),
});
export type Capability = Static<typeof Capability>;

/** Comma-separated lists keep query strings short and unambiguous. */
const CsvList = Type.String({ maxLength: 500, pattern: '^[A-Za-z0-9_.,-]*$' });

export const ListingListQuery = StrictObject({
  ...PageQuery,
  org: Type.Optional(Type.Union([Type.Literal('mine'), Uuid])),
  status: Type.Optional(CsvList),
  fields: Type.Optional(CsvList),
  cooperationTypes: Type.Optional(CsvList),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  kind: Type.Optional(CsvList),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ListingListQuery = Static<typeof ListingListQuery>;

export const SEARCH_TYPES = ['need', 'capability'] as const;
export const SEARCH_SORTS = ['relevance', 'newest', 'deadline'] as const;

export const SearchQueryParams = StrictObject({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200 })),
  type: OneOf(SEARCH_TYPES),
  fields: Type.Optional(CsvList),
  cooperationTypes: Type.Optional(CsvList),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  kind: Type.Optional(CsvList),
  designations: Type.Optional(CsvList),
  sort: Type.Optional(OneOf(SEARCH_SORTS)),
});
export type SearchQueryParams = Static<typeof SearchQueryParams>;

export const SearchHitSchema = Type.Object({
  id: Uuid,
  type: OneOf(SEARCH_TYPES),
  title: Type.String(),
  snippet: Type.String(),
  highlights: Type.Record(Type.String(), Type.String()),
  /** Words of the query found in the listing only through translation: "热误差 = thermal error". */
  matchedTranslations: Type.Optional(
    Type.Array(Type.Object({ query: Type.String(), listing: Type.String() }), { maxItems: 5 }),
  ),
  kind: Nullable(Type.String()),
  fields: Type.Array(Type.String()),
  cooperationTypes: Type.Array(Type.String()),
  regionCode: Type.String(),
  orgName: Nullable(Type.String()),
  orgNameZh: Nullable(Type.String()),
  orgNameEn: Nullable(Type.String()),
  orgId: Nullable(Type.String()),
  designations: Type.Array(Type.String()),
  status: Type.String(),
  visibility: Type.String(),
  publishedAt: Nullable(Type.String()),
});

export const SearchResponse = Type.Object({
  hits: Type.Array(SearchHitSchema),
  facets: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  tookMs: Type.Number(),
});
export type SearchResponse = Static<typeof SearchResponse>;
