import { DomainError } from '../../errors.ts';
import type { PolicyDefinition } from '../types.ts';
import { DEFAULT_POLICY } from './default.ts';
import { K_COUNTY_2019, K_COUNTY_2024 } from './k-county.ts';
import { YICHANG_EXAMPLE } from './yichang-example.ts';

export { DEFAULT_APPEALS } from './appeals.ts';
export { DEFAULT_POLICY } from './default.ts';
export { DEFAULT_INFLUENCE_PERIODS } from './influence-periods.ts';
export { K_COUNTY_2019, K_COUNTY_2024 } from './k-county.ts';
export { DEFAULT_NAME_CLEARING_RULES } from './name-clearing.ts';
export { YICHANG_EXAMPLE } from './yichang-example.ts';

/** The policies shipped with the product (demo and seed data). */
export const SHIPPED_POLICIES: readonly PolicyDefinition[] = [
  DEFAULT_POLICY,
  K_COUNTY_2019,
  K_COUNTY_2024,
  YICHANG_EXAMPLE,
];

/**
 * Demo jurisdiction chains, most specific first: K County lies in city S01 of province S. The real
 * chain comes from the jurisdiction tree in the database.
 */
export const DEMO_JURISDICTION_CHAINS: Readonly<Record<string, readonly string[]>> = {
  K: ['K', 'S01', 'S'],
  YC: ['YC'],
};

/**
 * The demo chain for a jurisdiction code; no code means the national default (empty chain).
 * @throws DomainError('jurisdiction.unknown') for a code not in the demo map.
 */
export function demoJurisdictionChain(code: string | undefined): string[] {
  if (code === undefined) return [];
  const chain = DEMO_JURISDICTION_CHAINS[code];
  if (!chain) throw new DomainError('jurisdiction.unknown', { code }, 'jurisdiction');
  return [...chain];
}
