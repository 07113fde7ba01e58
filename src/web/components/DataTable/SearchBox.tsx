// The list's search box: a search landmark with a labelled field and a button; the search is sent on
// Enter or the button, not on every key, so the address and the history get one step per search.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { normaliseBsn, passesElfproef } from '../../lib/bsn';
import { fieldId, TextField } from '../fields';

export function SearchBox({ listLabel, label, initial, onSearch, check }: {
  /** e.g. "Aanmeldingen": names the search landmark. */
  listLabel: string;
  label: string;
  initial: string;
  onSearch: (q: string) => void;
  /** A reason to refuse the search (e.g. a BSN typed in), shown on the field. */
  check?: (q: string) => string | undefined;
}) {
  const [q, setQ] = useState(initial);
  const [error, setError] = useState<string>();
  const name = `zoek-${listLabel.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = q.trim();
    // R-PAR-2: a search goes into the address; a BSN must not (the BSN search is a POST of its own).
    const refusal = passesElfproef(normaliseBsn(value)) ? 'Dit lijkt een BSN. Zoek een BSN met “Zoek op BSN”, dan komt het niet in het webadres.' : check?.(value);
    setError(refusal);
    if (refusal !== undefined) {
      document.getElementById(fieldId(name))?.focus();
      return;
    }
    onSearch(value);
  };
  return (
    <form role="search" aria-label={`${listLabel} zoeken`} noValidate onSubmit={submit} className="koers-inline-form">
      <TextField name={name} label={label} type="search" optional markOptional={false} autoComplete="off" value={q} error={error} onChange={(event) => setQ(event.target.value)} />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          Zoeken
        </Button>
      </ButtonGroup>
    </form>
  );
}
