import type { MatterDetail } from '../../../api/matterTypes.ts';
import type { Facts } from '../../../../domain/policy/index.ts';
import { readFacts } from '../matterData.ts';

/** A gate as answered in the form ('unknown' is left out of the facts). */
export type GateValue = 'yes' | 'no' | 'unknown' | 'emergency_reported';
/** The record_facts form. */
export type FactsValues = {
  facts: {
    conductDate?: string;
    gates: Record<string, GateValue>;
    situations: string[];
    exclusions: string[];
    preRegistration?: Facts['preRegistration'];
    breachOutstanding: boolean;
    mitigating: string[];
    aggravating: string[];
  };
  findings?: string;
};

export const PRE_REGISTRATION = [
  'not_required',
  'filed_acknowledged',
  'filed_rejected',
  'not_filed',
] as const;
/** ACTION_BODIES.record_facts `findings`. */
export const FINDINGS_MAX = 20000;

/** Form values → the facts of the request (G3 keeps its three answers; an unknown gate is left out). */
export function toFacts(values: FactsValues['facts']): Omit<Facts, 'route' | 'jurisdiction'> {
  const gates: Facts['gates'] = {};
  for (const [id, answer] of Object.entries(values.gates ?? {})) {
    if (answer === 'unknown' || answer === undefined) continue;
    gates[id] = id === 'G3' ? answer : answer === 'yes';
  }
  return {
    conductDate: (values.conductDate ?? '') as Facts['conductDate'],
    gates,
    situations: values.situations ?? [],
    exclusions: values.exclusions ?? [],
    preRegistration: values.preRegistration ?? 'not_required',
    breachOutstanding: values.breachOutstanding ?? false,
    mitigating: values.mitigating ?? [],
    aggravating: values.aggravating ?? [],
  };
}

/** The facts already recorded (or nothing), as form values. */
export function initialValues(detail: MatterDetail): FactsValues {
  const facts = readFacts(detail.matter.facts);
  const gates: Record<string, GateValue> = {};
  for (const [id, answer] of Object.entries(facts?.gates ?? {}))
    gates[id] = typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : answer;
  return {
    facts: {
      conductDate: facts?.conductDate ?? detail.matter.conductDate ?? undefined,
      gates,
      situations: facts?.situations ?? [],
      exclusions: facts?.exclusions ?? [],
      preRegistration: (facts?.preRegistration as Facts['preRegistration'] | null) ?? 'not_required',
      breachOutstanding: facts?.breachOutstanding ?? false,
      mitigating: facts?.mitigating ?? [],
      aggravating: facts?.aggravating ?? [],
    },
  };
}
