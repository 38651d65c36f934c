import type { StepHandlers } from '../perform-action.ts';

export const AFTERMATH_HANDLERS: StepHandlers = {};
