// 资质认定申报与审核的中文文案。
import type en from './designations.en';

const zhCN: typeof en = {
  tab: '资质认定',
  nav: '资质审核',
  queueTitle: '待审核资质',
  queueSubtitle: '您负责的单位申报的资质证书。请向发证机关核实后再作决定。',
  queueEmpty: '暂无待审核资质。单位提交新申报后会显示在这里。',
  empty: '尚未申报资质。',
  emptyAdmin: '尚无资质。请凭证书申报，审核通过后合作方和统计报表才会计入。',
  claim: '申报资质',
  claimTitle: '申报资质',
  claimHint: '协会联络员或政府工作人员核实证书后方可计入。',
  claimed: '申报已提交审核',
  fields: {
    kind: '资质类型',
    certificateNo: '证书编号',
    issuingBody: '发证机关',
    validity: '有效期',
    validFrom: '有效期起',
    validUntil: '有效期止',
    status: '状态',
    org: '单位',
    reason: '理由',
    claimedAt: '申报时间',
  },
  status: { pending: '待审核', verified: '已认定', rejected: '已驳回', expired: '已过期' },
  counts: '当前计入',
  notCounting: '不计入',
  verify: '认定',
  reject: '驳回',
  decideTitle: {
    verified: '认定 {org} 的{kind}',
    rejected: '驳回 {org} 的{kind}',
  },
  reasonPlaceholder: {
    verified: '核实了什么，如"已在省级名录中查到该证书"',
    rejected: '驳回原因，便于单位更正',
  },
  decided: { verified: '已认定', rejected: '已驳回' },
  evidence: '证明材料',
  addEvidence: '继续添加',
  expiresSoon: '{date} 到期，请续期',
  validityRange: '{from} 至 {until}',
  untilBeforeFrom: '结束日期不能早于开始日期',
};

export default zhCN;
