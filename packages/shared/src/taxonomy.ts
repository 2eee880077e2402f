// The technical field taxonomy and the cooperation types: one bilingual source for api and web.
// Codes are stable identifiers stored in the database; labels and synonyms may change freely.
// Synonyms are equivalent terms only (they become search synonyms), not merely related ones.
import type { Labelled, Locale } from './enums.js';

export interface FieldNode {
  code: string;
  zh: string;
  en: string;
  synonyms: { zh: string[]; en: string[] };
  children: FieldNode[];
}

type Leaf = [code: string, zh: string, en: string, zhSynonyms?: string[], enSynonyms?: string[]];

function field(leaf: Leaf, children: Leaf[] = []): FieldNode {
  const [code, zh, en, zhSyn = [], enSyn = []] = leaf;
  return {
    code,
    zh,
    en,
    synonyms: { zh: zhSyn, en: enSyn },
    children: children.map(([childCode, ...rest]) => field([`${code}.${childCode}`, ...rest])),
  };
}

// One line per field: [code, zh, en, zh synonyms, en synonyms].
// prettier-ignore
export const FIELD_TAXONOMY: readonly FieldNode[] = [
  field(['machinery', '机械装备', 'Machinery & equipment', ['装备制造', '机械制造'], ['equipment manufacturing']], [
    ['cnc', '数控机床', 'CNC machine tools', ['CNC机床', '数控加工机床'], ['CNC machine tool', 'numerically controlled machine tools']],
    ['bearings', '轴承', 'Bearings', [], ['bearing']],
    ['hydraulics', '液压', 'Hydraulics', ['液压传动', '液压技术'], ['hydraulic systems', 'fluid power']],
    ['pneumatics', '气动', 'Pneumatics', ['气动技术', '气压传动'], ['pneumatic systems']],
    ['robotics', '工业机器人', 'Industrial robots', ['机器人'], ['industrial robotics', 'robots']],
    ['mould', '模具', 'Moulds & dies', ['模具制造'], ['mould', 'mold', 'molds', 'tooling']],
    ['welding', '焊接', 'Welding', ['焊接技术'], ['welding technology']],
    ['smart_manufacturing', '智能制造', 'Intelligent manufacturing', ['智慧制造'], ['smart manufacturing']],
    ['pumps', '泵', 'Pumps', ['水泵', '泵类'], ['pump']],
    ['valves', '阀门', 'Valves', ['阀'], ['valve']],
    ['reducers', '减速机', 'Gear reducers', ['减速器', '齿轮减速机'], ['gearbox', 'speed reducer']],
    ['precision_machining', '精密加工', 'Precision machining', ['精密机械加工'], ['precision engineering']],
    ['additive', '增材制造', 'Additive manufacturing', ['3D打印', '三维打印'], ['3D printing']],
  ]),
  field(['materials', '新材料', 'Advanced materials', ['先进材料'], ['new materials']], [
    ['metals', '金属材料', 'Metallic materials', [], ['metals', 'metallic material']],
    ['polymers', '高分子材料', 'Polymer materials', ['聚合物材料', '高分子'], ['polymers']],
    ['composites', '复合材料', 'Composite materials', [], ['composites']],
    ['ceramics', '陶瓷材料', 'Ceramic materials', ['先进陶瓷', '特种陶瓷'], ['advanced ceramics', 'technical ceramics']],
    ['coatings', '表面工程', 'Surface engineering', ['表面处理', '表面改性'], ['surface treatment']],
    ['nano', '纳米材料', 'Nanomaterials', [], ['nanomaterial', 'nano materials']],
  ]),
  field(['electronics', '电子信息', 'Electronics & information', ['电子信息技术'], ['electronic information']], [
    ['semiconductors', '集成电路', 'Integrated circuits', ['芯片', '半导体芯片'], ['IC', 'chips', 'microchips']],
    ['sensors', '传感器', 'Sensors', ['传感元件'], ['sensor']],
    ['communications', '通信', 'Communications', ['通讯', '通信技术'], ['telecommunications', 'telecom']],
    ['iot', '物联网', 'Internet of things', [], ['IoT']],
    ['industrial_internet', '工业互联网', 'Industrial internet', [], ['IIoT', 'industrial internet of things']],
    ['optoelectronics', '光电子', 'Optoelectronics', ['光电子技术'], ['photonics']],
    ['power_electronics', '电力电子', 'Power electronics', [], ['power electronic']],
  ]),
  field(['software_ai', '软件与人工智能', 'Software & AI', [], []], [
    ['ai', '人工智能', 'Artificial intelligence', ['AI'], ['AI']],
    ['machine_learning', '机器学习', 'Machine learning', [], ['ML']],
    ['machine_vision', '机器视觉', 'Machine vision', ['计算机视觉'], ['computer vision']],
    ['industrial_software', '工业软件', 'Industrial software', [], ['engineering software']],
    ['big_data', '大数据', 'Big data', ['海量数据'], ['big data analytics']],
    ['cloud', '云计算', 'Cloud computing', [], ['cloud']],
    ['cybersecurity', '网络安全', 'Cybersecurity', ['信息安全', '网络信息安全'], ['information security', 'cyber security']],
  ]),
  field(['chemicals', '化工', 'Chemical industry', ['化学工业'], ['chemicals']], [
    ['fine_chemicals', '精细化工', 'Fine chemicals', ['精细化学品'], ['specialty chemicals']],
    ['petrochemicals', '石油化工', 'Petrochemicals', ['石化'], ['petrochemistry']],
    ['catalysis', '催化', 'Catalysis', ['催化技术'], ['catalytic technology']],
    ['process_engineering', '化工工艺', 'Chemical process engineering', ['化工过程'], ['process engineering']],
  ]),
  field(['environment', '节能环保', 'Environment & energy saving', [], []], [
    ['water', '水处理', 'Water treatment', ['污水处理', '废水处理'], ['wastewater treatment', 'sewage treatment']],
    ['air', '废气治理', 'Air pollution control', ['废气处理', '大气污染治理'], ['waste gas treatment', 'emission control']],
    ['solid_waste', '固废处理', 'Solid waste treatment', ['固体废物处理', '固废处置'], ['solid waste management']],
    ['energy_saving', '节能', 'Energy saving', ['节能技术', '节能降耗'], ['energy efficiency', 'energy conservation']],
    ['monitoring', '环境监测', 'Environmental monitoring', [], ['environment monitoring']],
  ]),
  field(['energy', '新能源', 'New energy', ['可再生能源'], ['renewable energy']], [
    ['solar', '光伏', 'Photovoltaics', ['太阳能光伏', '光伏发电'], ['PV', 'solar photovoltaics']],
    ['wind', '风电', 'Wind power', ['风力发电'], ['wind energy']],
    ['storage', '储能', 'Energy storage', ['储能技术'], ['energy storage systems']],
    ['batteries', '锂电池', 'Lithium batteries', ['锂离子电池', '锂电'], ['lithium-ion batteries', 'li-ion batteries']],
    ['hydrogen', '氢能', 'Hydrogen energy', [], ['hydrogen']],
    ['fuel_cells', '燃料电池', 'Fuel cells', [], ['fuel cell']],
    ['smart_grid', '智能电网', 'Smart grid', [], ['smart grids']],
  ]),
  field(['biomedicine', '生物医药', 'Biomedicine', ['生物医学'], ['biomedical']], [
    ['pharma', '药物', 'Pharmaceuticals', ['医药', '药品'], ['drugs', 'medicines']],
    ['biotech', '生物技术', 'Biotechnology', ['生物工程'], ['bioengineering', 'biotech']],
    ['medical_devices', '医疗器械', 'Medical devices', ['医疗设备'], ['medical equipment']],
    ['tcm', '中医药', 'Traditional Chinese medicine', ['中药'], ['TCM']],
  ]),
  field(['agrifood', '农业与食品', 'Agriculture & food', [], []], [
    ['food_processing', '食品加工', 'Food processing', [], ['food manufacturing']],
    ['agri_machinery', '农业机械', 'Agricultural machinery', ['农机'], ['farm machinery']],
    ['smart_agriculture', '智慧农业', 'Smart agriculture', ['数字农业'], ['digital agriculture', 'precision agriculture']],
    ['tea', '茶叶', 'Tea', ['茶'], ['tea processing']],
    ['aquaculture', '水产养殖', 'Aquaculture', [], ['fish farming']],
  ]),
  field(['textiles', '纺织服装', 'Textiles & apparel', [], []], [
    ['fibres', '化学纤维', 'Synthetic fibres', ['化纤'], ['synthetic fibers', 'man-made fibres']],
    ['dyeing', '印染', 'Dyeing & finishing', ['染整'], ['textile dyeing', 'textile finishing']],
    ['technical_textiles', '产业用纺织品', 'Technical textiles', ['技术纺织品'], ['industrial textiles']],
    ['garment', '服装', 'Garments', ['成衣'], ['apparel', 'clothing']],
  ]),
  field(['automotive', '汽车', 'Automotive', ['汽车产业'], ['automobile', 'vehicles']], [
    ['parts', '汽车零部件', 'Auto parts', ['汽配', '汽车配件'], ['automotive parts', 'car parts']],
    ['nev', '新能源汽车', 'New energy vehicles', ['电动汽车'], ['NEV', 'electric vehicles', 'EV']],
    ['autonomous', '自动驾驶', 'Autonomous driving', ['无人驾驶'], ['self-driving', 'driverless']],
    ['motors', '电机', 'Electric motors', ['电动机', '马达'], ['motor', 'motors']],
  ]),
  field(['building', '建筑与建材', 'Construction & building materials', [], []], [
    ['prefab', '装配式建筑', 'Prefabricated buildings', [], ['prefabricated construction', 'modular construction']],
    ['cement', '水泥', 'Cement', [], ['cement']],
    ['glass', '玻璃', 'Glass', [], ['glass']],
  ]),
  field(['light_industry', '轻工与消费品', 'Light industry & consumer goods', [], []], [
    ['home_appliances', '家用电器', 'Home appliances', ['家电'], ['household appliances']],
    ['furniture', '家具', 'Furniture', [], ['furnishings']],
    ['packaging', '包装', 'Packaging', [], ['packing']],
    ['hardware_tools', '五金工具', 'Hardware & tools', ['五金'], ['hardware', 'hand tools']],
  ]),
  field(['marine', '海洋与船舶', 'Marine & shipbuilding', [], []], [
    ['ships', '船舶', 'Ships', ['船只'], ['vessels', 'shipbuilding']],
    ['ocean_engineering', '海洋工程', 'Ocean engineering', ['海工装备'], ['offshore engineering']],
  ]),
  field(['services', '检测认证与技术服务', 'Testing, certification & services', [], []], [
    ['testing', '检验检测', 'Testing & inspection', ['检测', '检验'], ['testing', 'inspection']],
    ['ndt', '无损检测', 'Non-destructive testing', ['无损探伤'], ['NDT']],
    ['standards', '标准化', 'Standardisation', [], ['standardization']],
    ['ip', '知识产权', 'Intellectual property', [], ['IP']],
    ['industrial_design', '工业设计', 'Industrial design', [], ['product design']],
  ]),
];

