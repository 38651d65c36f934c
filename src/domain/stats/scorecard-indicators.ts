/**
 * 实施力度评价 — the county scorecard's figures (DESIGN §3.10, issue 8 item 3): from the counts of
 * one jurisdiction and period to the indicators the scorecard rates. Pure; every definition below is
 * also what the API's definitions list and the Excel sheet "指标说明" print.
 *
 * Counting rules (see metrics.ts, procedure-events.ts):
 * - tolerance figures are by cohort: the matters opened in the period, each counted at whatever stage
 *   it has reached so far (so a period's figures can still grow while its matters are worked);
 * - correction, name-clearing and follow-up figures are by event: closed, cleared or visited in the
 *   period; a time limit that fell in the period and is still not met counts as missed there until
 *   the work is done (then it is counted, late, in the period it was done).
 */

/** The counts of one jurisdiction and period that every figure is computed from. */
export type ScorecardCounts = {
  /** Cadres in office now (the roster): the denominator of the application rate, not a matter count. */
  cadres: number;
  applied: number;
  exOfficio: number;
  acceptanceMet: number;
  acceptanceMissed: number;
  verificationMet: number;
  verificationMissed: number;
  /** Matters of the cohort now past a running acceptance or verification time limit. */
  runningOverdue: number;
  decided: number;
  exempt: number;
  mitigate: number;
  refuse: number;
  daysAcceptanceSum: number;
  daysAcceptanceN: number;
  daysVerificationSum: number;
  daysVerificationN: number;
  daysDecisionSum: number;
  daysDecisionN: number;
  appealed: number;
  reviewed: number;
  reversed: number;
  correctionsClosed: number;
  correctionsClosedOnTime: number;
  correctionsTerminated: number;
  /** Corrections whose rectification period ended in the period and that are still rectifying. */
  correctionsOverdueOpen: number;
  namesCleared: number;
  namesClearedOnTime: number;
  /** Name clearings whose deadline fell in the period and that are still not carried out. */
  namesOverdueOpen: number;
  visits: number;
  visitsOnTime: number;
  /** Planned visits that fell due in the period and have not been made. */
  visitsOverdueOpen: number;
};

export const ZERO_COUNTS: ScorecardCounts = {
  cadres: 0,
  applied: 0,
  exOfficio: 0,
  acceptanceMet: 0,
  acceptanceMissed: 0,
  verificationMet: 0,
  verificationMissed: 0,
  runningOverdue: 0,
  decided: 0,
  exempt: 0,
  mitigate: 0,
  refuse: 0,
  daysAcceptanceSum: 0,
  daysAcceptanceN: 0,
  daysVerificationSum: 0,
  daysVerificationN: 0,
  daysDecisionSum: 0,
  daysDecisionN: 0,
  appealed: 0,
  reviewed: 0,
  reversed: 0,
  correctionsClosed: 0,
  correctionsClosedOnTime: 0,
  correctionsTerminated: 0,
  correctionsOverdueOpen: 0,
  namesCleared: 0,
  namesClearedOnTime: 0,
  namesOverdueOpen: 0,
  visits: 0,
  visitsOnTime: 0,
  visitsOverdueOpen: 0,
};

export function addCounts(a: ScorecardCounts, b: ScorecardCounts): ScorecardCounts {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof ScorecardCounts)[]) out[key] += b[key];
  return out;
}

type Label = { zh: string; en: string };

/**
 * The counts a scorecard shows (cells). Each is a count of matters or events, so each is subject to
 * small-number suppression; the parts that add up to another cell are declared in CELL_GROUPS, so a
 * hidden cell cannot be worked out by subtraction.
 */
