import type { z } from 'zod';
import type { Scorecard as ScorecardSchema } from '../../contracts/scorecard.ts';
import { apiRequest } from './client.ts';
import { apiDownload } from './transfer.ts';

export type Scorecard = z.infer<typeof ScorecardSchema>;
export type ScorecardRow = Scorecard['rows'][number];
export type IndicatorKey = keyof ScorecardRow['indicators'];
export type CellKey = keyof ScorecardRow['cells'];

export type ScorecardQuery = { period?: string | undefined; scope?: string | undefined };

export const getScorecard = (query: ScorecardQuery, signal?: AbortSignal) =>
  apiRequest<Scorecard>('/api/stats/scorecard', { query, signal });

export const downloadScorecard = (query: ScorecardQuery, fallbackName: string) =>
  apiDownload('/api/stats/scorecard.xlsx', query, fallbackName);
