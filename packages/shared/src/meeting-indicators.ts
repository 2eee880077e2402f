// The docking meetings' figures in the one indicator list; their SQL is in apps/api/src/modules/meetings/indicators.ts.
import { registerIndicator, type Indicator } from './indicators.js';

const onTheDay = {
  zh: '按对接会举办日期计入期间；每场洽谈计入双方所在地区，合计只计一次',
  en: 'counted on the docking meeting’s day; each meeting counts in both sides’ regions, once in any total',
};
const meetingIndicator = (
  id: string,
  zh: string,
  en: string,
  what: { zh: string; en: string },
): Indicator => ({
  id,
  zh,
  en,
  unit: 'count',
  formula: { zh: `${what.zh}，${onTheDay.zh}`, en: `${what.en}, ${onTheDay.en}` },
  targetable: true,
});

export const MEETING_INDICATORS: Indicator[] = [
  meetingIndicator('meetings_requested', '对接会洽谈请求', 'Docking meetings requested', {
    zh: '对接会上参会方之间发出的一对一洽谈请求数（含被拒绝和过期的）',
    en: '1:1 meeting requests between participants of a docking meeting (declined and expired ones included)',
  }),
  meetingIndicator('meetings_accepted', '对接会接受的洽谈', 'Docking meetings accepted', {
    zh: '被对方接受的洽谈请求数（含现场加洽）',
    en: 'Meeting requests the other side accepted (walk-ins included)',
  }),
  meetingIndicator('meetings_scheduled', '对接会排定的洽谈', 'Docking meetings scheduled', {
    zh: '排进某时段某桌的洽谈数',
    en: 'Meetings placed in a slot at a table',
  }),
  meetingIndicator('meetings_held', '对接会举行的洽谈', 'Docking meetings held', {
    zh: '标记为已举行的洽谈数',
    en: 'Meetings marked held',
  }),
  meetingIndicator('meetings_valuable', '有成效的洽谈', 'Meetings with a valuable outcome', {
    zh: '至少一方记录为“有价值的联系”“开始洽谈”或“达成协议”的洽谈数',
    en: 'Meetings that either side recorded as valuable contact, negotiation started or agreement reached',
  }),
  {
    id: 'meeting_agreements_signed',
    zh: '对接会签约协议',
    en: 'Agreements signed at docking meetings',
    unit: 'count',
    formula: {
      zh: '在对接会集中签约中签署的协议数，按签约日期计入期间；计入每个签约方所在地区，合计只计一次',
      en: 'Agreements signed at a docking meeting’s signing ceremony, on their signing date; in each party’s region, once in any total',
    },
    targetable: true,
  },
];

for (const indicator of MEETING_INDICATORS) registerIndicator(indicator);