export const CELLS = {
  applied: { zh: '启动容错事项', en: 'Tolerance matters opened' },
  exOfficio: { zh: '其中依职权启动', en: 'of which opened ex officio' },
  otherRoutes: { zh: '其中申请启动', en: 'of which applied for' },
  acceptanceDecided: { zh: '作出受理决定', en: 'Acceptance decisions' },
  acceptanceOnTime: { zh: '其中按期', en: 'of which on time' },
  acceptanceLate: { zh: '其中逾期', en: 'of which late' },
  limitsRated: { zh: '计时环节', en: 'Timed steps' },
  limitsKept: { zh: '其中按期完成', en: 'of which kept the time limit' },
  limitsMissed: { zh: '其中超期（含在办超期）', en: 'of which overdue (incl. still open)' },
  decided: { zh: '作出决定', en: 'Decisions' },
  exempt: { zh: '免责', en: 'Exempt' },
  mitigate: { zh: '减责', en: 'Mitigated' },
  refuse: { zh: '不予容错', en: 'Refused' },
  stepsAcceptance: { zh: '受理环节计时件数', en: 'Acceptance steps measured' },
  stepsVerification: { zh: '核实环节计时件数', en: 'Verification steps measured' },
  stepsDecision: { zh: '决定环节计时件数', en: 'Decision steps measured' },
  stepsMeasured: { zh: '计时环节合计', en: 'Steps measured' },
  appealed: { zh: '提出申诉', en: 'Appeals lodged' },
  reviewed: { zh: '作出复核决定', en: 'Reviews decided' },
  reversed: { zh: '复核改变原决定', en: 'Decisions varied on review' },
  upheld: { zh: '复核维持原决定', en: 'Decisions upheld on review' },
  correctionsDue: { zh: '应完成纠错', en: 'Corrections due' },
  correctionsClosed: { zh: '纠错销号', en: 'Corrections closed' },
  correctionsTerminated: { zh: '纠错终止', en: 'Corrections ended' },
  correctionsOverdueOpen: { zh: '逾期未整改', en: 'Overdue, still rectifying' },
  correctionsOnTime: { zh: '按期整改销号', en: 'Closed on time' },
  correctionsLate: { zh: '未按期', en: 'Not on time' },
  namesDue: { zh: '应完成澄清', en: 'Name clearings due' },
  namesCleared: { zh: '已澄清正名', en: 'Names cleared' },
  namesOverdueOpen: { zh: '逾期未澄清', en: 'Overdue, not yet cleared' },
  namesOnTime: { zh: '按期澄清', en: 'Cleared within the deadline' },
  namesLate: { zh: '未按期', en: 'Not within the deadline' },
  visitsDue: { zh: '应回访', en: 'Visits due' },
  visitsDone: { zh: '已回访', en: 'Follow-up visits done' },
  visitsOverdueOpen: { zh: '逾期未回访', en: 'Overdue, not yet visited' },
  visitsOnTime: { zh: '按期回访', en: 'Visited on time' },
  visitsLate: { zh: '未按期', en: 'Not on time' },
} as const satisfies Record<string, Label>;

export type CellKey = keyof typeof CELLS;
export const CELL_KEYS = Object.keys(CELLS) as CellKey[];
export type CellCounts = Record<CellKey, number>;

/** Parts that add up to a total within one jurisdiction's row. */
export const CELL_GROUPS: readonly { total: CellKey; parts: readonly CellKey[] }[] = [
  { total: 'applied', parts: ['exOfficio', 'otherRoutes'] },
  { total: 'acceptanceDecided', parts: ['acceptanceOnTime', 'acceptanceLate'] },
  { total: 'limitsRated', parts: ['limitsKept', 'limitsMissed'] },
  { total: 'decided', parts: ['exempt', 'mitigate', 'refuse'] },
  { total: 'stepsMeasured', parts: ['stepsAcceptance', 'stepsVerification', 'stepsDecision'] },
  { total: 'reviewed', parts: ['reversed', 'upheld'] },
  {
    total: 'correctionsDue',
    parts: ['correctionsClosed', 'correctionsTerminated', 'correctionsOverdueOpen'],
  },
  { total: 'correctionsDue', parts: ['correctionsOnTime', 'correctionsLate'] },
  { total: 'namesDue', parts: ['namesCleared', 'namesOverdueOpen'] },
  { total: 'namesDue', parts: ['namesOnTime', 'namesLate'] },
  { total: 'visitsDue', parts: ['visitsDone', 'visitsOverdueOpen'] },
  { total: 'visitsDue', parts: ['visitsOnTime', 'visitsLate'] },
];

