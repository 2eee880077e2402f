import type { Me } from '@/api/types';

/** Which home page (and navigation) a user gets. */
export type HomeRole = 'enterprise' | 'college' | 'coordinator' | 'government' | 'admin';

export function homeRoleOf(user: Me): HomeRole {
  if (user.platformRole === 'admin') return 'admin';
  if (user.platformRole === 'coordinator') return 'coordinator';
  switch (user.organization.kind) {
    case 'enterprise':
      return 'enterprise';
    case 'college':
    case 'institute':
      return 'college';
    case 'government':
      return 'government';
    case 'association':
      return 'coordinator';
  }
}
