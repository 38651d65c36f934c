/** The scorecard as the API sends it (contracts/scorecard.ts), with the definitions it was computed by. */
import type { Scorecard as ScorecardBody } from '../../contracts/scorecard.ts';
import type { ScorecardRow as DomainRow } from '../../domain/stats/scorecard-build.ts';
import { CELLS, CELL_KEYS, INDICATORS, INDICATOR_KEYS } from '../../domain/stats/scorecard-indicators.ts';
import { SCORECARD_METHOD } from '../../domain/stats/scorecard-method.ts';
import { weightOf } from '../../domain/stats/scorecard-weights.ts';
import type { ScorecardResult } from './scorecard.ts';

export function presentScorecard(result: ScorecardResult): ScorecardBody {
  const { card, period, weights } = result;
  const ref = (n: { id: string; code: string; name: string; level: DomainRow['level'] }) => ({
    id: n.id,
    code: n.code,
    name: n.name,
    level: n.level,
  });
  const row = (r: DomainRow) => ({ ...r, drillable: r.kind === 'jurisdiction' && r.id !== card.scope.id });
  return {
    scope: ref(card.scope),
    parent: card.parent ? ref(card.parent) : null,
    period: { kind: period.kind, key: period.key, from: period.from, to: period.to, label: period.label },
    asOf: result.asOf.toISOString(),
    suppressed: card.suppressed,
    rows: card.rows.map(row),
    total: { ...card.total, drillable: false },
    rankedOutOf: card.rankedOutOf,
    weights: {
      values: Object.fromEntries(Object.entries(weights.values).filter(([, w]) => w !== undefined)),
      setBy: weights.setBy,
    },
    definitions: {
      indicators: INDICATOR_KEYS.map((key) => ({
        key,
        label: INDICATORS[key].label,
        short: INDICATORS[key].short,
        definition: INDICATORS[key].definition,
        direction: INDICATORS[key].direction,
        unit: INDICATORS[key].unit,
        weight: weightOf(weights.values, key),
      })),
      cells: CELL_KEYS.map((key) => ({ key, label: CELLS[key] })),
      method: [...SCORECARD_METHOD],
    },
  };
}