function flatten(nodes: readonly FieldNode[], into: Map<string, FieldNode>): Map<string, FieldNode> {
  for (const node of nodes) {
    into.set(node.code, node);
    flatten(node.children, into);
  }
  return into;
}

/** Every field node by code, parents before their children. */
export const FIELDS_BY_CODE: ReadonlyMap<string, FieldNode> = flatten(FIELD_TAXONOMY, new Map());

export const FIELD_CODES: readonly string[] = [...FIELDS_BY_CODE.keys()];

export function isFieldCode(code: string): boolean {
  return FIELDS_BY_CODE.has(code);
}

/** The label in the given locale; an unknown code is shown as it is rather than hidden. */
export function fieldLabel(code: string, locale: Locale | string): string {
  const node = FIELDS_BY_CODE.get(code);
  if (!node) return code;
  return locale === 'en' ? node.en : node.zh;
}

/** A code with its ancestors, root first: 'machinery.cnc' → ['machinery', 'machinery.cnc']. */
export function fieldLineage(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.')).filter((c) => FIELDS_BY_CODE.has(c));
}

/**
 * Groups of equivalent terms, one per field that has any: its labels and synonyms in both languages.
 * A term shared by two fields (e.g. 人工智能) stays in both groups; engines treat each group separately.
 */
