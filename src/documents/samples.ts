/**
 * Sample documents for K County (a fictional county; the matter is modelled on CCDI guiding case
 * C01 in DOMAIN §10). Used by the tests and by scripts/render-sample-documents.ts.
 */
import type { OfficialDocument } from './model.ts';
import { acceptanceNotice, nonAcceptanceNotice } from './templates/acceptance-notices.ts';
import type { Cadre, DocumentBasics, PolicyCitation } from './templates/common.ts';
import { determinationDecision, type DeterminationInput } from './templates/determination.ts';
import { reviewDecision } from './templates/review-decision.ts';

const issuer = { name: '中共K县纪律检查委员会', jointWith: ['K县监察委员会'] };
const cadre: Cadre = { name: '张某某', unit: 'K县住房和城乡建设局', position: '副局长' };
const policy: PolicyCitation = {
  id: 'K-county-2024',
  title: 'K县党政干部容错纠错实施办法（试行）',
  version: '2024年版',
  clauses: ['第八条第（一）项', '第九条'],
};
const matter = '在背街小巷改造项目中采用公开摇号方式选定施工单位';
const basics = (number: number, date: string): DocumentBasics => ({
  issuer,
  documentNumber: `K纪〔2026〕${number}号`,
  date,
  copyTo: ['K县住房和城乡建设局', '中共K县委组织部'],
});

const determinationBase: Omit<DeterminationInput, 'outcome' | 'documentNumber' | 'issuer' | 'date'> = {
  cadre,
  matter,
  origin: '经K县住房和城乡建设局申请',
  facts: [
    '2026年3月，K县启动创建全国文明城市工作，县创建工作领导小组要求背街小巷改造项目于4月底前全面开工。张某某同志分管该项工作',
    '为加快进度，张某某同志主持召开专题会议，对依法不属于必须招标的12个小型改造项目，经资格审查后采用公开摇号方式确定施工单位，未按县政府投资项目管理规定报县发展改革局备案，造成程序瑕疵',
    '项目已于2026年9月全部完工并通过验收，未造成国有资金损失，未发现张某某同志与施工单位存在利益往来',
  ],
  analysis: [
    '按照“三个区分开来”要求，张某某同志的失误发生在推进文明城市创建、改善群众居住环境的过程中，属于因缺乏经验、先行先试出现的失误，而非明知故犯的违纪违法行为',
    '采用公开摇号方式系经会议集体研究决定，上级未明令禁止，事后主动报告并配合整改；其行为出于推动工作的公心，未谋取任何私利',
  ],
  policy,
  deliberation: { body: '县纪委常委会', date: '2026-11-20' },
  appeal: { window: '一个月', body: '中共K县纪律检查委员会' },
};

/** Every template with sample data, keyed by a file-name-friendly slug. */
export function sampleDocuments(): Record<string, OfficialDocument> {
  return {
    'acceptance-notice': acceptanceNotice({
      ...basics(1, '2026-10-16'),
      cadre,
      applicant: { kind: 'unit', unitName: 'K县住房和城乡建设局' },
      receivedOn: '2026-10-09',
      matter,
      policy: { ...policy, clauses: ['第十二条'] },
      verificationPeriod: '一个月',
      contact: { name: '李某', phone: '0571-8888xxxx' },
    }),
    'non-acceptance-notice': nonAcceptanceNotice({
      ...basics(2, '2026-10-16'),
      cadre: { name: '王某某', unit: 'K县某镇人民政府', position: '副镇长' },
      applicant: { kind: 'cadre' },
      receivedOn: '2026-10-10',
      matter: '违规发放津贴补贴问题',
      policy: { ...policy, clauses: ['第十条', '第十二条'] },
      reasons: [
        '申请事项涉及违规发放津贴补贴，属于《K县党政干部容错纠错实施办法（试行）》第十条规定的不予容错情形',
        '申请提出时，相关处理决定已作出且超过规定的申请期限',
      ],
      objection: { window: '15日', body: '中共K县纪律检查委员会', kind: 'review' },
    }),
    'determination-exempt': determinationDecision({
      ...determinationBase,
      ...basics(3, '2026-11-27'),
      outcome: 'exempt',
      correction: {
        responsible: 'K县住房和城乡建设局',
        measures: ['补办12个项目的备案手续', '修订小型工程项目施工单位选定办法，报县发展改革局审核后执行'],
        deadline: '2026-12-31',
      },
    }),
    'determination-mitigate': determinationDecision({
      ...determinationBase,
      ...basics(4, '2026-11-27'),
      outcome: 'mitigate',
      mitigatedMeasure: '对其进行诫勉谈话，免予党纪处分',
    }),
    'determination-refuse': determinationDecision({
      ...determinationBase,
      ...basics(5, '2026-11-27'),
      outcome: 'refuse',
      refusal: {
        reasons: ['在上级明令禁止后仍将项目拆分规避招标', '接受施工单位安排的宴请，存在谋取私利情形'],
        consequence: '由县纪委监委依规依纪依法作出处理',
      },
    }),
    'review-decision': reviewDecision({
      ...basics(9, '2027-01-15'),
      cadre,
      original: {
        documentNumber: 'K纪〔2026〕4号',
        title: '关于张某某同志容错减责的认定决定书',
        date: '2026-11-27',
      },
      appealReceivedOn: '2026-12-10',
      grounds: ['认为其已主动报告并完成整改，应予容错免责', '认为诫勉谈话的处理过重'],
      findings: [
        '复核组调阅了原核实材料，听取了申诉人陈述，并向县发展改革局、县住房和城乡建设局核实了有关情况',
        '申诉人提出的主动报告和整改情况属实，但已在原认定中予以考虑',
      ],
      outcome: 'upheld',
      deliberation: { body: '县纪委常委会（复核组成员另行组成）', date: '2027-01-12' },
    }),
  };
}
