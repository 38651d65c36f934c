/**
 * 回访教育情况登记表: the register form of a follow-up visit to a sanctioned cadre (DOMAIN §7, after
 * Hanyin's 《受到党政纪处分人员回访教育情况登记表》), sent with the commission's reuse recommendation
 * to the organisation department. It records the sanction and its influence period, who visited,
 * when and how (听、察、谈), what they found on the four points the visit covers, the cadre's own
 * attitude, the grade (好 / 一般 / 较差) and the recommendation with its reasons — the reasons are
 * printed because every reuse decision must be answerable to the public.
 */
import { chineseNumber } from '../chinese-date.ts';
import type { LocalDate, OfficialDocument } from '../model.ts';
import { bodyDate, endSentence, frame, we, type Cadre, type DocumentBasics } from './common.ts';

export type FollowUpRegisterInput = DocumentBasics & {
  /** The organisation department addressed, e.g. '中共K县委组织部'. */
  recipient: string;
  cadre: Cadre;
  sanction: {
    /** e.g. '党内警告'. */
    label: string;
    decidedBy: string;
    documentNumber: string | null;
    effectiveOn: LocalDate;
    /** Months of the influence period; null when it has no end (开除). */
    months: number | null;
    /** Last day of the influence period; null when it has no end. */
    endsOn: LocalDate | null;
  };
  visit: {
    visitedOn: LocalDate;
    place: string | null;
    /** e.g. ['听', '察', '谈']. */
    methods: string[];
    visitors: { name: string; position: string }[];
    /** 教育关爱帮带人, if one was designated. */
    mentor: string | null;
    politicalThinking: string;
    conduct: string;
    work: string;
    sanctionExecution: string;
    attitude: string;
    talk: string;
    unitOpinion: string | null;
  };
  grade: { label: string; reasons: string };
  recommendation: { reuse: boolean; reasons: string; suggestedUse: string | null };
};

const influence = (s: FollowUpRegisterInput['sanction']) =>
  s.months === null || s.endsOn === null
    ? '无期限，不予重新使用'
    : `${s.months}个月，至${bodyDate(s.endsOn)}届满`;

/** 回访教育情况登记表. */
export function followUpRegister(input: FollowUpRegisterInput): OfficialDocument {
  const { cadre, sanction, visit, grade, recommendation } = input;
  if (visit.visitors.length < 2) throw new Error('followUpRegister needs at least two visitors');
  const self = we(input.issuer);
  const decision = sanction.documentNumber
    ? `${sanction.decidedBy}（${sanction.documentNumber}）`
    : sanction.decidedBy;
  const paragraphs = [
    `根据“谁处分谁回访”的要求，${self}于${bodyDate(visit.visitedOn)}对${cadre.unit}${cadre.position}${cadre.name}同志进行了回访教育。现将回访教育情况登记如下。`,
    { heading: '一、基本情况' },
    `姓名：${cadre.name}；单位及职务：${cadre.unit}${cadre.position}。`,
    `处分（处理）：${sanction.label}，由${decision}作出，自${bodyDate(sanction.effectiveOn)}起生效。`,
    `影响期：${influence(sanction)}。`,
    { heading: '二、回访情况' },
    `回访时间：${bodyDate(visit.visitedOn)}${visit.place ? `；回访地点：${visit.place}` : ''}。`,
    `回访人员：${visit.visitors.map((v) => (v.position ? `${v.name}（${v.position}）` : v.name)).join('、')}，共${chineseNumber(visit.visitors.length)}人。`,
    `回访方式：${visit.methods.join('、')}。${visit.mentor ? `教育关爱帮带人：${visit.mentor}。` : ''}`,
    { heading: '三、回访了解的情况' },
    `（一）政治思想：${endSentence(visit.politicalThinking)}`,
    `（二）遵规守纪：${endSentence(visit.conduct)}`,
    `（三）工作实绩和评价：${endSentence(visit.work)}`,
    `（四）处分决定执行情况：${endSentence(visit.sanctionExecution)}`,
    `本人思想认识和态度：${endSentence(visit.attitude)}`,
    `谈话情况：${endSentence(visit.talk)}`,
    ...(visit.unitOpinion ? [`所在党组织意见：${endSentence(visit.unitOpinion)}`] : []),
    { heading: '四、回访评定' },
    `评定等次：${grade.label}。评定意见：${endSentence(grade.reasons)}`,
    { heading: '五、使用建议' },
    recommendation.reuse
      ? `${self}建议对${cadre.name}同志予以使用${recommendation.suggestedUse ? `（${recommendation.suggestedUse.replace(/[。]$/, '')}）` : ''}。理由：${endSentence(recommendation.reasons)}`
      : `${self}建议对${cadre.name}同志暂不予以使用。理由：${endSentence(recommendation.reasons)}`,
    sanction.endsOn === null
      ? `${cadre.name}同志所受${sanction.label}不得提拔或者重新使用。`
      : `影响期届满前，不得提拔或者进一步使用；届满后是否使用，请按照干部管理权限和《党政领导干部选拔任用工作条例》的规定，结合本登记表综合研究。`,
    '特此函告。',
  ];
  return {
    kind: 'follow_up_register',
    ...frame(input),
    title: `${cadre.name}同志回访教育情况登记表`,
    addressee: input.recipient,
    paragraphs,
  };
}
