// Issue #11, R-INV-6: `/factuurtotalen`: what was invoiced and credited in a period, per provider,
// municipality and product, for the contract manager (and the policy officer). Amounts only: never a
// person, never a count of persons (SPEC §0). The period lives in the address (?van=&tot=).
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { useInvoiceTotals } from '../../api/invoicing';
import { useToday } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { can } from '../../lib/permissions';
import { formatCents } from './format';
import { barsOf, netCents, validateTotalsPeriod, yearToDate, type Grouping, type TotalsBar, type TotalsPeriod, type TotalsPeriodErrors } from './totals';

const TotalsChart = lazy(() => import('./TotalsChart'));
const TITLE = 'Factuurtotalen';

const groupings: { grouping: Grouping; title: string; column: string }[] = [
  { grouping: 'provider', title: 'Per aanbieder', column: 'Aanbieder' },
  { grouping: 'municipality', title: 'Per gemeente', column: 'Gemeente' },
  { grouping: 'product', title: 'Per product', column: 'Product' },
];

export function TotalsPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  const today = useToday().data;
  if (!can(user, 'invoice.totals')) return <NotAllowed title={TITLE} />;
  if (today === undefined) return <Loading what="Factuurtotalen" />;
  return <Totals today={today} />;
}

function Totals({ today }: { today: string }) {
  const [search, setSearch] = useSearchParams();
  const fallback = yearToDate(today);
  const from = search.get('van') ?? '';
  const to = search.get('tot') ?? '';
  const period: TotalsPeriod = isValidIsoDate(from) && isValidIsoDate(to) && from <= to ? { from, to } : fallback;
  const totals = useInvoiceTotals(period.from, period.to);
  const show = (next: TotalsPeriod) => setSearch({ van: next.from, tot: next.to });

  let body;
  if (totals.isPending) body = <Loading what="Totalen" />;
  else if (totals.isError) body = <LoadError error={totals.error} />;
  else if (totals.data.byProvider.length === 0) body = <Paragraph>In deze periode is niets gefactureerd.</Paragraph>;
  else {
    const data = totals.data;
    body = groupings.map((g) => <Grouped key={g.grouping} title={g.title} column={g.column} bars={barsOf(data, g.grouping)} period={period} busy={totals.isFetching} />);
  }

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>Wat de aanbieders in uw contracten hebben gefactureerd en gecrediteerd, in euro’s exclusief btw. Zonder persoonsgegevens en zonder aantallen personen.</Paragraph>
      <PeriodForm key={`${period.from}..${period.to}`} period={period} onPeriod={show} />
      <Paragraph aria-live="polite">
        Factuurdatum van {formatDate(period.from)} tot en met {formatDate(period.to)}.
      </Paragraph>
      {body}
    </>
  );
}

function Grouped({ title, column, bars, period, busy }: { title: string; column: string; bars: TotalsBar[]; period: TotalsPeriod; busy: boolean }) {
  const id = `totalen-${column.toLowerCase()}`;
  const caption = `Gefactureerd en gecrediteerd ${title.toLowerCase()}, ${formatDate(period.from)} tot en met ${formatDate(period.to)}`;
  return (
    <section aria-labelledby={id} className="koers-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      <div aria-hidden="true">
        <Suspense fallback={null}>
          <TotalsChart bars={bars} />
        </Suspense>
      </div>
      <TableScroll label={caption}>
        <Table aria-busy={busy}>
          <TableCaption className="koers-visually-hidden">{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{column}</TableHeaderCell>
              <TableHeaderCell scope="col">Gefactureerd</TableHeaderCell>
              <TableHeaderCell scope="col">Gecrediteerd</TableHeaderCell>
              <TableHeaderCell scope="col">Netto</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {bars.map((b) => (
              <TableRow key={b.key}>
                <TableHeaderCell scope="row">{b.label}</TableHeaderCell>
                <TableCell>{formatCents(b.invoicedCents)}</TableCell>
                <TableCell>{formatCents(b.creditedCents)}</TableCell>
                <TableCell>{formatCents(netCents(b))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </section>
  );
}

function PeriodForm({ period, onPeriod }: { period: TotalsPeriod; onPeriod: (period: TotalsPeriod) => void }) {
  const [values, setValues] = useState<TotalsPeriod>(period);
  const [errors, setErrors] = useState<TotalsPeriodErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateTotalsPeriod(values);
    setErrors(found);
    const first = found.from ? 'van' : found.to ? 'tot' : undefined;
    if (first) {
      document.getElementById(`veld-${first}`)?.focus();
      return;
    }
    onPeriod(values);
  };
  const change = (name: keyof TotalsPeriod, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Periode kiezen" className="koers-inline-form">
      <TextField name="van" label="Factuurdatum vanaf" type="date" value={values.from} error={errors.from} onChange={(e) => change('from', e.target.value)} />
      <TextField name="tot" label="Factuurdatum tot en met" type="date" value={values.to} error={errors.to} onChange={(e) => change('to', e.target.value)} />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          Periode tonen
        </Button>
      </ButtonGroup>
    </form>
  );
}
