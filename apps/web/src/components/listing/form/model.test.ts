import { describe, expect, it } from 'vitest';
import { makeCapability, makeNeed } from '@/testing/fixtures';
import { bodyFromForm, changedFields, emptyForm, fieldErrors, formFromListing } from './model';

describe('listing form model', () => {
  it('edits budgets in 万元 and sends yuan', () => {
    const form = formFromListing(makeNeed({ budgetMin: 500_000, budgetMax: null }));
    expect(form.budgetMinWan).toBe(50);

    form.budgetMaxWan = 120.5;
    expect(bodyFromForm('need', form)).toMatchObject({ budgetMin: 500_000, budgetMax: 1_205_000 });
  });

  it('keeps the public summary only for confidential needs, and kind details only for their kind', () => {
    const need = { ...emptyForm('330100'), title: ' T ', description: 'D', publicSummary: 'Hidden firm' };
    expect(bodyFromForm('need', need)).toMatchObject({
      title: 'T',
      publicSummary: null,
      visibility: 'public',
    });
    expect(bodyFromForm('need', { ...need, visibility: 'confidential' })).toMatchObject({
      publicSummary: 'Hidden firm',
    });

    const capability = formFromListing(
      makeCapability({
        kind: 'instrument',
        bookingTerms: 'Book a week ahead',
        trl: 5,
        patentNumbers: ['ZL1'],
      }),
    );
    expect(bodyFromForm('capability', capability)).toMatchObject({
      bookingTerms: 'Book a week ahead',
      trl: null,
      patentNumbers: [],
    });
    capability.kind = 'achievement';
    expect(bodyFromForm('capability', capability)).toMatchObject({
      bookingTerms: null,
      trl: 5,
      patentNumbers: ['ZL1'],
    });
  });

  it('finds what changed and where the server found problems', () => {
    const base = bodyFromForm('need', formFromListing(makeNeed()));
    expect(changedFields(base, { ...base, keywords: ['a'], title: base.title })).toEqual({ keywords: ['a'] });
    expect(
      fieldErrors([
        { field: 'body.budgetMax', problem: 'must not be below budgetMin', rule: 'invalid' },
        { field: 'body.keywords.2', problem: 'too long', rule: 'too_long', limit: 40 },
        { field: 'body.unknown', problem: 'x' },
      ]),
    ).toEqual({
      budgetMaxWan: { field: 'body.budgetMax', problem: 'must not be below budgetMin', rule: 'invalid' },
      keywords: { field: 'body.keywords.2', problem: 'too long', rule: 'too_long', limit: 40 },
    });
  });
});
