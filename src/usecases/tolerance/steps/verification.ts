import type { StepHandlers } from '../perform-action.ts';

export const VERIFICATION_HANDLERS: StepHandlers = {};