/** The cells of one jurisdiction from its counts. */
export function cellsOf(c: ScorecardCounts): CellCounts {
  const limitsKept = c.acceptanceMet + c.verificationMet;
  const limitsMissed = c.acceptanceMissed + c.verificationMissed + c.runningOverdue;
  const correctionsDue = c.correctionsClosed + c.correctionsTerminated + c.correctionsOverdueOpen;
  const namesDue = c.namesCleared + c.namesOverdueOpen;
  const visitsDue = c.visits + c.visitsOverdueOpen;
  return {
    applied: c.applied,
    exOfficio: c.exOfficio,
    otherRoutes: c.applied - c.exOfficio,
    acceptanceDecided: c.acceptanceMet + c.acceptanceMissed,
    acceptanceOnTime: c.acceptanceMet,
    acceptanceLate: c.acceptanceMissed,
    limitsRated: limitsKept + limitsMissed,
    limitsKept,
    limitsMissed,
    decided: c.decided,
    exempt: c.exempt,
    mitigate: c.mitigate,
    refuse: c.refuse,
    stepsAcceptance: c.daysAcceptanceN,
    stepsVerification: c.daysVerificationN,
    stepsDecision: c.daysDecisionN,
    stepsMeasured: c.daysAcceptanceN + c.daysVerificationN + c.daysDecisionN,
    appealed: c.appealed,
    reviewed: c.reviewed,
    reversed: c.reversed,
    upheld: c.reviewed - c.reversed,
    correctionsDue,
    correctionsClosed: c.correctionsClosed,
    correctionsTerminated: c.correctionsTerminated,
    correctionsOverdueOpen: c.correctionsOverdueOpen,
    correctionsOnTime: c.correctionsClosedOnTime,
    correctionsLate: correctionsDue - c.correctionsClosedOnTime,
    namesDue,
    namesCleared: c.namesCleared,
    namesOverdueOpen: c.namesOverdueOpen,
    namesOnTime: c.namesClearedOnTime,
    namesLate: namesDue - c.namesClearedOnTime,
    visitsDue,
    visitsDone: c.visits,
    visitsOverdueOpen: c.visitsOverdueOpen,
    visitsOnTime: c.visitsOnTime,
    visitsLate: visitsDue - c.visitsOnTime,
  };
}

/** Higher is better, lower is better, or neither (shown, never scored). */
export type Direction = 'higher' | 'lower' | 'neutral';
export type IndicatorUnit = 'per1000' | 'percent' | 'days';

export type IndicatorDefinition = {
  label: Label;
  /** A few characters, for chart axes. */
  short: Label;
  /** How it is computed, in words (API, page and Excel). */
  definition: Label;
  direction: Direction;
  unit: IndicatorUnit;
  /** The cells the figure rests on: it is hidden whenever one of them is. */
  restsOn: readonly CellKey[];
  /** The figure from the counts; null when there is nothing to compute it from. */
  value: (c: ScorecardCounts, cells: CellCounts) => number | null;
};

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
/** A share in percent, one decimal; null over nothing. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : round((part / whole) * 100, 1);
/** A mean, one decimal; null over nothing. */
export const mean = (sum: number, n: number): number | null => (n === 0 ? null : round(sum / n, 1));

