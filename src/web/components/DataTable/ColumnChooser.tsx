// Column choice: a disclosure with a checkbox per column that may be hidden, remembered per list in
// localStorage (a preference of this browser, not part of the link).
import { useState } from 'react';
import { Checkbox, FormLabel } from '@utrecht/component-library-react';
import { VisuallyHidden } from '../VisuallyHidden';

export interface Choosable {
  id: string;
  label: string;
}

function read(storageKey: string): string[] {
  try {
    const raw = localStorage.getItem(`koers.kolommen.${storageKey}`);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The hidden columns of a list, and a setter that remembers them. */
export function useHiddenColumns(storageKey: string, defaultHidden: readonly string[] = []) {
  const [hidden, setHidden] = useState<string[]>(() => {
    const stored = localStorage.getItem(`koers.kolommen.${storageKey}`);
    return stored === null ? [...defaultHidden] : read(storageKey);
  });
  const toggle = (id: string) => {
    const next = hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id];
    setHidden(next);
    try {
      localStorage.setItem(`koers.kolommen.${storageKey}`, JSON.stringify(next));
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  };
  return { hidden, toggle };
}

export function ColumnChooser({ listId, columns, hidden, onToggle }: { listId: string; columns: readonly Choosable[]; hidden: readonly string[]; onToggle: (id: string) => void }) {
  return (
    <details className="koers-disclosure">
      <summary>Kolommen kiezen</summary>
      <fieldset className="koers-column-choice">
        <legend className="koers-visually-hidden">Toon kolommen</legend>
        {columns.map((c) => {
          const id = `kolom-${listId}-${c.id}`;
          return (
            <div key={c.id} className="koers-column-choice__item">
              <Checkbox id={id} checked={!hidden.includes(c.id)} onChange={() => onToggle(c.id)} />
              <FormLabel htmlFor={id} type="checkbox">
                {/* "Kolom Perceel": not the same name as a filter field "Perceel" on the page. */}
                <VisuallyHidden>Kolom </VisuallyHidden>
                {c.label}
              </FormLabel>
            </div>
          );
        })}
      </fieldset>
    </details>
  );
}
