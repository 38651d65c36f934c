import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways inside this box — which keyboard users can focus
 * and scroll (axe: scrollable-region-focusable) — while the page itself never scrolls sideways.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // Focusable so keyboard users can scroll it; there is nothing to activate.
    <div className="rc-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