export function synonymGroups(): string[][] {
  const groups: string[][] = [];
  for (const node of FIELDS_BY_CODE.values()) {
    const terms = [node.zh, ...node.synonyms.zh, node.en, ...node.synonyms.en];
    const seen = new Set<string>();
    const group = terms.filter((term) => {
      const key = term.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (group.length > 1) groups.push(group);
  }
  return groups;
}

export const COOPERATION_TYPES = [
  'joint_rnd',
  'technical_service',
  'testing_analysis',
  'instrument_sharing',
  'tech_transfer',
  'consulting',
  'training',
  'talent_internship',
  'standard_setting',
  'co_built_platform',
] as const;
export type CooperationType = (typeof COOPERATION_TYPES)[number];

export const COOPERATION_TYPE_LABELS: Labelled<CooperationType>[] = [
  { value: 'joint_rnd', zh: '联合研发', en: 'Joint R&D' },
  { value: 'technical_service', zh: '技术服务', en: 'Technical service' },
  { value: 'testing_analysis', zh: '检测分析', en: 'Testing & analysis' },
  { value: 'instrument_sharing', zh: '仪器共享', en: 'Instrument sharing' },
  { value: 'tech_transfer', zh: '技术转让 / 许可', en: 'Technology transfer / licensing' },
  { value: 'consulting', zh: '技术咨询', en: 'Consulting' },
  { value: 'training', zh: '培训', en: 'Training' },
  { value: 'talent_internship', zh: '人才培养 / 实习', en: 'Talent training / internships' },
  { value: 'standard_setting', zh: '标准制定', en: 'Standard setting' },
  { value: 'co_built_platform', zh: '共建平台', en: 'Co-built platform' },
];
