import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/**
 * Keeps what is typed into a long form in localStorage until it is submitted, so a closed tab, a
 * lost session or a failed request never loses it. Keys are per user (a shared office computer
 * does not show one person's draft to the next).
 */

const PREFIX = 'rongcuo.draft.';

function read<T>(key: string): { values: T; savedAt: number } | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { values?: T; savedAt?: number };
    return parsed.values === undefined ? null : { values: parsed.values, savedAt: parsed.savedAt ?? 0 };
  } catch {
    return null;
  }
}

export type LocalDraft<T> = {
  /** What was saved before this form opened (undefined: nothing). */
  initial: T | undefined;
  /** When the last save happened (ms), for "saved at …". */
  savedAt: number | null;
  /** Saves after a short pause in typing. */
  save: (values: T) => void;
  /** Forgets the draft (after a successful submit, or when the user clears the form). */
  clear: () => void;
};

export function useLocalDraft<T>(key: string | null, delayMs = 400): LocalDraft<T> {
  const stored = useMemo(() => (key ? read<T>(key) : null), [key]);
  const [savedAt, setSavedAt] = useState<number | null>(stored?.savedAt ?? null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const save = useCallback(
    (values: T) => {
      if (!key) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const now = Date.now();
        try {
          localStorage.setItem(PREFIX + key, JSON.stringify({ values, savedAt: now }));
          setSavedAt(now);
        } catch {
          /* storage full or disabled: the form still works, only without a draft */
        }
      }, delayMs);
    },
    [key, delayMs],
  );

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (!key) return;
    try {
      localStorage.removeItem(PREFIX + key);
    } catch {
      /* nothing to forget */
    }
    setSavedAt(null);
  }, [key]);

  return { initial: stored?.values, savedAt, save, clear };
}
