import type { Component } from 'vue';
import { Aim, DataAnalysis, Stopwatch, Tickets } from '@element-plus/icons-vue';
import type { HomeRole } from '@/stores/home-role';

type ItemFactory<T> = (key: string, label: string, icon: Component) => T;

/**
 * Instruments for everyone; enterprises book them, colleges and institutes also run their own (requests, usage);
 * coordinators and government see usage figures of their scope.
 */
export function instrumentNavItems<T>(role: HomeRole | null, item: ItemFactory<T>): T[] {
  const catalogue = item('instruments', 'instruments.nav.catalogue', Aim);
  if (!role) return [catalogue];
  const usage = item('instrument-usage', 'instruments.nav.usage', DataAnalysis);
  const mine = item('my-bookings', 'instruments.nav.myBookings', Tickets);
  switch (role) {
    case 'enterprise':
      return [catalogue, mine];
    case 'government':
    case 'coordinator':
    case 'admin':
      return [catalogue, usage];
    case 'college':
      return [catalogue, mine, item('booking-requests', 'instruments.nav.requests', Stopwatch), usage];
  }
}
