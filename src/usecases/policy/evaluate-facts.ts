/**
 * One path from untrusted FACTS.md input to the engine's recommendation, shared by
 * `rongcuo evaluate` and `POST /api/policy/evaluate`: they differ only in where a jurisdiction code's
 * chain comes from (the demo map offline, the jurisdiction tree in the database on the server).
 */
import type { Db } from '../../db/connect.ts';
import { parseFactsOrThrow } from '../../contracts/facts.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { evaluate, type Recommendation } from '../../domain/policy/index.ts';
import { jurisdictionChain, policyDefinitions } from '../policy-context.ts';

/** Jurisdiction codes from `code` up to the province, most specific first; throws jurisdiction.unknown. */
export type ChainResolver = (code: string) => readonly string[] | Promise<readonly string[]>;

/**
 * The recommendation for `input` on `decisionDate`; no jurisdiction means the default policy alone.
 * @throws DomainError('facts.invalid') naming the first bad field (all of them in details.problems),
 *   'jurisdiction.unknown' naming `jurisdiction`, or the engine's errors (facts.unknown_item …).
 */
export async function recommendFromFacts(
  input: unknown,
  opts: { chainFor: ChainResolver; decisionDate: LocalDate },
): Promise<Recommendation> {
  const facts = parseFactsOrThrow(input);
  const chain = facts.jurisdiction === undefined ? [] : await opts.chainFor(facts.jurisdiction);
  return evaluate(facts, policyDefinitions(), { jurisdictionChain: chain, decisionDate: opts.decisionDate });
}

/** Chains from the jurisdiction tree in the database. */
export function chainFromDatabase(db: Db): ChainResolver {
  return async (code) => {
    const found = await db
      .selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!found) throw new DomainError('jurisdiction.unknown', { code }, 'jurisdiction');
    return jurisdictionChain(db, found.id);
  };
}
