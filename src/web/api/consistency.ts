/**
 * 认定尺度统一: the similar decided matters beside a determination and the supervisor's outcome mix
 * (shapes inferred from the Zod contracts; type-only imports keep Zod out of the bundle).
 */
import type { z } from 'zod';
import type {
  OutcomeMix as OutcomeMixSchema,
  SimilarMatters as SimilarMattersSchema,
} from '../../contracts/consistency.ts';
import { apiRequest } from './client.ts';
import type { StatsQuery } from './stats.ts';

export type SimilarMatters = z.infer<typeof SimilarMattersSchema>;
export type SimilarItem = SimilarMatters['items'][number];
export type Practice = SimilarMatters['practice'];
export type OutcomeMix = z.infer<typeof OutcomeMixSchema>;
export type MixTable = OutcomeMix['byUnit'];
export type MixRow = MixTable['rows'][number];

export const getSimilarMatters = (matterId: string, limit: number, signal?: AbortSignal) =>
  apiRequest<SimilarMatters>(`/api/matters/${encodeURIComponent(matterId)}/similar`, {
    query: { limit },
    signal,
  });

export const getOutcomeMix = (query: StatsQuery, signal?: AbortSignal) =>
  apiRequest<OutcomeMix>('/api/stats/consistency', { query, signal });
