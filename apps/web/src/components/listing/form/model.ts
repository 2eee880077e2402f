// The listing form's values, and how they turn into the API's create and update bodies.
// Budgets are edited in 万元 (10,000 yuan) and sent in yuan.
import type { Capability, CapabilityKind, Listing, ListingType, Need, ServerProblem } from '@/api/types';

export const WAN = 10_000;

export interface ListingFormValues {
  title: string;
  description: string;
  fields: string[];
  keywords: string[];
  cooperationTypes: string[];
  regionCode: string;
  visibility: string;
  // Needs
  budgetMinWan: number | null;
  budgetMaxWan: number | null;
  deadline: string | null;
  publicSummary: string;
  // Capabilities
  kind: CapabilityKind | '';
  teamLead: string;
  availability: string;
  bookingTerms: string;
  trl: number | null;
  patentNumbers: string[];
}

export function emptyForm(regionCode = ''): ListingFormValues {
  return {
    title: '',
    description: '',
    fields: [],
    keywords: [],
    cooperationTypes: [],
    regionCode,
    visibility: 'public',
    budgetMinWan: null,
    budgetMaxWan: null,
    deadline: null,
    publicSummary: '',
    kind: '',
    teamLead: '',
    availability: '',
    bookingTerms: '',
    trl: null,
    patentNumbers: [],
  };
}

const toWan = (yuan: number | null) => (yuan == null ? null : yuan / WAN);
const toYuan = (wan: number | null | undefined) => (wan == null ? null : Math.round(wan * WAN));
const orNull = (text: string) => text.trim() || null;

export function formFromListing(listing: Listing): ListingFormValues {
  const common = {
    ...emptyForm(listing.regionCode),
    title: listing.title,
    description: listing.description,
    fields: [...listing.fields],
    keywords: [...listing.keywords],
    cooperationTypes: [...listing.cooperationTypes],
    visibility: listing.visibility,
  };
  if (listing.type === 'need') {
    const need = listing as Need;
    return {
      ...common,
      budgetMinWan: toWan(need.budgetMin),
      budgetMaxWan: toWan(need.budgetMax),
      deadline: need.deadline,
      // The API fills the summary in when it was left blank; only an own summary is worth editing.
      publicSummary: need.publicSummary ?? '',
    };
  }
  const capability = listing as Capability;
  return {
    ...common,
    kind: capability.kind,
    teamLead: capability.teamLead ?? '',
    availability: capability.availability ?? '',
    bookingTerms: capability.bookingTerms ?? '',
    trl: capability.trl,
    patentNumbers: [...capability.patentNumbers],
  };
}

/** The whole body for `type`, as the create endpoint takes it (without `submit`). */
export function bodyFromForm(type: ListingType, form: ListingFormValues): Record<string, unknown> {
  const common = {
    title: form.title.trim(),
    description: form.description.trim(),
    fields: form.fields,
    keywords: form.keywords.map((keyword) => keyword.trim()).filter(Boolean),
    cooperationTypes: form.cooperationTypes,
    ...(form.regionCode ? { regionCode: form.regionCode } : {}),
    visibility: form.visibility,
  };
  if (type === 'need') {
    return {
      ...common,
      budgetMin: toYuan(form.budgetMinWan),
      budgetMax: toYuan(form.budgetMaxWan),
      deadline: form.deadline || null,
      publicSummary: form.visibility === 'confidential' ? orNull(form.publicSummary) : null,
    };
  }
  // Kind-specific details are cleared when the kind no longer has them.
  return {
    ...common,
    kind: form.kind,
    teamLead: orNull(form.teamLead),
    availability: orNull(form.availability),
    bookingTerms: form.kind === 'instrument' ? orNull(form.bookingTerms) : null,
    trl: form.kind === 'achievement' ? form.trl : null,
    patentNumbers: form.kind === 'achievement' ? form.patentNumbers.map((p) => p.trim()).filter(Boolean) : [],
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `next` that differ from `base` (both whole bodies). */
export function changedFields(base: Record<string, unknown>, next: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => !same(base[key], value)));
}

/** Form props by the body field the API names in a validation problem ("body.budgetMin" → budgetMinWan). */
const PROP_OF_FIELD: Record<string, keyof ListingFormValues> = {
  budgetMin: 'budgetMinWan',
  budgetMax: 'budgetMaxWan',
};

/** `[{ field: 'body.keywords.3', … }]` → `{ keywords: that problem }`; problems on no known field are left out. */
export function fieldErrors(details: unknown): Partial<Record<keyof ListingFormValues, ServerProblem>> {
  if (!Array.isArray(details)) return {};
  const errors: Partial<Record<keyof ListingFormValues, ServerProblem>> = {};
  const known = new Set(Object.keys(emptyForm()));
  for (const item of details as Partial<ServerProblem>[]) {
    if (typeof item?.field !== 'string') continue;
    const name = item.field.replace(/^body\./, '').split('.')[0]!;
    const prop = PROP_OF_FIELD[name] ?? (name as keyof ListingFormValues);
    if (known.has(prop) && !errors[prop])
      errors[prop] = { ...item, field: item.field, problem: String(item.problem ?? '') };
  }
  return errors;
}
