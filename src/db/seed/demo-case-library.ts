/**
 * The K County typical case library in the demo: three decided demo matters published as typical
 * cases and one left as a draft, made by running the real steps — the case officer prepares (the
 * automatic de-identification), rewrites the account and the lesson as a case should read, and
 * proposes; the commission leader approves. So the public page /cases has something to find (搜
 * “垫付” or “抢修”), and the internal library shows a draft beside the published ones.
 */
import type { Deps } from '../../app/deps.ts';
import type { CaseActionBodies } from '../../contracts/case-library.ts';
import type { CaseEntryAction } from '../../domain/case-library/procedure.ts';
import { performCaseAction } from '../../usecases/case-library/perform-case-action.ts';
import { prepareCase } from '../../usecases/case-library/prepare-case.ts';
import { loadPrincipal, type UserWithGrants } from '../queries/principal.ts';

type DemoCase = {
  /** The demo matter's title (demo-matters.ts). */
  matterTitle: string;
  /** The case officer's rewrite, already de-identified (张某, 某镇, months only). */
  title?: string;
  facts: string;
  significance: string;
  publish: boolean;
};

export const DEMO_CASES: DemoCase[] = [
  {
    matterTitle: '关于农产品产销对接活动先行垫付费用的容错申请',
    facts:
      '2025年6月，某县部分农产品出现滞销。县某局副局长张某为帮助农民专业合作社打开销路，在展会主办方限期缴费、' +
      '局内经费拨付手续尚未办结的情况下，经局党组会议集体研究，由局里先行垫付参展费用3.6万元，事后补办了预算调整和报销手续。' +
      '该事项被指出存在“未经批准先行支出”问题。\n' +
      '经核实，垫付资金全部用于展会参展，未发现为本人或他人谋取私利的情况；参展期间帮助12家合作社签订销售合同，' +
      '销售滞销农产品约260吨；相关手续已于事后补齐，未造成损失。',
    significance:
      '干部为解决群众急难愁盼问题，在程序上先行一步、事后及时补正，且经集体研究、未谋私利的，应当依规容错免责，' +
      '保护干事创业的积极性。同时提示各单位完善应急支出审批流程，避免“先支后批”成为常态。',
    publish: true,
  },
  {
    matterTitle: '水利设施抢修容错申请',
    title: '汛期临机处置抢修水利设施获容错免责',
    facts:
      '2025年汛期，某镇一处灌溉渠首闸门在强降雨中受损，下游约800亩农田面临受淹风险。该镇分管干部在来不及履行询价比选程序的情况下，' +
      '经镇党政主要负责人同意，直接委托有资质的施工队伍连夜抢修，抢修费用4.2万元，险情排除后及时向镇党委报告并补办了采购手续。\n' +
      '经核实，抢修决策出于保障群众生产安全，费用经第三方审核无虚高，未发现利益输送。',
    significance:
      '面对突发险情临机处置、事后及时报告并补办手续，且未谋取私利的，属于可以容错的情形。容错不等于免除程序，' +
      '事后补正同样是认定容错的重要条件。',
    publish: true,
  },
  {
    matterTitle: '交通运输局农村公路养护容错审查',
    title: '为抢修水毁路段调整养护资金用途获容错减责',
    facts:
      '2025年，县某局在农村公路养护工作中，为尽快修复因暴雨损毁的路段、保障群众出行，未经局务会集体研究，' +
      '即调整了部分养护资金用途，涉及资金15万元。\n经核实，调整后的资金全部用于损毁路段修复，工程已通过验收，未发现谋取私利情况，但决策程序存在瑕疵。',
    significance:
      '出于公心推动工作、但未履行集体决策程序的，可以依规减轻责任，同时责令纠错、完善制度，做到容纠并举，' +
      '既为担当者撑腰，也为失范者立规。',
    publish: true,
  },
  {
    matterTitle: '市场监管局企业帮扶措施容错审查',
    facts:
      '为稳住受冲击的中小企业，县某局在上级政策尚未明确的情况下，先行出台临时帮扶措施，对部分企业延期收取有关费用。',
    significance: '',
    publish: false,
  },
];

async function principal(deps: Deps, username: string): Promise<UserWithGrants> {
  const row = await deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return (await loadPrincipal(deps.db, row.id))!;
}

/** Runs the steps; answers how many cases were published. */
export async function loadDemoCaseLibrary(deps: Deps): Promise<number> {
  const officer = await principal(deps, 'officer');
  const leader = await principal(deps, 'leader');
  const step = <A extends CaseEntryAction>(
    user: UserWithGrants,
    id: string,
    action: A,
    body: CaseActionBodies[A],
  ) => performCaseAction(deps, user, id, action, body);
  let published = 0;
  for (const demo of DEMO_CASES) {
    const matter = await deps.db
      .selectFrom('matters')
      .select('id')
      .where('type', '=', 'tolerance')
      .where('title', '=', demo.matterTitle)
      .executeTakeFirstOrThrow();
    const { id } = await prepareCase(deps, officer, matter.id);
    await step(officer, id, 'revise', {
      ...(demo.title ? { title: demo.title } : {}),
      facts: demo.facts,
      ...(demo.significance ? { significance: demo.significance } : {}),
      redeidentify: false,
    });
    if (!demo.publish) continue;
    await step(officer, id, 'propose', {});
    await step(leader, id, 'approve', {});
    published += 1;
  }
  return published;
}
