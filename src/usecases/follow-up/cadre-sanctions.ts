/**
 * A cadre's sanctions page: every sanction with its influence period and follow-ups, the block on
 * promotion as of today, and — for the commission's officer and leader, not related to the cadre —
 * `record_sanction` with its fields, the sanction types offered being those of the policy in force
 * today for the commission that handles the cadre.
 */
import type { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import {
  RECORD_SANCTION_FIELDS,
  type CadreSanctions,
  type DescribedAction,
} from '../../contracts/follow-up.ts';
import { effectivePolicy, jurisdictionChain } from '../policy-context.ts';
import { handlingJurisdiction } from '../tolerance/open-matter.ts';
import { covers, ownUnitOf, related, SANCTION_RECORDERS, type CadreInScope } from './access.ts';
import { blocksOf, summarise } from './influence.ts';
import { sanctionsOfCadre } from './sanctions.ts';

async function recordSanctionAction(
  deps: Deps,
  user: UserWithGrants,
  cadre: CadreInScope,
): Promise<DescribedAction[]> {
  if (
    !covers(user, SANCTION_RECORDERS, cadre.jurisdictionPath) ||
    related(user, await ownUnitOf(deps.db, user), cadre)
  )
    return [];
  const handling = await handlingJurisdiction(deps, cadre.jurisdictionPath);
  const policy = effectivePolicy(
    await jurisdictionChain(deps.db, handling.id),
    toBeijingDate(deps.clock.now()),
  );
  const options = policy.influencePeriods.map((rule) => ({
    value: rule.id,
    label: { zh: rule.labelZh, en: rule.labelEn },
  }));
  return [
    {
      action: 'record_sanction',
      label: { zh: '登记处分或处理', en: 'Record a sanction' },
      danger: false,
      fields: RECORD_SANCTION_FIELDS.map((f) => (f.name === 'type' ? { ...f, options } : f)),
    },
  ];
}

/**
 * @throws DomainError('auth.forbidden' | 'record.not_found')
 */
export async function cadreSanctions(
  deps: Deps,
  user: UserWithGrants,
  cadreId: string,
): Promise<z.infer<typeof CadreSanctions>> {
  const { cadre, sanctions } = await sanctionsOfCadre(deps, user, cadreId);
  return {
    cadre: { id: cadre.id, name: cadre.name, unitName: cadre.unitName, position: cadre.position },
    sanctions,
    influence: summarise(await blocksOf(deps.db, cadre.id), toBeijingDate(deps.clock.now())),
    allowedActions: await recordSanctionAction(deps, user, cadre),
  };
}
