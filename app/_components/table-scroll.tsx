import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroll (#19: on a 360 px phone the page itself never scrolls sideways). A region
 * named like the table, and focusable, so a keyboard can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
