/**
 * What lists of matters need per matter type, whatever the type: the label of a status and the clock
 * that counts in it. One inbox lists every type, so it asks here rather than the tolerance table.
 */
import { activeCorrectionClock } from '../correction/clocks.ts';
import { CORRECTION_STATES, type CorrectionState } from '../correction/procedure.ts';
import { activeFollowUpClock } from '../follow-up/clocks.ts';
import { FOLLOW_UP_STATES, type FollowUpState } from '../follow-up/procedure.ts';
import { activeNameClearingClock } from '../name-clearing/clocks.ts';
import { NAME_CLEARING_STATES, type NameClearingState } from '../name-clearing/procedure.ts';
import { activePreRegistrationClock } from '../pre-registration/clocks.ts';
import { PRE_REGISTRATION_STATES, type PreRegistrationState } from '../pre-registration/procedure.ts';
import { activeClock } from '../tolerance/clocks.ts';
import { TOLERANCE_STATES, type ToleranceState } from '../tolerance/procedure.ts';

type Label = { zh: string; en: string };

const STATES: Record<string, Record<string, Label>> = {
  tolerance: TOLERANCE_STATES,
  correction: CORRECTION_STATES,
  pre_registration: PRE_REGISTRATION_STATES,
  name_clearing: NAME_CLEARING_STATES,
  follow_up: FOLLOW_UP_STATES,
};

/** The status in both languages; the raw value for a type or status without a table yet. */
export function stateLabel(type: string, status: string): Label {
  const states = STATES[type];
  const label = states && Object.hasOwn(states, status) ? states[status] : undefined;
  return label ? { zh: label.zh, en: label.en } : { zh: status, en: status };
}

/** The clock (key of `matters.clocks`) that counts while a matter of `type` is in `status`. */
export function runningClock(type: string, status: string): string | null {
  if (type === 'tolerance' && Object.hasOwn(TOLERANCE_STATES, status))
    return activeClock(status as ToleranceState);
  if (type === 'correction' && Object.hasOwn(CORRECTION_STATES, status))
    return activeCorrectionClock(status as CorrectionState);
  if (type === 'pre_registration' && Object.hasOwn(PRE_REGISTRATION_STATES, status))
    return activePreRegistrationClock(status as PreRegistrationState);
  if (type === 'name_clearing' && Object.hasOwn(NAME_CLEARING_STATES, status))
    return activeNameClearingClock(status as NameClearingState);
  if (type === 'follow_up' && Object.hasOwn(FOLLOW_UP_STATES, status))
    return activeFollowUpClock(status as FollowUpState);
  return null;
}