export const INDICATORS = {
  applicationsPer1000: {
    short: { zh: '申请率', en: 'Applications' },
    label: { zh: '每千名干部启动容错事项数', en: 'Tolerance matters per 1,000 cadres' },
    definition: {
      zh: '本期启动的容错事项（含依职权启动，不含草稿）÷ 在职干部数 × 1000',
      en: 'Tolerance matters opened in the period (ex officio included, drafts not) ÷ cadres in office × 1,000',
    },
    direction: 'higher',
    unit: 'per1000',
    restsOn: ['applied'],
    value: (c) => (c.cadres === 0 ? null : round((c.applied / c.cadres) * 1000, 2)),
  },
  exOfficioShare: {
    short: { zh: '主动审查', en: 'Ex officio' },
    label: { zh: '依职权启动（主动审查）占比', en: 'Share opened ex officio (screening)' },
    definition: {
      zh: '依职权启动的事项 ÷ 启动事项；反映纪委监委是否对问责、处分案件主动开展容错审查',
      en: 'Matters opened ex officio ÷ matters opened: whether the commission screens accountability cases on its own motion',
    },
    direction: 'higher',
    unit: 'percent',
    restsOn: ['exOfficio', 'otherRoutes', 'applied'],
    value: (c) => percent(c.exOfficio, c.applied),
  },
  acceptanceOnTime: {
    short: { zh: '按期受理', en: 'Accepted on time' },
    label: { zh: '按期作出受理决定比例', en: 'Acceptance decided within the time limit' },
    definition: {
      zh: '在受理时限内（补正期间不计）作出受理或不予受理决定的申请 ÷ 作出受理决定的申请',
      en: 'Applications accepted or refused within the acceptance time limit (supplement time not counted) ÷ acceptance decisions',
    },
    direction: 'higher',
    unit: 'percent',
    restsOn: ['acceptanceOnTime', 'acceptanceLate', 'acceptanceDecided'],
    value: (c) => percent(c.acceptanceMet, c.acceptanceMet + c.acceptanceMissed),
  },
  daysPerStep: {
    short: { zh: '环节用时', en: 'Days per step' },
    label: { zh: '各环节平均用时（工作日）', en: 'Working days per step' },
    definition: {
      zh: '受理（申请→受理）、核实（受理→提出认定意见）、决定（认定意见→集体决定）三个环节用时之和 ÷ 计时环节数',
      en: 'Working days of the acceptance (filing→acceptance), verification (acceptance→proposal) and decision (proposal→decision) steps ÷ steps measured',
    },
    direction: 'lower',
    unit: 'days',
    restsOn: ['stepsMeasured'],
    value: (c) =>
      mean(
        c.daysAcceptanceSum + c.daysVerificationSum + c.daysDecisionSum,
        c.daysAcceptanceN + c.daysVerificationN + c.daysDecisionN,
      ),
  },
  daysAcceptance: {
    short: { zh: '受理用时', en: 'Days to accept' },
    label: { zh: '受理平均用时（工作日）', en: 'Working days to accept' },
    definition: { zh: '提出申请至受理的工作日均值', en: 'Mean working days from filing to acceptance' },
    direction: 'lower',
    unit: 'days',
    restsOn: ['stepsAcceptance'],
    value: (c) => mean(c.daysAcceptanceSum, c.daysAcceptanceN),
  },
  daysVerification: {
    short: { zh: '核实用时', en: 'Days to verify' },
    label: { zh: '核实平均用时（工作日）', en: 'Working days to verify' },
    definition: {
      zh: '受理至提出认定意见的工作日均值',
      en: 'Mean working days from acceptance to the proposal',
    },
    direction: 'lower',
    unit: 'days',
    restsOn: ['stepsVerification'],
    value: (c) => mean(c.daysVerificationSum, c.daysVerificationN),
  },
  daysDecision: {
    short: { zh: '决定用时', en: 'Days to decide' },
    label: { zh: '决定平均用时（工作日）', en: 'Working days to decide' },
    definition: {
      zh: '提出认定意见至集体决定的工作日均值',
      en: 'Mean working days from the proposal to the collective decision',
    },
    direction: 'lower',
    unit: 'days',
    restsOn: ['stepsDecision'],
    value: (c) => mean(c.daysDecisionSum, c.daysDecisionN),
  },
  overdueShare: {
    short: { zh: '超期', en: 'Overdue' },
    label: { zh: '超期比例', en: 'Overdue share' },
    definition: {
      zh: '超过时限完成的受理、核实环节及目前仍超期在办的事项 ÷ 已有结果的计时环节（按期 + 超期 + 在办超期）',
      en: 'Acceptance and verification steps finished late, plus matters now overdue and still open ÷ timed steps with a result (on time + late + open and overdue)',
    },
    direction: 'lower',
    unit: 'percent',
    restsOn: ['limitsMissed', 'limitsKept', 'limitsRated'],
    value: (c, cells) => percent(cells.limitsMissed, cells.limitsRated),
  },
  exemptShare: {
    short: { zh: '免责', en: 'Exempt' },
    label: { zh: '免责占比', en: 'Share exempted' },
    definition: {
      zh: '免责决定 ÷ 作出的决定（仅展示，不评分）',
      en: 'Exemptions ÷ decisions (shown, not scored)',
    },
    direction: 'neutral',
    unit: 'percent',
    restsOn: ['exempt', 'decided'],
    value: (c) => percent(c.exempt, c.decided),
  },
  mitigateShare: {
    short: { zh: '减责', en: 'Mitigated' },
    label: { zh: '减责占比', en: 'Share mitigated' },
    definition: {
      zh: '减责决定 ÷ 作出的决定（仅展示，不评分）',
      en: 'Mitigations ÷ decisions (shown, not scored)',
    },
    direction: 'neutral',
    unit: 'percent',
    restsOn: ['mitigate', 'decided'],
    value: (c) => percent(c.mitigate, c.decided),
  },
  refuseShare: {
    short: { zh: '不予容错', en: 'Refused' },
    label: { zh: '不予容错占比', en: 'Share refused' },
    definition: {
      zh: '不予容错决定 ÷ 作出的决定（仅展示，不评分）',
      en: 'Refusals ÷ decisions (shown, not scored)',
    },
    direction: 'neutral',
    unit: 'percent',
    restsOn: ['refuse', 'decided'],
    value: (c) => percent(c.refuse, c.decided),
  },
  reversalShare: {
    short: { zh: '复核改变', en: 'Varied on review' },
    label: { zh: '复核改变原决定比例', en: 'Decisions varied on review' },
    definition: {
      zh: '申诉复核后改变原决定的事项 ÷ 作出复核决定的事项',
      en: 'Decisions varied on review ÷ reviews decided',
    },
    direction: 'lower',
    unit: 'percent',
    restsOn: ['reversed', 'upheld', 'reviewed'],
    value: (c) => percent(c.reversed, c.reviewed),
  },
  correctionsOnTime: {
    short: { zh: '纠错按期', en: 'Corrections on time' },
    label: { zh: '纠错按期整改销号率', en: 'Corrections closed on time' },
    definition: {
      zh: '本期销号且在整改期限内报告完成、从未因逾期或拒不整改报请领导处理的纠错 ÷（本期销号 + 本期终止 + 整改期限在本期届满仍在整改的纠错）',
      en: 'Corrections closed in the period whose completion was reported within the rectification period and never escalated ÷ (closed + ended in the period + still rectifying past a period that ended in it)',
    },
    direction: 'higher',
    unit: 'percent',
    restsOn: ['correctionsOnTime', 'correctionsLate', 'correctionsDue'],
    value: (c, cells) => percent(cells.correctionsOnTime, cells.correctionsDue),
  },
  namesOnTime: {
    short: { zh: '澄清按期', en: 'Names cleared on time' },
    label: { zh: '按期澄清正名率', en: 'Names cleared within the deadline' },
    definition: {
      zh: '本期在澄清期限内实施澄清的 ÷（本期实施澄清 + 澄清期限在本期届满仍未实施的）',
      en: 'Clearings carried out in the period within their deadline ÷ (clearings carried out in the period + those whose deadline ended in it and are still not done)',
    },
    direction: 'higher',
    unit: 'percent',
    restsOn: ['namesOnTime', 'namesLate', 'namesDue'],
    value: (c, cells) => percent(cells.namesOnTime, cells.namesDue),
  },
  visitsOnTime: {
    short: { zh: '回访按期', en: 'Visits on time' },
    label: { zh: '回访教育按期完成率', en: 'Follow-up visits done on time' },
    definition: {
      zh: '本期按计划日期完成的回访 ÷（本期完成的回访 + 计划日期在本期已过仍未回访的）',
      en: 'Visits made in the period on or before their planned day ÷ (visits made in the period + planned visits due in it not yet made)',
    },
    direction: 'higher',
    unit: 'percent',
    restsOn: ['visitsOnTime', 'visitsLate', 'visitsDue'],
    value: (c, cells) => percent(cells.visitsOnTime, cells.visitsDue),
  },
} as const satisfies Record<string, IndicatorDefinition>;

export type IndicatorKey = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];
/** The indicators that can carry a weight (a direction to be better in). */
export const RATED_KEYS = INDICATOR_KEYS.filter((k) => INDICATORS[k].direction !== 'neutral');

/** Every indicator's value for one jurisdiction. */
export function indicatorValues(c: ScorecardCounts): Record<IndicatorKey, number | null> {
  const cells = cellsOf(c);
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, INDICATORS[k].value(c, cells)])) as Record<
    IndicatorKey,
    number | null
  >;
}
