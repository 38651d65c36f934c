import { resolvePolicy, SHIPPED_POLICIES, type EffectivePolicy } from '../../../domain/policy/index.ts';

/**
 * Names of policy items for read-only displays (the facts summary, the policy's title), from the
 * policies shipped with the product. Forms ask the server instead (GET /api/policies/:id/:version).
 */
export function policyVersionOf(id: string, version: string): EffectivePolicy | null {
  try {
    return resolvePolicy(SHIPPED_POLICIES, id, version);
  } catch {
    return null;
  }
}
