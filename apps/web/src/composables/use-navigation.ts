import { computed, type Component } from 'vue';
import { useRoute, type RouteLocationRaw } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { HomeFilled, OfficeBuilding, Search, Setting, Stamp, Tickets } from '@element-plus/icons-vue';
import { useSessionStore } from '@/stores/session';

interface NavItem {
  key: string;
  label: string;
  icon: Component;
  to: RouteLocationRaw;
}

/** The left navigation for the signed-in user's role, and which entry the current page belongs to. */
export function useNavigation() {
  const session = useSessionStore();
  const route = useRoute();
  const { t } = useI18n();

  const ownOrgId = computed(() => session.user?.organization.id ?? '');
  const runsAssociation = computed(
    () => session.role === 'coordinator' && session.user?.organization.kind === 'association',
  );

  const items = computed<NavItem[]>(() => {
    const ownOrg: NavItem = runsAssociation.value
      ? {
          key: 'members',
          label: t('nav.members'),
          icon: Stamp,
          to: { name: 'org', params: { id: ownOrgId.value }, query: { tab: 'members' } },
        }
      : {
          key: 'my-org',
          label: t('nav.myOrg'),
          icon: OfficeBuilding,
          to: { name: 'org', params: { id: ownOrgId.value } },
        };
    return [
      { key: 'home', label: t('nav.home'), icon: HomeFilled, to: { name: 'home' } },
      { key: 'search', label: t('nav.search'), icon: Search, to: { name: 'search' } },
      ownOrg,
      { key: 'orgs', label: t('nav.orgs'), icon: Tickets, to: { name: 'orgs' } },
      { key: 'account', label: t('nav.account'), icon: Setting, to: { name: 'account' } },
    ];
  });

  const activeKey = computed(() => {
    if (route.name === 'org') {
      if (route.params.id !== ownOrgId.value) return 'orgs';
      return runsAssociation.value ? 'members' : 'my-org';
    }
    return typeof route.name === 'string' ? route.name : '';
  });

  return { items, activeKey };
}
