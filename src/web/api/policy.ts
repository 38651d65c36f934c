import type { z } from 'zod';
import type { EffectivePolicy as EffectivePolicySchema } from '../../contracts/admin.ts';
import type { FactsSchema, RecommendationSchema } from '../../contracts/facts.ts';
import { apiRequest } from './client.ts';

/** A policy version with inheritance applied (gates, situations, lists, time limits…). */
export type EffectivePolicy = z.infer<typeof EffectivePolicySchema>;
/** FACTS.md input as sent to the engine. */
export type FactsInput = z.input<typeof FactsSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** The engine's recommendation for established facts (decision support; nothing is stored). */
export const evaluateFacts = (facts: FactsInput, signal?: AbortSignal) =>
  apiRequest<Recommendation>('/api/policy/evaluate', { method: 'POST', body: facts, signal });

export const getPolicy = (id: string, version: string, signal?: AbortSignal) =>
  apiRequest<EffectivePolicy>(`/api/policies/${encodeURIComponent(id)}/${encodeURIComponent(version)}`, {
    signal,
  });
