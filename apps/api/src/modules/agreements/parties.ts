// The parties of an agreement and their signatories, from request bodies.
import type { AgreementTransition, PartyInput } from '@coop/shared';
import { invalid, trimmed } from './input.js';
import type { AgreementParty } from './repository.js';

export type Party = Required<PartyInput>;

export const partyOf = (p: AgreementParty): Party => ({
  orgId: p.org.id,
  signatoryName: p.signatoryName,
  signatoryTitle: p.signatoryTitle,
});

/** Distinct organisations among `knownOrgIds`, names trimmed. */
export function cleanParties(
  parties: PartyInput[],
  knownOrgIds: Set<string>,
  field = 'body.parties',
): Party[] {
  const ids = parties.map((p) => p.orgId);
  const repeated = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (repeated >= 0)
    throw invalid(`${field}.${repeated}.orgId`, 'names an organisation already listed', 'duplicate');
  const unknown = ids.findIndex((id) => !knownOrgIds.has(id));
  if (unknown >= 0) throw invalid(`${field}.${unknown}.orgId`, 'is not a known organisation');
  return parties.map((p) => ({
    orgId: p.orgId,
    signatoryName: trimmed(p.signatoryName) ?? null,
    signatoryTitle: trimmed(p.signatoryTitle) ?? null,
  }));
}

/** Signing records each party's signatory, given now or before; every party needs one. */
export function withSignatories(
  current: AgreementParty[],
  given: AgreementTransition['signatories'] = [],
): Party[] {
  const parties = current.map(partyOf);
  for (const [index, signatory] of given.entries()) {
    const party = parties.find((p) => p.orgId === signatory.orgId);
    if (!party) throw invalid(`body.signatories.${index}.orgId`, 'is not a party of this agreement');
    party.signatoryName = signatory.signatoryName.trim();
    if (signatory.signatoryTitle !== undefined)
      party.signatoryTitle = trimmed(signatory.signatoryTitle) ?? null;
  }
  const missing = current.filter((_, index) => !parties[index]!.signatoryName);
  if (missing.length > 0) {
    throw invalid(
      'body.signatories',
      `need a signatory for ${missing.map((p) => p.org.nameZh).join('、')}`,
      'required',
    );
  }
  return parties;
}
