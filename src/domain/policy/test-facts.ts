import { parseLocalDate } from '../calendar/local-date.ts';
import type { Facts } from './types.ts';

/** Test helper: every default gate met. */
export const ALL_GATES_MET = {
  G1: true,
  G2: true,
  G3: 'yes',
  G4: true,
  G5: true,
  G6: true,
  G7: true,
} as const;

/** Test helper: valid facts (default policy, exempt) with overrides. */
export function factsWith(
  overrides: Partial<Omit<Facts, 'conductDate'>> & { conductDate?: string } = {},
): Facts {
  const { conductDate = '2023-06-15', ...rest } = overrides;
  return {
    route: 'own_application',
    gates: { ...ALL_GATES_MET },
    situations: ['S2'],
    exclusions: [],
    preRegistration: 'not_required',
    breachOutstanding: false,
    mitigating: [],
    aggravating: [],
    ...rest,
    conductDate: parseLocalDate(conductDate),
  };
}
