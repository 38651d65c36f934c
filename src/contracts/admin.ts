/**
 * Administration and rule data (shared by server and web): policies (list, resolved version, diff),
 * the working-day calendar, user accounts with scoped roles, and units. Evaluation uses FACTS.md
 * shapes from ./facts.ts (`FactsSchema` in, `RecommendationSchema` out).
 */
import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { isLocalDate } from '../domain/calendar/local-date.ts';
import { Page, Text } from './common.ts';

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const LocalDateString = z
  .string()
  .refine(isLocalDate, { message: '应为 YYYY-MM-DD 格式的真实日期\u241Emust be a real date as YYYY-MM-DD' });
const Required = (max: number) =>
  Text(max).refine((s) => s.trim().length > 0, { message: '不能为空\u241Emust not be empty' });
const JurisdictionRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), level: z.string() });

// ——— Policies ———

const DeadlineRule = z.object({
  unit: z.enum(['working_days', 'calendar_days', 'months']),
  amount: z.number().int(),
});
const Gate = z.object({
  id: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  effectWhenFailed: z.enum(['refuse', 'mitigate']),
  ordersCorrectionWhenFailed: z.boolean().optional(),
  clause: z.string(),
});
const Situation = z.object({
  id: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  clause: z.string(),
  requiresPreRegistration: z.boolean(),
});
const ListItem = z.object({ id: z.string(), labelZh: z.string(), labelEn: z.string(), clause: z.string() });
const AppealStage = z.object({
  id: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  filingWindow: DeadlineRule,
  filingWindowWhenFirst: DeadlineRule.optional(),
  decisionPeriod: DeadlineRule,
  decisionExtension: DeadlineRule.optional(),
  decidedBy: z.enum(['original_body', 'higher_body', 'same_or_higher_body']),
  optional: z.boolean().optional(),
});
const AppealRule = z.object({
  type: z.enum([
    'party_accountability',
    'party_sanction',
    'public_office_sanction',
    'civil_servant_handling',
  ]),
  labelZh: z.string(),
  labelEn: z.string(),
  stages: z.array(AppealStage),
  clause: z.string(),
  verified: z.boolean(),
});
const PolicyRef = z.object({ id: z.string(), version: z.string() });
/** A name-clearing trigger or exclusion (domain NameClearingItem). */
const NameClearingItem = ListItem.extend({ requiresReason: z.boolean().optional() });
/** 影响期 of one sanction type (domain InfluencePeriodRule); months null: no end. */
const InfluencePeriodRule = z.object({
  id: z.string(),
  category: z.enum(['party_discipline', 'public_office', 'organisational']),
  labelZh: z.string(),
  labelEn: z.string(),
  months: z.number().int().nullable(),
  reusable: z.boolean(),
  effectZh: z.string(),
  effectEn: z.string(),
  clause: z.string(),
  verified: z.boolean(),
});

/** A policy version with inheritance applied (domain EffectivePolicy). */
export const EffectivePolicy = z.object({
  id: z.string(),
  jurisdiction: z.string().nullable(),
  version: z.string().describe('effective date YYYY-MM-DD'),
  issuedBy: Bilingual,
  title: Bilingual,
  lineage: z.array(PolicyRef).describe('definitions merged, root first'),
  gates: z.array(Gate),
  situations: z.array(Situation),
  exclusions: z.array(ListItem),
  mitigating: z.array(ListItem),
  aggravating: z.array(ListItem),
  timeLimits: z.object({
    acceptance: DeadlineRule,
    verification: DeadlineRule,
    verificationExtension: DeadlineRule,
    appealWindow: DeadlineRule,
    reviewPeriod: DeadlineRule,
    nameClearing: DeadlineRule,
    preRegistrationReview: DeadlineRule,
  }),
  decidingBody: z.enum(['standing_committee', 'joint_meeting', 'party_committee']),
  quorum: z.object({
    minPresentFraction: z.number(),
    passFraction: z.number(),
    passBase: z.enum(['members', 'present']),
  }),
  publicity: z.object({
    publishOutcomes: z.array(z.enum(['exempt', 'mitigate', 'refuse'])),
    requireConsent: z.boolean(),
  }),
  higherLevelApprovalRequired: z.boolean(),
  appeals: z.array(AppealRule),
  influencePeriods: z.array(InfluencePeriodRule),
  ruleClauses: z.record(z.string(), z.string()),
  /** 澄清正名: triggers (any holds) and exclusions (any prevails), and the clause the letter cites. */
  nameClearing: z.object({
    triggers: z.array(NameClearingItem),
    exclusions: z.array(NameClearingItem),
    clause: z.string(),
  }),
});

export const PolicyList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      jurisdiction: z.string().nullable().describe('jurisdiction code; null for the national default'),
      version: z.string(),
      title: Bilingual,
      issuedBy: Bilingual,
      parent: PolicyRef.nullable(),
    }),
  ),
});

const PolicyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
export const PolicyParams = z.object({ id: PolicyId, version: LocalDateString });
export const PolicyIdParams = z.object({ id: PolicyId });
export const PolicyDiffQuery = z.object({ from: LocalDateString, to: LocalDateString }).strict();

/** One field that differs; `from`/`to` are the values (absent in one version: null). */
const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
const ListDiff = <T extends z.ZodType>(item: T) =>
  z.object({
    added: z.array(item),
    dropped: z.array(item),
    changed: z.array(z.object({ id: z.string(), changes: z.array(FieldChange) })),
  });

