import type { SearchMessages } from './en';

const zhCN: SearchMessages = {
  matchedTranslations: '跨语言匹配：{terms}',
  title: '搜索',
  sides: { need: '技术需求', capability: '科研能力' },
  need: {
    title: '搜索需求',
    subtitle: '企业发布的技术需求，支持中英文检索。',
    placeholder: '技术、产品或问题，如 热误差、thermal error',
    otherSide: '改为在科研能力中搜索“{q}”',
  },
  capability: {
    title: '搜索能力',
    subtitle: '高校院所提供的科研团队、实验室、仪器、科技成果和培训项目。',
    placeholder: '技术、仪器或专长，如 三坐标、coordinate measuring',
    otherSide: '改为在技术需求中搜索“{q}”',
  },
  resultCount: '没有结果 | 共 {n} 条结果 | 共 {n} 条结果',
  took: '用时 {ms} 毫秒',
  sort: {
    label: '排序',
    relevance: '最相关',
    newest: '最新发布',
    deadline: '截止日期最近',
  },
  facets: {
    title: '筛选',
    fields: '技术领域',
    cooperationTypes: '合作方式',
    city: '地区',
    kind: '类型',
    designations: '机构资质',
    showMore: '再显示 {n} 项',
    showLess: '收起',
    empty: '当前结果没有可筛选的项。',
  },
  filters: '已选条件：',
  clearFilters: '清除全部筛选',
  noResults: '没有找到与“{q}”相关的结果',
  noResultsFiltered: '没有符合这些筛选条件的结果',
  noResultsHint: '请检查拼写，换用更少或更通用的词，或去掉某个筛选条件。',
  emptyMarket: '这里还没有已发布的内容。',
  emptyMarketHint: '内容一经发布就会出现在这里。',
  failed: '搜索失败',
  guestHint: '您目前只能看到公开内容。登录后还可看到仅对平台会员开放的内容。',
  signIn: '登录',
  published: '发布于 {date}',
  confidential: '保密需求：匿名摘要',
  pagination: '搜索结果分页',
};

export default zhCN;
