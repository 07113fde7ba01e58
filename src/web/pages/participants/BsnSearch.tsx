import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchByBsn } from '../../api/queries';
import { TextField } from '../../components/fields';
import { LoadError } from '../../components/QueryStatus';
import { bsnProblem, normaliseBsn } from '../../lib/bsn';
import { ParticipantTable } from './ParticipantTable';

/** R-PAR-2, R-EXC-6: search by BSN with a POST, so the BSN never lands in a URL or a log line. */
export function BsnSearch() {
  const [bsn, setBsn] = useState('');
  const [error, setError] = useState<string>();
  const search = useSearchByBsn();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = bsnProblem(bsn);
    setError(problem);
    if (problem) {
      document.getElementById('veld-zoekBsn')?.focus();
      return;
    }
    search.mutate(normaliseBsn(bsn));
  };

  return (
    <section aria-labelledby="zoek-bsn" className="koers-section koers-bsn-search">
      <Heading level={2} id="zoek-bsn">
        Zoek op BSN
      </Heading>
      <form noValidate onSubmit={submit} aria-label="Zoek op BSN" className="koers-inline-form">
        <TextField
          name="zoekBsn"
          label="BSN"
          description="Het BSN wordt niet in het webadres gezet."
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          size={12}
          value={bsn}
          error={error}
          onChange={(event) => {
            setBsn(event.target.value);
            if (error) setError(bsnProblem(event.target.value));
          }}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={search.isPending}>
            Zoek op BSN
          </Button>
        </ButtonGroup>
      </form>
      <div aria-live="polite">
        {search.isError && <LoadError error={search.error} />}
        {search.isSuccess &&
          (search.data.length === 0 ? (
            <Paragraph>Geen inburgeraar gevonden met dit BSN.</Paragraph>
          ) : (
            <ParticipantTable caption="Gevonden met BSN" listId="inburgeraars-bsn" items={search.data} />
          ))}
      </div>
    </section>
  );
}