/** What changed from one version of a policy to another. */
export const PolicyDiff = z.object({
  id: z.string(),
  from: z.object({ version: z.string(), title: Bilingual }),
  to: z.object({ version: z.string(), title: Bilingual }),
  /** True when the two versions say the same (header aside). */
  identical: z.boolean(),
  header: z.array(FieldChange).describe('title, issuedBy, jurisdiction'),
  gates: ListDiff(Gate),
  situations: ListDiff(Situation),
  exclusions: ListDiff(ListItem),
  mitigating: ListDiff(ListItem),
  aggravating: ListDiff(ListItem),
  timeLimits: z.array(FieldChange).describe('field: acceptance, verification, …'),
  settings: z
    .array(FieldChange)
    .describe('field: decidingBody, quorum, publicity, higherLevelApprovalRequired'),
  appeals: z.object({
    added: z.array(AppealRule),
    dropped: z.array(AppealRule),
    changed: z.array(z.object({ type: z.string(), changes: z.array(FieldChange) })),
  }),
  influencePeriods: ListDiff(InfluencePeriodRule),
  ruleClauses: z.array(FieldChange),
  nameClearing: z.object({
    triggers: ListDiff(NameClearingItem),
    exclusions: ListDiff(NameClearingItem),
    clause: z.array(FieldChange),
  }),
});
export type PolicyDiff = z.infer<typeof PolicyDiff>;

// ——— Working-day calendar ———

/** One year's holiday schedule (domain YearSchedule). Dates are checked by the calendar, which names the bad entry (e.g. holidays[1].days[2]). */
export const YearSchedule = z
  .object({
    year: z.number().int().min(1900).max(2200),
    source: z.array(Text(500)).max(10).optional(),
    holidays: z
      .array(
        z
          .object({
            name: Required(20),
            nameEn: Required(60),
            days: z.array(z.string().max(10)).min(1).max(31),
          })
          .strict(),
      )
      .max(40),
    makeupWorkdays: z.array(z.string().max(10)).max(20),
  })
  .strict();
export type YearSchedule = z.infer<typeof YearSchedule>;

export const YearParams = z.object({ year: z.coerce.number().int().min(1900).max(2200) });
const ScheduleSource = z.enum(['official', 'entered']);

export const CalendarYearList = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      source: ScheduleSource,
      holidayDays: z.number().int(),
      makeupWorkdays: z.number().int(),
      enteredBy: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
});
export const CalendarYear = z.object({
  year: z.number().int(),
  source: ScheduleSource,
  schedule: YearSchedule,
  enteredBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const DeadlineQuery = z
  .object({
    from: LocalDateString.describe('day of the triggering event; it does not count (次日起算)'),
    amount: z.coerce.number().int().min(0).max(3650),
    unit: z.enum(['working_days', 'calendar_days', 'months']).default('working_days'),
  })
  .strict();
export const DeadlineAnswer = z.object({
  from: z.string(),
  rule: DeadlineRule,
  dueDate: z.string(),
  /** True when a year on the way has no schedule (weekdays were assumed); missingYears names them. */
  uncertain: z.boolean(),
  missingYears: z.array(z.number().int()),
});

// ——— Users and roles ———

export const RoleGrantBody = z
  .object({
    role: z.enum(ROLES),
    jurisdictionId: z.uuid(),
    /** Required for unit_leader (a unit in that jurisdiction), refused for every other role. */
    unitId: z.uuid().optional(),
  })
  .strict();
export type RoleGrantBody = z.infer<typeof RoleGrantBody>;

export const CreateUserBody = z
  .object({
    username: Text(40).regex(/^[A-Za-z0-9_.-]{2,40}$/),
    displayName: Required(60),
    password: z.string().min(1).max(200),
    cadreId: z.uuid().optional(),
    roles: z.array(RoleGrantBody).min(1).max(20),
  })
  .strict();
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const ResetPasswordBody = z.object({ password: z.string().min(1).max(200) }).strict();
export const AssignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });

export const AdminUserQuery = Page.extend({
  q: Text(100).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const RoleAssignment = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  roleLabel: Bilingual,
  jurisdiction: JurisdictionRef,
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
});

/** An account as administrators see it: only the role grants within their own scope are listed. */
export const AdminUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'disabled']),
  cadre: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  roles: z.array(RoleAssignment),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof AdminUser>;
export const AdminUserList = z.object({
  items: z.array(AdminUser),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ——— Units ———

export const UNIT_KINDS = [
  'party',
  'government',
  'people_congress',
  'cppcc',
  'judicial',
  'mass_org',
  'institution',
  'enterprise',
  'township',
  'village',
  'other',
] as const;

export const CreateUnitBody = z
  .object({
    jurisdictionId: z.uuid(),
    code: Text(40).regex(/^[A-Za-z0-9_-]{1,40}$/),
    name: Required(100),
    kind: z.enum(UNIT_KINDS),
    /** A unit of the same jurisdiction this one belongs to. */
    parentId: z.uuid().optional(),
  })
  .strict();
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const CreatedUnit = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  jurisdictionId: z.uuid(),
  jurisdictionName: z.string(),
  parentId: z.uuid().nullable(),
  cadreCount: z.number().int(),
});
