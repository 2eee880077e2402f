// The agreement form's model, and how it maps to and from the API.
import type { AgreementDetail, AgreementType, NewAgreement } from '@/api/agreements';
import type { OrgRef } from '@/api/types';

export interface PartyRow {
  orgId: string;
  signatoryName: string;
  signatoryTitle: string;
}

export interface AgreementFormModel {
  type: AgreementType;
  title: string;
  description: string;
  parties: PartyRow[];
  startDate: string | null;
  endDate: string | null;
  /** 万元 (10,000 yuan), as people state contract values. */
  valueWan: number | null;
}

const blankParty = (orgId = ''): PartyRow => ({ orgId, signatoryName: '', signatoryTitle: '' });

/** A new agreement: the user's own organisation as the first party (unless they broker), and one more to pick. */
export function emptyModel(ownOrgId: string | null): AgreementFormModel {
  return {
    type: 'framework',
    title: '',
    description: '',
    parties: [blankParty(ownOrgId ?? ''), blankParty()],
    startDate: null,
    endDate: null,
    valueWan: null,
  };
}

export function modelOf(agreement: AgreementDetail): AgreementFormModel {
  return {
    type: agreement.type,
    title: agreement.title,
    description: agreement.description ?? '',
    parties: agreement.parties.map((party) => ({
      orgId: party.org.id,
      signatoryName: party.signatoryName ?? '',
      signatoryTitle: party.signatoryTitle ?? '',
    })),
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    valueWan: agreement.valueYuan === null ? null : agreement.valueYuan / 10_000,
  };
}

export const partyOrgs = (agreement: AgreementDetail): OrgRef[] =>
  agreement.parties.map((party) => party.org);

const orNull = (text: string) => text.trim() || null;

/** The terms as the API takes them: 万元 → yuan, blanks → null. */
export function termsOf(model: AgreementFormModel) {
  return {
    title: model.title.trim(),
    description: orNull(model.description),
    startDate: model.startDate || null,
    endDate: model.endDate || null,
    valueYuan:
      model.valueWan === null || model.valueWan === undefined ? null : Math.round(model.valueWan * 10_000),
  };
}

export function partiesOf(model: AgreementFormModel): NewAgreement['parties'] {
  return model.parties.map((party) => ({
    orgId: party.orgId,
    signatoryName: orNull(party.signatoryName),
    signatoryTitle: orNull(party.signatoryTitle),
  }));
}
