import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { evaluate } from '../domain/policy/evaluate.ts';
import { SHIPPED_POLICIES } from '../domain/policy/policies/index.ts';
import type { Recommendation } from '../domain/policy/types.ts';
import { parseFacts, parseFactsOrThrow, RecommendationSchema } from './facts.ts';

const valid = {
  conductDate: '2023-06-15',
  jurisdiction: 'K',
  route: 'own_application',
  gates: { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true },
  situations: ['S2'],
  exclusions: [],
  preRegistration: 'not_required',
  breachOutstanding: false,
  mitigating: ['M1'],
  aggravating: [],
};

const problemsOf = (input: unknown) => {
  const result = parseFacts(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};
const fields = (input: unknown) => problemsOf(input).map((problem) => problem.field);

describe('parseFacts', () => {
  it('accepts the FACTS.md example', () => {
    const result = parseFacts(valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.facts).toMatchObject({ conductDate: '2023-06-15', gates: { G3: 'yes' } });
  });

  it('defaults the weighing circumstances to none', () => {
    const { mitigating: _m, aggravating: _a, ...rest } = valid;
    const result = parseFacts(rest);
    expect(result.ok && result.facts.mitigating).toEqual([]);
  });

  it('rejects a date that is not a date', () => {
    const [problem] = problemsOf({ ...valid, conductDate: '2023-02-30' });
    expect(problem).toEqual({
      field: 'conductDate',
      messageZh: '不是有效日期（应为 YYYY-MM-DD 格式的真实日期）',
      messageEn: 'Not a real date (expected YYYY-MM-DD)',
    });
  });

  it('rejects wrong types naming the field', () => {
    expect(fields({ ...valid, breachOutstanding: 'no' })).toEqual(['breachOutstanding']);
    expect(fields({ ...valid, situations: 'S2' })).toEqual(['situations']);
    expect(fields({ ...valid, gates: { ...valid.gates, G3: true } })).toEqual(['gates.G3']);
    expect(fields({ ...valid, gates: { ...valid.gates, G1: 'yes' } })).toEqual(['gates.G1']);
    expect(fields({ ...valid, route: 'anonymous_tip' })).toEqual(['route']);
  });

  it('rejects unknown keys at the top and in gates', () => {
    const problems = problemsOf({ ...valid, decision: 'exempt', gates: { ...valid.gates, motive: true } });
    expect(problems.map((p) => p.field).sort()).toEqual(['decision', 'gates.motive']);
    expect(problems.find((p) => p.field === 'decision')!.messageEn).toBe('Unknown field');
  });

  it('reports missing fields and duplicate ids, all at once', () => {
    const problems = problemsOf({ conductDate: '2023-06-15', situations: ['S2', 'S2'] });
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['breachOutstanding', 'exclusions', 'gates', 'preRegistration', 'route', 'situations[1]'].sort(),
    );
    expect(problems.find((p) => p.field === 'route')!.messageZh).toBe('缺少必填字段');
  });

  it('rejects input that is not an object', () => {
    expect(fields([])).toEqual(['facts']);
    expect(fields(null)).toEqual(['facts']);
  });
});

describe('parseFactsOrThrow and RecommendationSchema', () => {
  it('throws facts.invalid naming the first field and listing every problem', () => {
    expect(() => parseFactsOrThrow({ ...valid, conductDate: '2023-02-30', route: 'x' })).toThrow(
      expect.objectContaining({
        code: 'facts.invalid',
        field: 'conductDate',
        details: {
          problems: [
            expect.objectContaining({ field: 'conductDate' }),
            expect.objectContaining({ field: 'route' }),
          ],
        },
      }),
    );
  });

  it('describes what the engine returns', () => {
    expectTypeOf<Recommendation>().toExtend<z.input<typeof RecommendationSchema>>();
    const facts = parseFactsOrThrow(valid);
    const result = evaluate(facts, SHIPPED_POLICIES, {
      jurisdictionChain: ['K', 'S01', 'S'],
      decisionDate: facts.conductDate,
    });
    expect(RecommendationSchema.strict().parse(result)).toEqual(result);
  });
});
