/**
 * The scorecard's method in words — what the page, the API and the Excel sheet "指标说明" say about
 * how figures are counted, scored and withheld. Kept beside the code it describes.
 */
import { MIN_RATED_WEIGHT_SHARE } from './scorecard-score.ts';

export const SCORECARD_METHOD: readonly { zh: string; en: string }[] = [
  {
    zh: '统计口径：容错事项按启动日期归入统计期间（该批事项目前已办到哪一步就统计到哪一步，近期的数字会随办理进展增长）；纠错、澄清正名、回访教育按销号、澄清、回访发生的日期统计；期限在本期届满仍未办结的，计入本期“超期”，办结后改按办结日期计入。',
    en: 'Counting: tolerance matters count in the period they were opened (at whatever stage they have reached, so recent figures grow as the work goes on); corrections, name clearings and follow-up visits count on the day they were closed, cleared or made; work whose time limit ended in the period and is still not done counts there as overdue until it is done, and then on the day it was done.',
  },
  {
    zh: '标准化：每项评分指标在所比较的地区之间按“最小—最大”法换算为 0–100 分，越高越好的指标最高者得 100 分，越低越好的指标（超期比例、用时、复核改变原决定比例）最低者得 100 分。',
    en: 'Normalisation: each scored indicator is converted to 0–100 across the jurisdictions compared by min–max; where higher is better the highest scores 100, where lower is better (overdue share, days, decisions varied on review) the lowest scores 100.',
  },
  {
    zh: `综合得分：按权重对已评分指标加权平均（未评分的指标不计，权重按比例折算）；已评分指标的权重不足总权重的 ${MIN_RATED_WEIGHT_SHARE * 100}% 的，不计算综合得分、不排名。排名按综合得分从高到低，得分相同者名次相同。`,
    en: `Composite: the weighted mean of the indicators rated (those not rated are left out and the weights re-scaled); a jurisdiction rated on less than ${MIN_RATED_WEIGHT_SHARE * 100}% of the total weight gets no composite and no rank. Ranks run from the highest composite; equal composites share a rank.`,
  },
  {
    zh: '不评分的情形：没有可计算的数据；某项指标所依据的数字被隐去；或所比较的地区中少于两个有该项数据、或数据全部相同（无法区分）。结果构成（免责、减责、不予容错占比）只展示、不评分。',
    en: 'Not rated: no data to compute from; a count the figure rests on is withheld; or fewer than two of the jurisdictions compared have the figure, or all have the same (it tells them apart in nothing). The outcome mix (shares exempted, mitigated, refused) is shown, never scored.',
  },
  {
    zh: '小数字保护：向无权查看具体事项的用户显示时，1–4 的数字显示为“<5”；凡能由合计与其他数字相减推算出被隐去数字的（同一地区内各组成部分之和、下级地区之和等于上级合计），再隐去一个数字，同样显示为“<5”，因此“<5”也可能是为此一并隐去的较大数字。依据被隐去数字的比例同样隐去，且不参与任何评分，评分不会泄露被隐去的数字。对这些用户，自定义期间须为整月，避免用相差几天的两个期间相减得出个别日期的数字。',
    en: 'Small numbers: for viewers who may not read the matters themselves, counts of 1–4 show as "<5"; wherever a withheld count could be worked out by subtraction from a total (the parts of one jurisdiction\'s figures, or the jurisdictions under a parent adding up to its total), one more count is withheld and also shows as "<5" — so "<5" may stand for a larger number withheld for this reason. A share resting on a withheld count is withheld too and never scored, so no score gives a withheld count away. For these viewers a custom period must cover whole months, so that two periods a few days apart cannot be subtracted to give single days.',
  },
  {
    zh: '已知局限：不同统计期间（如季度与其中的月份）之间相减，仍可能推算出按月统计时被隐去的数字；如需更严格的保护，请仅向此类用户提供年度或季度评价。',
    en: 'Known limit: subtracting different periods (a quarter and its months) can still give a count withheld in a monthly scorecard; for stricter protection offer such viewers yearly or quarterly scorecards only.',
  },
];
