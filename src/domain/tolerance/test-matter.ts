import { parseLocalDate } from '../calendar/local-date.ts';
import { NO_RELATION, type Actor, type MatterRelation } from '../procedure/engine.ts';
import type { Role } from '../roles.ts';
import type { ToleranceMatter, ToleranceState } from './procedure.ts';

/** Test helper: a date. */
export const day = (value: string) => parseLocalDate(value);

/** Test helper: noon Beijing time on a day (the guards read `matter.today`, not `now`). */
export const noonOn = (value: string) => new Date(`${value}T12:00:00+08:00`);

/**
 * Test helper: a matter in `status` on which every guard passes — facts recorded, not extended,
 * received on 2024-03-01 with the appeal window open until 2024-04-01 (today is 2024-03-15), not
 * appealed, not filed, publicity required and not yet published, its correction escalated.
 */
export function matterIn(status: ToleranceState, overrides: Partial<ToleranceMatter> = {}): ToleranceMatter {
  return {
    status,
    route: 'own_application',
    suspendedFrom: status === 'suspended' ? 'verifying' : null,
    factsRecorded: true,
    verificationExtended: false,
    outcome: 'exempt',
    receivedOn: day('2024-03-01'),
    appealDeadline: day('2024-04-01'),
    appealed: false,
    filed: false,
    publicityRequired: true,
    published: false,
    correctionEscalated: true,
    today: day('2024-03-15'),
    ...overrides,
  };
}

/** Test helper: an actor holding `roles` with the given relation flags. */
export function actor(roles: Role | Role[], relation: Partial<MatterRelation> = {}): Actor {
  return { roles: Array.isArray(roles) ? roles : [roles], relation: { ...NO_RELATION, ...relation } };
}
