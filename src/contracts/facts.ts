/**
 * The facts a tolerance recommendation rests on (FACTS.md "Input"), validated strictly: unknown keys,
 * wrong types and dates that are not dates are rejected with the field named, never guessed at.
 * Whether each id exists is checked against the applicable policy in the domain
 * (`validateFactsAgainstPolicy`), because only the policy knows its items.
 */
import { z } from 'zod';
import { isLocalDate, type LocalDate } from '../domain/calendar/local-date.ts';
import { DomainError } from '../domain/errors.ts';
import type { Facts } from '../domain/policy/types.ts';

const ITEM_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
const GATE_ID = /^G[1-9]\d*$/;

const LocalDateString = z
  .string()
  .refine(isLocalDate, { params: { problem: 'date' } })
  .transform((value) => value as LocalDate);

// `when: () => true` reports these alongside type errors elsewhere in the same value.
const ALWAYS = { when: () => true };

const IdList = z
  .array(z.string().regex(ITEM_ID))
  .max(100)
  .check(
    z.superRefine((ids: unknown, ctx) => {
      if (!Array.isArray(ids)) return;
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index)
          ctx.addIssue({ code: 'custom', path: [index], params: { problem: 'duplicate' } });
      });
    }, ALWAYS),
  );

/** Gates by id: G3 (procedure) is 'yes' | 'no' | 'emergency_reported', every other gate a boolean. */
const Gates = z
  .object({ G3: z.enum(['yes', 'no', 'emergency_reported']).optional() })
  .catchall(z.boolean())
  .check(
    z.superRefine((gates: unknown, ctx) => {
      if (gates === null || typeof gates !== 'object') return;
      for (const key of Object.keys(gates)) {
        if (!GATE_ID.test(key))
          ctx.addIssue({ code: 'custom', path: [key], params: { problem: 'gate_key' } });
      }
    }, ALWAYS),
  );

/** FACTS.md input; `mitigating` and `aggravating` may be omitted (none). */
export const FactsSchema = z.strictObject({
  conductDate: LocalDateString,
  jurisdiction: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .optional(),
  route: z.enum(['own_application', 'unit_application', 'ex_officio', 'pre_registration']),
  gates: Gates,
  situations: IdList,
  exclusions: IdList,
  preRegistration: z.enum(['filed_acknowledged', 'filed_rejected', 'not_filed', 'not_required']),
  breachOutstanding: z.boolean(),
  mitigating: IdList.default([]),
  aggravating: IdList.default([]),
});

/** One thing wrong with the facts, naming the field ('gates.G3', 'situations[0]'). */
export type FactsProblem = { field: string; messageZh: string; messageEn: string };

/** Parses untrusted input into `Facts`, or lists every problem found. */
export function parseFacts(
  input: unknown,
): { ok: true; facts: Facts } | { ok: false; problems: FactsProblem[] } {
  const result = FactsSchema.safeParse(input);
  if (result.success) {
    const { gates, ...rest } = result.data;
    return { ok: true, facts: { ...rest, gates: gates as Facts['gates'] } };
  }
  return { ok: false, problems: result.error.issues.flatMap((issue) => describe(issue, input)) };
}

/**
 * `parseFacts` for request handlers: the facts, or DomainError('facts.invalid') whose `field` is the
 * first problem's and whose `details.problems` lists them all.
 */
export function parseFactsOrThrow(input: unknown): Facts {
  const result = parseFacts(input);
  if (result.ok) return result.facts;
  throw new DomainError('facts.invalid', { problems: result.problems }, result.problems[0]?.field);
}

const OutcomeSchema = z.enum(['exempt', 'mitigate', 'refuse']);

/** The engine's answer (FACTS.md "Output"), for response schemas and OpenAPI. */
export const RecommendationSchema = z.object({
  recommendation: OutcomeSchema,
  correctionRequired: z.boolean(),
  policy: z.object({ id: z.string(), version: z.string(), jurisdiction: z.string().nullable() }),
  exclusionsHit: z.array(z.string()),
  gatesFailed: z.array(z.string()),
  gatesUnknown: z.array(z.string()),
  situationsMatched: z.array(z.string()),
  reasons: z.array(z.object({ rule: z.string(), clause: z.string(), zh: z.string(), en: z.string() })),
});

function describe(issue: z.core.$ZodIssue, input: unknown): FactsProblem[] {
  const field = fieldName(issue.path);
  const missing = issue.path.length > 0 && valueAt(input, issue.path) === undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return [{ field, messageZh: '缺少必填字段', messageEn: 'This field is required' }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key]),
        messageZh: '未知字段',
        messageEn: 'Unknown field',
      }));
    case 'invalid_type':
      return [
        {
          field,
          messageZh: `类型错误，应为 ${issue.expected}`,
          messageEn: `Wrong type: expected ${issue.expected}`,
        },
      ];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return [
        {
          field,
          messageZh: `取值无效，应为：${allowed.join('、')}`,
          messageEn: `Invalid value; expected one of: ${allowed.join(', ')}`,
        },
      ];
    }
    case 'custom':
      return [customProblem(field, (issue.params as { problem?: string } | undefined)?.problem)];
    case 'invalid_format':
      return [
        {
          field,
          messageZh: '格式无效（编号应为字母开头的字母、数字组合）',
          messageEn: 'Invalid format (an id is a letter followed by letters or digits)',
        },
      ];
    case 'too_big':
      return [{ field, messageZh: '内容过多或过长', messageEn: 'Too many items or too long' }];
    default:
      return [{ field, messageZh: '内容无效', messageEn: issue.message }];
  }
}

function customProblem(field: string, problem: string | undefined): FactsProblem {
  if (problem === 'date') {
    return {
      field,
      messageZh: '不是有效日期（应为 YYYY-MM-DD 格式的真实日期）',
      messageEn: 'Not a real date (expected YYYY-MM-DD)',
    };
  }
  if (problem === 'duplicate') return { field, messageZh: '编号重复', messageEn: 'Duplicate id' };
  if (problem === 'gate_key') {
    return {
      field,
      messageZh: '未知字段：前提条件编号应为 G 加数字',
      messageEn: 'Unknown field: gate ids are G and a number',
    };
  }
  return { field, messageZh: '内容无效', messageEn: 'Invalid value' };
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'facts';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`,
    )
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
