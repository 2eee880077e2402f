// English messages of the search pages.
const en = {
  matchedTranslations: 'Matched across languages: {terms}',
  title: 'Search',
  sides: { need: 'Needs', capability: 'Capabilities' },
  need: {
    title: 'Search needs',
    subtitle: 'Technical needs that enterprises have published, in Chinese and English.',
    placeholder: 'A technique, product or problem, e.g. 热误差 or thermal error',
    otherSide: 'Search capabilities for “{q}” instead',
  },
  capability: {
    title: 'Search capabilities',
    subtitle:
      'Research teams, labs, instruments, achievements and training offered by colleges and institutes.',
    placeholder: 'A technique, instrument or expertise, e.g. 三坐标 or coordinate measuring',
    otherSide: 'Search needs for “{q}” instead',
  },
  resultCount: 'No results | {n} result | {n} results',
  took: 'in {ms} ms',
  sort: {
    label: 'Sort by',
    relevance: 'Best match',
    newest: 'Newest first',
    deadline: 'Deadline soonest',
  },
  facets: {
    title: 'Refine',
    fields: 'Technical field',
    cooperationTypes: 'Cooperation type',
    city: 'Region',
    kind: 'Kind',
    designations: 'Organisation designation',
    showMore: 'Show {n} more',
    showLess: 'Show fewer',
    empty: 'Nothing to refine in these results.',
  },
  filters: 'Filters:',
  filterPanel: 'Filters',
  filterPanelCount: 'Filters ({n} chosen)',
  clearFilters: 'Clear all filters',
  noResults: 'Nothing matches “{q}”',
  noResultsFiltered: 'Nothing matches these filters',
  noResultsHint: 'Check the spelling, try fewer or more general words, or remove a filter.',
  emptyMarket: 'Nothing is published on this side yet.',
  emptyMarketHint: 'Listings appear here as soon as they are published.',
  failed: 'Search did not work',
  guestHint: 'You see public listings only. Sign in to see listings shared with platform members too.',
  signIn: 'Sign in',
  published: 'Published {date}',
  confidential: 'Confidential: anonymised summary',
  pagination: 'Search result pages',
};

export default en;
export type SearchMessages = typeof en;
