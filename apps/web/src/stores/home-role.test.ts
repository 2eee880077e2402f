import { describe, expect, it } from 'vitest';
import { makeOrg, makeUser } from '@/testing/fixtures';
import { homeRoleOf } from './home-role';

describe('homeRoleOf', () => {
  it.each([
    [{ platformRole: 'admin' as const }, 'enterprise' as const, 'admin'],
    [{ platformRole: 'coordinator' as const }, 'association' as const, 'coordinator'],
    [{}, 'enterprise' as const, 'enterprise'],
    [{}, 'college' as const, 'college'],
    [{}, 'institute' as const, 'college'],
    [{}, 'government' as const, 'government'],
    [{}, 'association' as const, 'coordinator'],
  ])('%o in a %s organisation gets the %s home', (roles, kind, expected) => {
    expect(homeRoleOf(makeUser({ ...roles, organization: makeOrg({ kind }) }))).toBe(expected);
  });
});
