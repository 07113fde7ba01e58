// The home of the policy officer and the contract manager (issue #10 item 5; SPEC §0: aggregates only):
// per municipality the referrals in preparation and started and this month's attendance. For the
// contract manager cells under the threshold are not shown, nor the cells that would let the total row
// give them away (R-MI-6, suppressTable on the server). Issue #13: the dashboard (KPIs with their trend,
// reports due, submitted and late, deadline compliance per provider) comes first, this month's figures below.
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useFigures } from '../../api/home';
import { Dashboard } from '../dashboard/Dashboard';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { formatDate } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${monthNames[Number(m) - 1] ?? m} ${year}`;
}

export function FiguresHome() {
  useDocumentTitle('Overzicht');
  const figures = useFigures();

  let body;
  if (figures.isPending) body = <Loading what="Cijfers" />;
  else if (figures.isError) body = <LoadError error={figures.error} />;
  else {
    const { month, today, suppressedBelow, municipalities, totals } = figures.data;
    // Not "fewer than 5": a count hidden beside a small one (secondary suppression) may be large.
    const few = suppressedBelow === null ? '' : 'niet getoond';
    const cell = (n: number | null) => (n === null ? few : String(n));
    body = (
      <>
        <Paragraph>
          Stand op {formatDate(today)}. Aanwezigheid: de aangeboden lesminuten van {monthLabel(month)} tot en met vandaag, zonder inhaallessen.
          {suppressedBelow !== null &&
            ` Aantallen kleiner dan ${suppressedBelow} worden niet getoond, zodat niemand herkenbaar is; het percentage dan ook niet. Soms is daarom ook een groter aantal verborgen: anders zou het uit het totaal te berekenen zijn.`}
        </Paragraph>
        <TableScroll label={'Aanmeldingen en aanwezigheid per gemeente'}>
          <Table>
            <TableCaption>Aanmeldingen en aanwezigheid per gemeente</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
                <TableHeaderCell scope="col">Aanmeldingen in voorbereiding</TableHeaderCell>
                <TableHeaderCell scope="col">Gestart</TableHeaderCell>
                <TableHeaderCell scope="col">Inburgeraars met lessen deze maand</TableHeaderCell>
                <TableHeaderCell scope="col">Aanwezigheid deze maand</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {municipalities.map((m) => (
                <TableRow key={m.municipality.id}>
                  <TableHeaderCell scope="row">{m.municipality.name}</TableHeaderCell>
                  <TableCell>{cell(m.referralsPreparing)}</TableCell>
                  <TableCell>{cell(m.referralsStarted)}</TableCell>
                  <TableCell>{cell(m.participantsWithAttendance)}</TableCell>
                  <TableCell>{m.attendancePercent === null ? 'Geen cijfer' : `${m.attendancePercent.toLocaleString('nl-NL')}%`}</TableCell>
                </TableRow>
              ))}
              {municipalities.length > 1 && (
                <TableRow>
                  <TableHeaderCell scope="row">Totaal</TableHeaderCell>
                  <TableCell>{cell(totals.referralsPreparing)}</TableCell>
                  <TableCell>{cell(totals.referralsStarted)}</TableCell>
                  <TableCell>{cell(totals.participantsWithAttendance)}</TableCell>
                  <TableCell />
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableScroll>
      </>
    );
  }

  return (
    <>
      <Heading level={1}>Overzicht</Heading>
      <Paragraph>Cijfers zonder persoonsgegevens: alleen aantallen en percentages.</Paragraph>
      <Dashboard />
      <section aria-labelledby="figures-this-month" className="koers-section">
        <Heading level={2} id="figures-this-month">
          Deze maand per gemeente
        </Heading>
        {body}
      </section>
    </>
  );
}
