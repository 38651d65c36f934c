import { useEffect, useState } from 'react';
import { evaluateFacts, type FactsInput, type Recommendation } from '../../../api/policy.ts';

export type LiveRecommendation =
  | { state: 'idle' }
  | { state: 'loading'; last: Recommendation | null }
  | { state: 'ready'; recommendation: Recommendation }
  | { state: 'error'; error: unknown };

/**
 * Asks the server's policy engine (POST /api/policy/evaluate) for the recommendation of the facts as
 * they are being entered, a moment after the last change; a newer question cancels an older one.
 */
export function useLiveRecommendation(facts: FactsInput | null, delayMs = 350): LiveRecommendation {
  const [result, setResult] = useState<LiveRecommendation>({ state: 'idle' });
  const key = facts ? JSON.stringify(facts) : '';
  useEffect(() => {
    if (!facts) {
      setResult({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    setResult((previous) => ({
      state: 'loading',
      last:
        previous.state === 'ready'
          ? previous.recommendation
          : previous.state === 'loading'
            ? previous.last
            : null,
    }));
    const timer = setTimeout(() => {
      evaluateFacts(facts, controller.signal).then(
        (recommendation) => setResult({ state: 'ready', recommendation }),
        (error: unknown) => {
          if (!controller.signal.aborted) setResult({ state: 'error', error });
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `key` stands for the facts' content.
  }, [key, delayMs]);
  return result;
}
