/**
 * 澄清正名书: the commission clears a cadre of an accusation found untrue (DOMAIN §6; Art. 50 of the
 * 2020 complaint rules: with the principal leader's approval). It clears only the specific allegation
 * and says it is no overall evaluation (Hubei), names the forms and the reach the cadre consented to
 * and nothing wider — its copies stay within that reach — and tells the organisation department,
 * which receives a copy for the integrity file (廉政档案), that the allegation may weigh nowhere
 * against the cadre. It never names the accuser.
 */
import type { LocalDate, OfficialDocument } from '../model.ts';
import { bodyDate, endSentence, frame, we, type Cadre, type DocumentBasics } from './common.ts';

/** How the verification concluded: 不属实, 严重失实, or fabricated (查无实据、无中生有). */
export type UntrueFinding = 'untrue' | 'seriously_untrue' | 'fabricated';

export type NameClearingLetterInput = DocumentBasics & {
  cadre: Cadre;
  /** When the commission received the report. */
  receivedOn: LocalDate;
  /** What was alleged, as the clearing covers it (one sentence, no accuser). */
  allegation: string;
  finding: UntrueFinding;
  /** When the clearing was carried out. */
  clearedOn: LocalDate;
  /** The forms used, as printed (e.g. ['书面澄清', '会议澄清']). */
  forms: string[];
  /** The reach consented to and used, as printed (e.g. '本人所在单位范围内'). */
  scope: string;
  /** Where the clearing reaches the cadre's Party organisation or unit: its name, for the copies. */
  organisation: string | null;
  /** The organisation department that receives the copy, e.g. '中共K县委组织部'. */
  orgDept: string;
  /** The clause the policy rests clearing on. */
  clause: string;
};

const FINDING_TEXT: Record<UntrueFinding, string> = {
  untrue: '所反映问题不属实',
  seriously_untrue: '所反映问题严重失实',
  fabricated: '所反映问题查无实据，系捏造事实',
};

/** 澄清正名书. */
export function nameClearingLetter(input: NameClearingLetterInput): OfficialDocument {
  if (input.forms.length === 0) throw new Error('nameClearingLetter needs at least one form of clearing');
  const self = we(input.issuer);
  const { cadre } = input;
  const allegation = input.allegation.trim().replace(/[。；;，,]+$/, '');
  const paragraphs = [
    `${bodyDate(input.receivedOn)}，${self}收到反映${cadre.unit}${cadre.position}${cadre.name}同志${allegation}的问题。经认真核查，${FINDING_TEXT[input.finding]}。`,
    `根据${input.clause}，经${self}主要负责人批准，并征得${cadre.name}同志本人同意，${self}于${bodyDate(input.clearedOn)}对${cadre.name}同志予以澄清正名。`,
    `澄清方式：${input.forms.join('、')}。澄清范围：${endSentence(input.scope)}`,
    `本次澄清仅针对上述所反映的具体问题，不是对${cadre.name}同志的全面评价。`,
    `本澄清正名书抄送${input.orgDept}，并存入${cadre.name}同志廉政档案。在干部考察考核、选拔任用、评先评优等工作中，不得因上述不实反映对${cadre.name}同志作出负面评价。`,
    `希望${cadre.name}同志放下思想包袱，轻装上阵，继续担当作为、干事创业。`,
    '特此澄清。',
  ];
  return {
    kind: 'name_clearing_letter',
    ...frame({
      ...input,
      // The copies go no further than the reach the cadre agreed to.
      copyTo: [input.orgDept, ...(input.organisation ? [input.organisation] : [])],
    }),
    title: `关于${cadre.name}同志被反映问题的澄清正名书`,
    addressee: `${cadre.name}同志`,
    paragraphs,
  };
}
