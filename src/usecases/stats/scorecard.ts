/**
 * 实施力度评价 — the county scorecard (DESIGN §3.10, issue 8 item 3): who may see which scope, over
 * which tree the small-number pattern is computed, which weights apply; the figures themselves are
 * pure (domain/stats/scorecard) and read from counters (db/queries/scorecard.ts).
 *
 * Scope rules, enforced here and nowhere else:
 * - only the roles that see statistics (domain/stats/access.ts) get a scorecard at all (else 403);
 * - the scope asked for must lie within one of the viewer's jurisdictions (else 404, as if it did
 *   not exist): a city supervisor opens their city and its counties, a province its cities and
 *   counties, a county's staff their county alone — never a neighbour or a parent;
 * - the tree the withheld cells are worked out over is the viewer's own top jurisdiction containing
 *   the scope, so the city table and a county drilled into from it withhold the same cells.
 */
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { maySeeStats, mustSuppress, statsScope } from '../../domain/stats/access.ts';
import { buildScorecard, type Scorecard, type TreeNode } from '../../domain/stats/scorecard-build.ts';
import { defaultPeriodKey, parsePeriod, type ScorecardPeriod } from '../../domain/stats/scorecard-period.ts';
import { DEFAULT_WEIGHTS, validateWeights, type Weights } from '../../domain/stats/scorecard-weights.ts';
import { randomUUID } from 'node:crypto';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { findJurisdiction, findJurisdictionByPath, type JurisdictionRow } from '../../db/queries/stats.ts';
import { scorecardData, weightsInForce } from '../../db/queries/scorecard.ts';
import { loadCalendar } from '../policy-context.ts';

export type WeightsUsed = {
  values: Weights;
  /** Where they were set; null for the product's defaults. */
  setBy: {
    jurisdiction: { id: string; code: string; name: string };
    effectiveFrom: string;
    reason: string;
  } | null;
};

export type ScorecardResult = {
  card: Scorecard;
  period: ScorecardPeriod;
  weights: WeightsUsed;
  asOf: Date;
};

/** The viewer's top jurisdiction that contains `path` (the broadest of their statistics scopes). */
function rootPathFor(user: UserWithGrants, path: string): string {
  const root = statsScope(user).find((p) => path.startsWith(p));
  if (!root) throw new DomainError('record.not_found');
  return root;
}

async function scopeFor(
  deps: Pick<Deps, 'db'>,
  user: UserWithGrants,
  id: string | undefined,
): Promise<JurisdictionRow> {
  const scopes = statsScope(user);
  if (scopes.length === 0) throw new DomainError('auth.forbidden');
  const found = id ? await findJurisdiction(deps.db, id) : await findJurisdictionByPath(deps.db, scopes[0]!);
  // Outside the viewer's jurisdictions answers exactly as a jurisdiction that does not exist.
  if (!found || !maySeeStats(user, found.path)) throw new DomainError('record.not_found');
  if (found.level === 'township') throw new DomainError('stats.scorecard_level', {}, 'scope');
  return found;
}

/** Ids of the jurisdiction at `path` and its ancestors, nearest first. */
const lineage = (path: string) => path.split('/').filter(Boolean).reverse();

export async function getScorecard(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: UserWithGrants,
  query: { period?: string | undefined; scope?: string | undefined },
): Promise<ScorecardResult> {
  const now = deps.clock.now();
  const today = toBeijingDate(now);
  const scope = await scopeFor(deps, user, query.scope);
  const rootPath = rootPathFor(user, scope.path);
  const suppress = mustSuppress(user, rootPath);
  const period = parsePeriod(query.period ?? defaultPeriodKey(today), { wholeMonths: suppress });
  const calendar = await loadCalendar(deps.db);
  const [data, setWeights] = await Promise.all([
    scorecardData(deps.db, rootPath, period, today, calendar),
    // A county is compared within its parent: the parent's weights apply.
    weightsInForce(deps.db, lineage(scope.path).slice(scope.level === 'county' ? 1 : 0), period.to),
  ]);
  const root = data.nodes.find((n) => rootPath.endsWith(`/${n.id}/`));
  if (!root) throw new DomainError('record.not_found');
  const weights = setWeights?.weights ?? DEFAULT_WEIGHTS;
  const card = buildScorecard({
    nodes: data.nodes,
    rootId: root.id,
    scopeId: scope.id,
    own: data.own,
    suppress,
    weights,
  });
  let setBy: WeightsUsed['setBy'] = null;
  if (setWeights) {
    const j = await findJurisdiction(deps.db, setWeights.jurisdictionId);
    setBy = {
      jurisdiction: { id: j!.id, code: j!.code, name: j!.name },
      effectiveFrom: setWeights.effectiveFrom,
      reason: setWeights.reason,
    };
  }
  return { card, period, weights: { values: weights, setBy }, asOf: now };
}

/** Who may set the weights of a jurisdiction's comparisons: its higher-level commission or an administrator. */
const WEIGHT_SETTERS = ['supervisor', 'admin'] as const;

export type SetWeightsInput = {
  jurisdictionId: string;
  effectiveFrom: LocalDate;
  weights: Record<string, unknown>;
  reason: string;
};

/**
 * 设置评价权重: a supervisor (or administrator) of a city or province sets the weights its scorecard
 * compares with from a date; audited, never overwriting an earlier set (a period keeps the weights in
 * force at its end).
 */
export async function setScorecardWeights(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: UserWithGrants,
  input: SetWeightsInput,
): Promise<{ id: string; jurisdiction: TreeNode; effectiveFrom: string; weights: Weights; reason: string }> {
  const may = user.grants.filter((g) => (WEIGHT_SETTERS as readonly string[]).includes(g.role));
  if (may.length === 0) throw new DomainError('auth.forbidden');
  const j = await findJurisdiction(deps.db, input.jurisdictionId);
  if (!j || !may.some((g) => j.path.startsWith(g.jurisdictionPath)))
    throw new DomainError('record.not_found');
  if (j.level !== 'city' && j.level !== 'province')
    throw new DomainError('stats.weights_level', {}, 'jurisdictionId');
  const weights = validateWeights(input.weights);
  const reason = input.reason.trim();
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('scorecard_weights')
      .values({
        id,
        jurisdiction_id: j.id,
        effective_from: input.effectiveFrom,
        weights: JSON.stringify(weights),
        reason,
        set_by: user.userId,
        created_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'stats.scorecard_weights_set',
        entityType: 'jurisdiction',
        entityId: j.id,
        jurisdictionId: j.id,
        data: { effectiveFrom: input.effectiveFrom, weights },
      },
      now,
    );
  });
  return {
    id,
    jurisdiction: { id: j.id, parentId: null, code: j.code, name: j.name, level: j.level },
    effectiveFrom: input.effectiveFrom,
    weights,
    reason,
  };
}
