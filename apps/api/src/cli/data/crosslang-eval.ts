// Held-out cross-language known-item queries: each listing is described by a query in the other language,
// as a reader of that language would type it. Written once, after the lexicon, and not tuned on: the lexicon
// must not gain entries because a query here missed (score-crosslang-search reports the misses).
export interface CrossLanguageCase {
  id: string;
  listing: { title: string; description: string; keywords: string[] };
  query: string;
}

// prettier-ignore
export const CROSS_LANGUAGE_CASES: readonly CrossLanguageCase[] = [
  // Chinese listings, English queries
  { id: 'zh-01', query: 'gear noise reduction electric vehicle', listing: { title: '新能源汽车减速器齿轮啸叫抑制', description: '电驱动桥减速器在高转速下齿轮啸叫明显，希望通过齿面修形与NVH测试降低噪声。', keywords: ['齿轮', '噪声', '修形'] } },
  { id: 'zh-02', query: 'weld seam tracking robot', listing: { title: '焊接机器人焊缝自动跟踪系统', description: '中厚板焊接时需要基于激光视觉的焊缝实时跟踪，提高焊接质量。', keywords: ['焊缝跟踪', '激光视觉'] } },
  { id: 'zh-03', query: 'lithium battery thermal runaway warning', listing: { title: '锂电池热失控早期预警', description: '储能电站锂电池组需要热失控早期预警方法，结合温度与气体传感器监测。', keywords: ['热失控', '储能', '预警'] } },
  { id: 'zh-04', query: 'wastewater heavy metal removal', listing: { title: '电镀废水重金属深度去除', description: '电镀园区废水中镍、铬等重金属超标，寻求低成本深度处理工艺。', keywords: ['电镀废水', '重金属'] } },
  { id: 'zh-05', query: 'corrosion resistant coating offshore', listing: { title: '海洋工程装备防腐涂层', description: '海上平台钢结构长期处于盐雾环境，需要长效防腐涂层及其性能评价。', keywords: ['防腐涂层', '盐雾'] } },
  { id: 'zh-06', query: 'bearing fault diagnosis vibration signal', listing: { title: '基于振动信号的风机轴承故障诊断', description: '风电机组主轴承故障频发，希望利用振动信号与深度学习实现早期故障诊断。', keywords: ['故障诊断', '轴承', '振动'] } },
  { id: 'zh-07', query: 'injection mould cooling channel design', listing: { title: '注塑模具随形冷却水路设计', description: '汽车内饰件注塑周期长，拟采用3D打印随形冷却水路缩短冷却时间。', keywords: ['注塑模具', '随形冷却'] } },
  { id: 'zh-08', query: 'machine vision surface defect detection steel strip', listing: { title: '带钢表面缺陷机器视觉检测', description: '冷轧带钢生产线需要在线表面缺陷检测系统，识别划伤、辊印等缺陷。', keywords: ['缺陷检测', '机器视觉', '带钢'] } },
  { id: 'zh-09', query: 'fermentation process optimization enzyme', listing: { title: '工业酶制剂发酵工艺优化', description: '提高纤维素酶发酵产量，优化培养基与发酵条件，实现放大生产。', keywords: ['发酵', '酶制剂'] } },
  { id: 'zh-10', query: 'titanium alloy machining tool wear', listing: { title: '钛合金高效切削刀具磨损研究', description: '航空钛合金零件切削过程中刀具磨损快，需要刀具材料与切削参数优化。', keywords: ['钛合金', '刀具磨损', '切削'] } },
  { id: 'zh-11', query: 'heat exchanger fouling', listing: { title: '换热器结垢在线监测与清洗', description: '化工厂管壳式换热器结垢导致换热效率下降，寻求在线监测与清洗技术。', keywords: ['换热器', '结垢'] } },
  { id: 'zh-12', query: 'digital twin production line', listing: { title: '离散制造生产线数字孪生平台', description: '为装配车间构建数字孪生模型，实现生产线仿真、监控与排产优化。', keywords: ['数字孪生', '生产线'] } },
  { id: 'zh-13', query: 'permanent magnet motor efficiency', listing: { title: '高效永磁电机设计与优化', description: '压缩机用永磁同步电机效率偏低，需要电磁设计优化与损耗分析。', keywords: ['永磁电机', '效率'] } },
  { id: 'zh-14', query: 'soil remediation contaminated site', listing: { title: '工业污染场地土壤修复技术', description: '化工搬迁遗留场地土壤有机物污染，需要经济有效的土壤修复方案。', keywords: ['土壤修复', '污染场地'] } },
  { id: 'zh-15', query: 'carbon fiber composite drilling delamination', listing: { title: '碳纤维复合材料制孔分层控制', description: '飞机碳纤维复合材料构件钻孔出现分层与毛刺，需优化钻头与工艺。', keywords: ['碳纤维', '复合材料', '制孔'] } },
  { id: 'zh-16', query: 'coordinate measuring machine calibration', listing: { title: '三坐标测量机精度校准服务', description: '企业计量室三坐标测量机需要定期精度校准与测量不确定度评定。', keywords: ['三坐标', '校准'] } },
  { id: 'zh-17', query: 'fruit preservation cold chain', listing: { title: '水果冷链物流保鲜技术', description: '猕猴桃采后冷链运输损耗大，寻求保鲜包装与温控技术。', keywords: ['保鲜', '冷链'] } },
  { id: 'zh-18', query: 'hydrogen fuel cell stack durability', listing: { title: '氢燃料电池电堆耐久性提升', description: '车用燃料电池电堆衰减快，需要研究膜电极衰减机理与耐久性提升。', keywords: ['燃料电池', '耐久性'] } },
  { id: 'zh-19', query: 'drone inspection power line', listing: { title: '无人机输电线路智能巡检', description: '利用无人机搭载可见光与红外相机对输电线路进行巡检，自动识别缺陷。', keywords: ['无人机', '巡检', '输电线路'] } },
  { id: 'zh-20', query: 'casting porosity aluminium', listing: { title: '铝合金压铸件气孔缺陷控制', description: '新能源汽车铝合金压铸壳体气孔率高，需要工艺仿真与参数优化。', keywords: ['压铸', '气孔', '铝合金'] } },
  // English listings, Chinese queries
  { id: 'en-01', query: '扫描电镜 断口分析', listing: { title: 'SEM fractography and failure analysis service', description: 'Scanning electron microscope with EDS for fracture surface examination of failed metal parts.', keywords: ['SEM', 'failure analysis'] } },
  { id: 'en-02', query: '机器人路径规划', listing: { title: 'Path planning for industrial robots', description: 'Collision-free path planning and trajectory optimisation for six-axis industrial robots.', keywords: ['path planning', 'robot'] } },
  { id: 'en-03', query: '污水处理 膜', listing: { title: 'Membrane bioreactor for municipal wastewater', description: 'Pilot-scale membrane bioreactor with fouling control for municipal wastewater treatment.', keywords: ['membrane', 'wastewater treatment'] } },
  { id: 'en-04', query: '锂离子电池 正极材料', listing: { title: 'High-nickel cathode materials for lithium-ion batteries', description: 'Synthesis and coating of high-nickel cathode materials to improve cycle life.', keywords: ['cathode', 'lithium-ion battery'] } },
  { id: 'en-05', query: '有限元分析 疲劳寿命', listing: { title: 'Finite element fatigue life prediction', description: 'Finite element analysis and fatigue life prediction of welded steel structures.', keywords: ['FEA', 'fatigue'] } },
  { id: 'en-06', query: '深度学习 图像识别', listing: { title: 'Deep learning for industrial image recognition', description: 'Convolutional neural networks that recognise parts and defects in factory camera images.', keywords: ['deep learning', 'image recognition'] } },
  { id: 'en-07', query: '超声检测 焊缝', listing: { title: 'Phased-array ultrasonic testing of welds', description: 'Ultrasonic testing of pipeline girth welds with phased-array probes and automated reporting.', keywords: ['ultrasonic testing', 'weld inspection'] } },
  { id: 'en-08', query: '热处理 齿轮', listing: { title: 'Heat treatment of transmission gears', description: 'Carburizing and quenching processes for automotive transmission gears with distortion control.', keywords: ['heat treatment', 'gear'] } },
  { id: 'en-09', query: '光伏 组件 检测', listing: { title: 'Photovoltaic module testing laboratory', description: 'Accredited laboratory for photovoltaic module performance and reliability testing.', keywords: ['photovoltaic', 'testing'] } },
  { id: 'en-10', query: '催化剂 脱硝', listing: { title: 'Catalysts for flue gas denitrification', description: 'Low-temperature SCR catalysts for denitrification of industrial flue gas.', keywords: ['catalyst', 'denitrification'] } },
  { id: 'en-11', query: '液压缸 密封', listing: { title: 'Sealing of hydraulic cylinders', description: 'Seal design and friction testing for heavy-duty hydraulic cylinders.', keywords: ['hydraulic cylinder', 'seal'] } },
  { id: 'en-12', query: '增材制造 钛合金', listing: { title: 'Additive manufacturing of titanium alloy parts', description: 'Laser powder bed fusion of titanium alloy components with post-processing.', keywords: ['additive manufacturing', 'titanium'] } },
  { id: 'en-13', query: '电主轴', listing: { title: 'High-speed motorized spindle design', description: 'Design, balancing and testing of motorized spindles for machining centres.', keywords: ['spindle', 'machining centre'] } },
  { id: 'en-14', query: '自然语言处理 知识图谱', listing: { title: 'Knowledge graph and NLP for maintenance records', description: 'Natural language processing builds a knowledge graph from equipment maintenance logs.', keywords: ['NLP', 'knowledge graph'] } },
  { id: 'en-15', query: '振动 模态分析', listing: { title: 'Experimental modal analysis of machine structures', description: 'Vibration testing and modal analysis to find resonances of machine frames.', keywords: ['modal analysis', 'vibration'] } },
  { id: 'en-16', query: '电磁兼容 测试', listing: { title: 'EMC testing for electronic products', description: 'Electromagnetic compatibility testing and design advice for industrial electronics.', keywords: ['EMC', 'testing'] } },
  { id: 'en-17', query: '生物医药 抗体', listing: { title: 'Antibody discovery platform', description: 'Monoclonal antibody discovery and characterisation for biopharmaceutical partners.', keywords: ['antibody', 'biopharmaceutical'] } },
  { id: 'en-18', query: '石墨烯 薄膜', listing: { title: 'Graphene thin films', description: 'Chemical vapour deposition of graphene thin films for sensors and electronics.', keywords: ['graphene', 'thin film'] } },
  { id: 'en-19', query: '气相色谱 检测', listing: { title: 'Gas chromatography analysis of VOCs', description: 'Gas chromatography and mass spectrometry analysis of volatile organic compounds in air samples.', keywords: ['gas chromatography', 'VOC'] } },
  { id: 'en-20', query: '协作机器人 装配', listing: { title: 'Collaborative robots for assembly', description: 'Deploying cobots for small-part assembly alongside workers, with safety assessment.', keywords: ['cobot', 'assembly'] } },
];
