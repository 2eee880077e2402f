import { computed, type Component } from 'vue';
import { useRoute, type RouteLocationRaw } from 'vue-router';
import { useI18n } from 'vue-i18n';
import {
  Collection,
  DocumentChecked,
  HomeFilled,
  OfficeBuilding,
  Opportunity,
  Search,
  Setting,
  Stamp,
  Tickets,
  TrendCharts,
} from '@element-plus/icons-vue';
import type { ListingType } from '@/api/types';
import { LISTING_ROUTES } from '@/router';
import { matchingNavItems } from '@/pages/matching/navigation';
import { agreementNavItems } from '@/pages/agreements/navigation';
import { adminNavItems } from '@/pages/admin/navigation';
import { reportNavItems } from '@/pages/reports/navigation';
import { meetingNavItems } from '@/pages/meetings/navigation';
import { instrumentNavItems } from '@/pages/instruments/navigation';
import { designationNavItems } from '@/pages/designations/navigation';
import { useSessionStore } from '@/stores/session';

interface NavItem {
  key: string;
  label: string;
  icon: Component;
  to: RouteLocationRaw;
}

/** Which side of the market each route belongs to, for highlighting the navigation. */
const SIDE_OF_ROUTE: Record<string, ListingType> = Object.fromEntries(
  (Object.entries(LISTING_ROUTES) as [ListingType, Record<string, string>][]).flatMap(([type, names]) =>
    Object.values(names).map((name) => [name, type]),
  ),
);

/** The left navigation for the signed-in user's role (or a guest), and which entry the current page belongs to. */
export function useNavigation() {
  const session = useSessionStore();
  const route = useRoute();
  const { t } = useI18n();

  const ownOrgId = computed(() => session.user?.organization.id ?? '');
  const runsAssociation = computed(
    () => session.role === 'coordinator' && session.user?.organization.kind === 'association',
  );
  /** The sides the user's organisation posts: enterprises needs, colleges capabilities, institutes both. */
  const postsSides = computed<ListingType[]>(() => {
    switch (session.user?.organization.kind) {
      case 'enterprise':
        return ['need'];
      case 'college':
        return ['capability'];
      case 'institute':
        return ['capability', 'need'];
      default:
        return [];
    }
  });
  const reviews = computed(() => session.role === 'coordinator' || session.role === 'admin');

  const item = (key: string, label: string, icon: Component, to: RouteLocationRaw = { name: key }) => ({
    key,
    label: t(label),
    icon,
    to,
  });
  const mine = (type: ListingType) =>
    type === 'need'
      ? item('my-needs', 'nav.myNeeds', Opportunity)
      : item('my-capabilities', 'nav.myCapabilities', Collection);
  const searchSide = (type: ListingType) =>
    type === 'need'
      ? item('search-needs', 'nav.searchNeeds', Search)
      : item('search-capabilities', 'nav.searchCapabilities', TrendCharts);

  const items = computed<NavItem[]>(() => {
    // Each role finds the other side of the market first: enterprises search capabilities, colleges needs.
    const searchOrder: ListingType[] =
      session.role === 'enterprise' ? ['capability', 'need'] : ['need', 'capability'];
    if (!session.isLoggedIn) return [...searchOrder.map(searchSide), ...instrumentNavItems(null, item)];
    const ownOrg: NavItem = runsAssociation.value
      ? item('members', 'nav.members', Stamp, {
          name: 'org',
          params: { id: ownOrgId.value },
          query: { tab: 'members' },
        })
      : item('my-org', 'nav.myOrg', OfficeBuilding, { name: 'org', params: { id: ownOrgId.value } });
    return [
      item('home', 'nav.home', HomeFilled),
      ...postsSides.value.map(mine),
      ...(reviews.value ? [item('review', 'nav.review', DocumentChecked)] : []),
      ...matchingNavItems(session.role, item),
      ...reportNavItems(session.role, item),
      ...designationNavItems(session.role, item),
      ...agreementNavItems(session.role, item),
      ...adminNavItems(session.role, item),
      ...meetingNavItems(session.role, item),
      ...instrumentNavItems(session.role, item),
      ...searchOrder.map(searchSide),
      ownOrg,
      item('orgs', 'nav.orgs', Tickets),
      item('account', 'nav.account', Setting),
    ];
  });

  const activeKey = computed(() => {
    const name = typeof route.name === 'string' ? route.name : '';
    if (name === 'org') {
      if (route.params.id !== ownOrgId.value) return 'orgs';
      return runsAssociation.value ? 'members' : 'my-org';
    }
    const side = SIDE_OF_ROUTE[name];
    if (side && name !== LISTING_ROUTES[side].search) {
      // Own listings belong to "My …"; anyone else's to the search they came from.
      return postsSides.value.includes(side) ? LISTING_ROUTES[side].mine : LISTING_ROUTES[side].search;
    }
    return route.meta.navKey ?? name;
  });

  return { items, activeKey, postsSides };
}
