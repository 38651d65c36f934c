/**
 * The procedure engine: every matter type (tolerance, correction, name clearing, follow-up visit,
 * pre-registration) is one transition table of this shape. The same table answers "may this actor
 * do this now?" for the use cases and "which buttons?" for the API (`allowedActions`), so the UI
 * never re-implements the rules.
 */
import type { Role } from '../roles.ts';
import { DomainError, type ErrorCode, type ErrorDetails } from '../errors.ts';

/** How the actor stands to the matter — what recusal (回避) and "own matter" rules look at. */
export type MatterRelation = {
  /** The actor is the cadre the matter is about. */
  isSubject: boolean;
  /** The actor filed the matter. */
  isApplicant: boolean;
  /** The actor leads the subject's unit (a unit_leader grant for that unit). */
  leadsSubjectUnit: boolean;
  /** The actor works in the subject's unit (same unit → recusal for commission roles). */
  sameUnitAsSubject: boolean;
  /** The actor declared a conflict of interest on this matter. */
  declaredConflict: boolean;
};

export type Actor = {
  /** Roles the actor holds in a jurisdiction that covers the matter. */
  roles: readonly Role[];
  relation: MatterRelation;
};

/** Who may perform an action: roles, optionally narrowed to a relation (the cadre's own matter). */
export type Performer =
  | { role: Role; relation?: never }
  /** e.g. a cadre only on a matter about themself or filed by themself. */
  | { role: Role; relation: 'subject_or_applicant' | 'subject_unit_leader' | 'applicant_unit_leader' };

export type GuardResult = { ok: true } | { ok: false; code: ErrorCode; details?: Record<string, string | number> };

export type ActionSpec<S extends string, M> = {
  from: readonly S[];
  /**
   * Target state; a function when it depends on the matter (resume returns to where it was) or on
   * the use case's reading of the input (`branch`, e.g. a decision that needs higher approval).
   */
  to: S | ((matter: M, branch?: string) => S);
  by: readonly Performer[];
  label: { zh: string; en: string };
  /** Extra conditions, e.g. "within the appeal window". Checked after role and state. */
  guard?: (matter: M, now: Date) => GuardResult;
  /**
   * Commission roles related to the matter must recuse (回避) from every action, except those marked
   * `recusal: false` — declaring a conflict, which a related member must still be able to do.
   */
  recusal?: false;
  /** Shown but styled as dangerous in the UI (withdraw, convert, refuse acceptance). */
  danger?: boolean;
};

export type ProcedureTable<S extends string, A extends string, M> = {
  type: string;
  states: Record<S, { zh: string; en: string; terminal?: boolean }>;
  actions: Record<A, ActionSpec<S, M>>;
};

export type MatterState<S extends string> = { status: S };

/** Roles that exercise the commission's power and therefore must recuse when related. */
const COMMISSION_ROLES: readonly Role[] = ['case_officer', 'committee_member', 'commission_leader', 'supervisor'];

function related(r: MatterRelation): boolean {
  return r.isSubject || r.isApplicant || r.sameUnitAsSubject || r.declaredConflict || r.leadsSubjectUnit;
}

function performs(p: Performer, actor: Actor, recusal: boolean): boolean {
  if (!actor.roles.includes(p.role)) return false;
  if (p.relation === 'subject_or_applicant') return actor.relation.isSubject || actor.relation.isApplicant;
  if (p.relation === 'subject_unit_leader') return actor.relation.leadsSubjectUnit;
  // The unit acts on what it filed itself, not on the cadre's own application.
  if (p.relation === 'applicant_unit_leader') return actor.relation.leadsSubjectUnit && actor.relation.isApplicant;
  // A commission role may not act on a matter it is related to (回避); cadre-side roles act via relations.
  if (recusal && COMMISSION_ROLES.includes(p.role) && related(actor.relation)) return false;
  return true;
}

/** Why an action is not available, most specific first; null when it is. */
export function refusal<S extends string, A extends string, M extends MatterState<S>>(
  table: ProcedureTable<S, A, M>,
  matter: M,
  actor: Actor,
  action: A,
  now: Date,
): DomainError | null {
  const reason = refusalReason(table, matter, actor, action, now);
  return reason ? new DomainError(reason.code, reason.details) : null;
}

/**
 * `refusal` as plain data: deciding what an actor may do asks it of every action of the table, and
 * building an Error (with its stack) for each refused one cost more than the decisions themselves.
 */
function refusalReason<S extends string, A extends string, M extends MatterState<S>>(
  table: ProcedureTable<S, A, M>,
  matter: M,
  actor: Actor,
  action: A,
  now: Date,
): { code: ErrorCode; details?: ErrorDetails } | null {
  if (!Object.hasOwn(table.actions, action)) return { code: 'procedure.unknown_action', details: { action: String(action) } };
  const spec = table.actions[action];
  const holdsRole = spec.by.some((p) => actor.roles.includes(p.role));
  if (!holdsRole) return { code: 'auth.forbidden' };
  if (!spec.by.some((p) => performs(p, actor, spec.recusal !== false))) {
    const commission = spec.by.some((p) => COMMISSION_ROLES.includes(p.role) && actor.roles.includes(p.role));
    return { code: commission && related(actor.relation) ? 'procedure.recused' : 'auth.forbidden' };
  }
  if (!spec.from.includes(matter.status)) {
    return { code: 'procedure.wrong_state', details: { action: spec.label.zh, actionEn: spec.label.en, state: table.states[matter.status].zh, stateEn: table.states[matter.status].en } };
  }
  const guard = spec.guard?.(matter, now);
  if (guard && !guard.ok) return { code: guard.code, details: guard.details ?? {} };
  return null;
}

/** Throws the reason an action is not available. */
export function assertAllowed<S extends string, A extends string, M extends MatterState<S>>(
  table: ProcedureTable<S, A, M>,
  matter: M,
  actor: Actor,
  action: A,
  now: Date,
): ActionSpec<S, M> {
  const reason = refusal(table, matter, actor, action, now);
  if (reason) throw reason;
  return table.actions[action];
}

/** Every action the actor may take on the matter now, in table order. */
export function allowedActions<S extends string, A extends string, M extends MatterState<S>>(
  table: ProcedureTable<S, A, M>,
  matter: M,
  actor: Actor,
  now: Date,
): A[] {
  return (Object.keys(table.actions) as A[]).filter((a) => refusalReason(table, matter, actor, a, now) === null);
}

export function targetState<S extends string, A extends string, M extends MatterState<S>>(table: ProcedureTable<S, A, M>, matter: M, action: A, branch?: string): S {
  const to = table.actions[action].to;
  return typeof to === 'function' ? to(matter, branch) : to;
}

export const NO_RELATION: MatterRelation = { isSubject: false, isApplicant: false, leadsSubjectUnit: false, sameUnitAsSubject: false, declaredConflict: false };
