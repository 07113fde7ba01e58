// Issue #11, 002 eis 12-13: the Onderwijsroute's half-year round. The provider picks a centre municipality
// (Den Haag or Leiden) and an ended half year; Koers makes a pro-forma invoice per municipality of that
// centre and mails the PDFs to the centre's invoice address. Shown only to a provider of a contract that
// invoices per half year (the centres list is empty otherwise). Each municipality still checks and pays
// its own invoice.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useCentres, useRound, type Centre, type RoundResult } from '../../api/invoicing';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/fields';
import { RouterLink } from '../../components/RouterLink';
import { useForm } from '../../lib/useForm';
import { formatCents } from './format';
import { invoicePath } from './InvoiceList';

/** '2026-H1' as people say it: 'eerste halfjaar 2026 (januari–juni)'. */
export function halfYearLabel(code: string): string {
  const year = code.slice(0, 4);
  return code.endsWith('H1') ? `Eerste halfjaar ${year} (januari–juni)` : `Tweede halfjaar ${year} (juli–december)`;
}

type Field = 'centreMunicipalityId' | 'halfYear';

function problem(name: Field, values: Record<Field, string>): string | undefined {
  if (values[name] !== '') return undefined;
  return name === 'centreMunicipalityId' ? 'Kies de centrumgemeente.' : 'Kies het halfjaar.';
}

function Outcome({ result, centre }: { result: RoundResult; centre: string }) {
  if (result.invoices.length === 0) return <Paragraph>Er was voor de gemeenten van {centre} in dit halfjaar niets nieuws te factureren. Er is geen factuur gemaakt en niets gemaild.</Paragraph>;
  return (
    <>
      <Paragraph>
        {result.invoices.length === 1 ? '1 pro-formafactuur is' : `${result.invoices.length} pro-formafacturen zijn`} gemaakt
        {result.mailed > 0 ? ` en naar het factuuradres van ${centre} gemaild` : ''}:
      </Paragraph>
      <UnorderedList>
        {result.invoices.map((i) => (
          <UnorderedListItem key={i.id}>
            <RouterLink to={invoicePath(i.id)}>{i.numberText}</RouterLink>: {i.municipalityName}, {formatCents(i.totalInclVatCents)} inclusief btw
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {result.skipped.length > 0 && <Paragraph>{result.skipped.length === 1 ? '1 aanmelding is' : `${result.skipped.length} aanmeldingen zijn`} overgeslagen; zie Te declareren per gemeente.</Paragraph>}
    </>
  );
}

function RoundForm({ centres }: { centres: readonly Centre[] }) {
  const round = useRound();
  const form = useForm<Field>({ centreMunicipalityId: '', halfYear: '' }, ['centreMunicipalityId', 'halfYear'], problem);
  const [outcome, setOutcome] = useState<{ result: RoundResult; centre: string } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const centre = centres.find((c) => c.municipalityId === form.values.centreMunicipalityId);
  const halfYears = centre?.halfYears ?? centres[0]?.halfYears ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (round.isPending || !form.validateAll()) return;
    const name = centre?.name ?? '';
    round.mutateAsync({ centreMunicipalityId: form.values.centreMunicipalityId, halfYear: form.values.halfYear }).then((result) => {
      setOutcome({ result, centre: name });
    }, form.applyServerError);
  };
  // The keyboard goes on from the outcome, once it is rendered (an effect runs after the commit).
  useEffect(() => {
    if (outcome !== null) statusRef.current?.focus();
  }, [outcome]);

  return (
    <>
      <ErrorSummary id="fouten-halfjaarronde" level={3} items={form.summary} attempt={form.attempt} />
      <form noValidate onSubmit={submit} aria-labelledby="halfjaarronde" className="koers-form">
        <SelectField {...form.bind('centreMunicipalityId')} label="Centrumgemeente" options={centres.map((c) => [c.municipalityId, `${c.name} (${c.municipalities} gemeenten)`] as [string, string])} />
        <SelectField {...form.bind('halfYear')} label="Halfjaar" description="Alleen een halfjaar dat al voorbij is." options={halfYears.map((h) => [h, halfYearLabel(h)] as [string, string])} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={round.isPending}>
            Pro forma naar centrumgemeente
          </Button>
        </ButtonGroup>
      </form>
      <div ref={statusRef} role="status" tabIndex={-1} className="koers-announcement koers-wrap-anywhere">
        {outcome && <Outcome result={outcome.result} centre={outcome.centre} />}
      </div>
    </>
  );
}

export function HalfYearRound() {
  const centres = useCentres();
  if (!centres.data || centres.data.items.length === 0) return null;
  return (
    <section aria-labelledby="halfjaarronde" className="koers-section">
      <Heading level={2} id="halfjaarronde">
        Halfjaarronde
      </Heading>
      <Paragraph>
        U factureert per halfjaar. Koers maakt voor elke gemeente van de centrumgemeente een pro-formafactuur van wat tot het einde van het halfjaar verdiend is, en mailt de pdf’s naar het factuuradres
        van de centrumgemeente. Die stuurt ze door; iedere gemeente controleert en betaalt haar eigen factuur. Verstuur daarna elke factuur definitief: ook die gaat naar de centrumgemeente.
      </Paragraph>
      <RoundForm centres={centres.data.items} />
    </section>
  );
}
