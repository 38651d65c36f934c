/**
 * 受理通知书 and 不予受理通知书: the written answer to a tolerance application (DOMAIN §4.1 step 2).
 */
import type { OfficialDocument } from '../model.ts';
import {
  appealRightsSentence,
  bodyDate,
  cite,
  endSentence,
  enumerate,
  frame,
  we,
  type AppealRights,
  type Cadre,
  type DocumentBasics,
  type PolicyCitation,
} from './common.ts';

/** Who applied: the cadre personally, or their unit on the cadre's behalf. */
export type Applicant = { kind: 'cadre' } | { kind: 'unit'; unitName: string };

type ApplicationData = DocumentBasics & {
  cadre: Cadre;
  applicant: Applicant;
  /** When the application was received. */
  receivedOn: string;
  /** What the application is about, e.g. '在背街小巷改造项目中采用公开摇号方式选定施工单位问题'. */
  matter: string;
  policy: PolicyCitation;
};

export type AcceptanceNoticeInput = ApplicationData & {
  /** How long verification takes, e.g. '一个月'. */
  verificationPeriod: string;
  /** Contact person and phone for the applicant, printed as given. */
  contact?: { name: string; phone: string };
};

export type NonAcceptanceNoticeInput = ApplicationData & {
  /** Why the application is not accepted; each reason becomes '（一）…'. */
  reasons: string[];
  /** Where the applicant can object; omitted when the policy gives no route. */
  objection?: AppealRights;
};

/** 受理通知书. */
export function acceptanceNotice(input: AcceptanceNoticeInput): OfficialDocument {
  const { cadre } = input;
  const paragraphs = [
    `${receivedSentence(input)}经审查，该申请符合${cite(input.policy)}规定的受理条件，${we(input.issuer)}决定予以受理。`,
    `${we(input.issuer)}将自受理之日起${input.verificationPeriod}内完成核实工作。核实期间，请${you(input)}积极配合，如实提供相关情况和材料。核实结束后，${we(input.issuer)}将依规依纪依法作出认定，并书面告知结果。`,
    ...(input.contact ? [`联系人：${input.contact.name}，联系电话：${input.contact.phone}。`] : []),
    '特此通知。',
  ];
  return {
    kind: 'acceptance_notice',
    ...frame(input),
    title: `关于${cadre.name}同志容错申请的受理通知书`,
    addressee: addressee(input),
    paragraphs,
  };
}

/** 不予受理通知书, with numbered reasons. */
export function nonAcceptanceNotice(input: NonAcceptanceNoticeInput): OfficialDocument {
  if (input.reasons.length === 0) throw new Error('nonAcceptanceNotice needs at least one reason');
  const paragraphs = [
    `${receivedSentence(input)}经审查，该申请不符合${cite(input.policy)}规定的受理条件，${we(input.issuer)}决定不予受理。理由如下：`,
    ...enumerate(input.reasons),
    ...(input.objection ? [appealRightsSentence(input.objection, '通知', false)] : []),
    '特此通知。',
  ];
  return {
    kind: 'non_acceptance_notice',
    ...frame(input),
    title: `关于${input.cadre.name}同志容错申请的不予受理通知书`,
    addressee: addressee(input),
    paragraphs,
  };
}

function receivedSentence(input: ApplicationData): string {
  const { cadre } = input;
  const whose = input.applicant.kind === 'unit' ? `为${cadre.position}${cadre.name}同志` : '';
  return `${you(input)}于${bodyDate(input.receivedOn)}${whose}提交的关于${endSentence(input.matter).replace(/。$/, '')}的容错申请收悉。`;
}

function addressee(input: ApplicationData): string {
  return input.applicant.kind === 'unit' ? input.applicant.unitName : `${input.cadre.name}同志`;
}

function you(input: ApplicationData): string {
  return input.applicant.kind === 'unit' ? '你单位' : '你';
}
