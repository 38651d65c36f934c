import type { StepHandlers } from '../perform-action.ts';

export const DECISION_HANDLERS: StepHandlers = {};
