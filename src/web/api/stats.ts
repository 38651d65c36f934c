import type { z } from 'zod';
import type {
  Cell as CellSchema,
  CountyComparison as ComparisonSchema,
  DerivedFigure as FigureSchema,
  StatsOverview as OverviewSchema,
} from '../../contracts/stats.ts';
import { apiRequest } from './client.ts';

export type Cell = z.infer<typeof CellSchema>;
export type DerivedFigure = z.infer<typeof FigureSchema>;
export type StatsOverview = z.infer<typeof OverviewSchema>;
export type CountyComparison = z.infer<typeof ComparisonSchema>;
export type Indicators = StatsOverview['indicators'];

export type StatsQuery = {
  jurisdictionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export const getStatsOverview = (query: StatsQuery, signal?: AbortSignal) =>
  apiRequest<StatsOverview>('/api/stats/overview', { query, signal });

export const getCountyComparison = (query: StatsQuery, signal?: AbortSignal) =>
  apiRequest<CountyComparison>('/api/stats/counties', { query, signal });
