import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { FactsProblem } from '../../contracts/facts.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  OUTCOME_ZH,
  SHIPPED_POLICIES,
  demoJurisdictionChain,
  type Recommendation,
} from '../../domain/policy/index.ts';
import { recommendFromFacts } from '../../usecases/policy/evaluate-facts.ts';

/**
 * `rongcuo evaluate --facts FILE.json [--jurisdiction CODE] [--json]`: the policy engine's
 * recommendation for the facts of FACTS.md under the shipped policies. Exit 0 with the answer; exit 2
 * with every problem (field, Chinese, English) on stderr when the file or the facts are wrong.
 * `now` fixes the decision date in tests; it defaults to the clock.
 */
export function registerEvaluate(program: Command, options: { now?: () => Date } = {}): void {
  program
    .command('evaluate')
    .description('依据事实材料给出容错建议（不作决定）/ recommend from established facts (never decides)')
    .requiredOption('--facts <file>', '事实材料 JSON 文件 / facts JSON file (FACTS.md)')
    .option(
      '--jurisdiction <code>',
      '辖区代码，覆盖事实中的 jurisdiction / jurisdiction code, overrides facts.jurisdiction',
    )
    .option('--json', '以 JSON 输出 / JSON output')
    .action(async (opts: { facts: string; jurisdiction?: string; json?: boolean }) => {
      const outcome = await run(opts, (options.now ?? (() => new Date()))());
      if ('problems' in outcome) {
        const text = opts.json
          ? JSON.stringify({ code: 'facts.invalid', problems: outcome.problems }, null, 2)
          : outcome.problems
              .map((p) => `错误 / Error (${p.field}): ${p.messageZh} / ${p.messageEn}`)
              .join('\n');
        console.error(text);
        process.exitCode = 2;
        return;
      }
      console.log(
        opts.json ? JSON.stringify(outcome.recommendation, null, 2) : summary(outcome.recommendation),
      );
    });
}

async function run(
  opts: { facts: string; jurisdiction?: string },
  now: Date,
): Promise<{ recommendation: Recommendation } | { problems: FactsProblem[] }> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(opts.facts, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const unreadable = !(error instanceof SyntaxError);
    return {
      problems: [
        unreadable
          ? {
              field: '--facts',
              messageZh: `无法读取文件：${reason}`,
              messageEn: `Cannot read the file: ${reason}`,
            }
          : {
              field: 'facts',
              messageZh: `文件不是有效的 JSON：${reason}`,
              messageEn: `The file is not valid JSON: ${reason}`,
            },
      ],
    };
  }
  if (
    opts.jurisdiction !== undefined &&
    input !== null &&
    typeof input === 'object' &&
    !Array.isArray(input)
  ) {
    input = { ...input, jurisdiction: opts.jurisdiction };
  }
  try {
    const decisionDate = toBeijingDate(now);
    return {
      recommendation: await recommendFromFacts(input, { chainFor: demoJurisdictionChain, decisionDate }),
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'facts.invalid') return { problems: error.details.problems as FactsProblem[] };
    return {
      problems: [{ field: error.field ?? 'facts', messageZh: error.messageZh, messageEn: error.messageEn }],
    };
  }
}

function summary(result: Recommendation): string {
  const list = (ids: string[]) => (ids.length > 0 ? ids.join('、') : '无');
  const policy = SHIPPED_POLICIES.find(
    (p) => p.id === result.policy.id && p.version === result.policy.version,
  );
  return [
    `建议 / Recommendation：${OUTCOME_ZH[result.recommendation]}（${result.recommendation}）`,
    `须纠错整改 / Correction required：${result.correctionRequired ? '是 yes' : '否 no'}`,
    `适用政策 / Policy：${policy ? `《${policy.title.zh}》` : ''}${result.policy.id} ${result.policy.version} 施行（辖区 ${result.policy.jurisdiction ?? '全国默认'}）`,
    `负面清单 / Exclusions hit：${list(result.exclusionsHit)}`,
    `不成立的前提条件 / Gates failed：${list(result.gatesFailed)}`,
    `未查明的前提条件 / Gates unknown：${list(result.gatesUnknown)}`,
    `符合的可容错情形 / Situations matched：${list(result.situationsMatched)}`,
    '理由 / Reasons：',
    ...result.reasons.map((r, i) => `  ${i + 1}. ${r.zh}\n     ${r.en}\n     依据 / Clause：${r.clause}`),
    '（本结果仅为建议，须经集体研究决定；偏离建议须书面说明理由。This is a recommendation; the collective decision decides.）',
  ].join('\n');
}
