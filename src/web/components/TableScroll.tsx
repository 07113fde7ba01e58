// A wide table's own horizontal scroll box (issue #10 item 5: at 390 pixels the page never scrolls
// sideways; the table may, inside this box). A box that scrolls must be reachable by keyboard (WCAG
// 2.1.1, axe "scrollable-region-focusable"), so it is a focusable, named region. Inside it cells keep
// their words whole (styles.css); a table outside one breaks long words to fit the phone instead.
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="koers-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
