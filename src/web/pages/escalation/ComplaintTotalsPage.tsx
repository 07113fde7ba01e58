// `/contract/klachten` (issue #14, R-CM-3; 002 eis 37): the contract manager's complaint totals per
// contract, provider and quarter of receipt — never a complainant or a subject (the server sends none).
// A bar chart per provider and quarter to compare, and the table as its accessible alternative.
import { lazy, Suspense, useMemo } from 'react';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useComplaintTotals } from '../../api/complaints';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { TableScroll } from '../../components/TableScroll';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { complaintSeries } from './complaintTotals';

const ComplaintTotalsChart = lazy(() => import('./ComplaintTotalsChart'));
const TITLE = 'Klachten';

export function ComplaintTotalsPage() {
  const user = useUser();
  useDocumentTitle(TITLE);
  if (!can(user, 'complaint.totals')) return <NotAllowed title={TITLE} />;
  return <Totals />;
}

function Totals() {
  const totals = useComplaintTotals();
  const items = totals.data?.items;
  const chart = useMemo(() => complaintSeries(items ?? []), [items]);
  let body;
  if (totals.isPending) body = <Loading what={TITLE} />;
  else if (totals.isError) body = <LoadError error={totals.error} />;
  else if (totals.data.items.length === 0) body = <Paragraph>Er zijn in deze contractperiode geen klachten ontvangen.</Paragraph>;
  else {
    const caption = 'Klachten per aanbieder en kwartaal van ontvangst';
    body = (
      <>
        <div aria-hidden="true">
          <Suspense fallback={null}>
            <ComplaintTotalsChart quarters={chart.quarters} series={chart.series} />
          </Suspense>
        </div>
        <TableScroll label={caption}>
          <Table aria-busy={totals.isFetching}>
            <TableCaption>{caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Kwartaal</TableHeaderCell>
                <TableHeaderCell scope="col">Contract</TableHeaderCell>
                <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                <TableHeaderCell scope="col">Van inburgeraars</TableHeaderCell>
                <TableHeaderCell scope="col">Van organisaties</TableHeaderCell>
                <TableHeaderCell scope="col">Afgesloten</TableHeaderCell>
                <TableHeaderCell scope="col">(Deels) gegrond</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {totals.data.items.map((r) => (
                <TableRow key={`${r.contractId}|${r.providerCode}|${r.quarter}`}>
                  <TableHeaderCell scope="row">{r.providerName}</TableHeaderCell>
                  <TableCell>{r.quarter}</TableCell>
                  <TableCell>{r.contractName}</TableCell>
                  <TableCell>{r.received}</TableCell>
                  <TableCell>{r.fromParticipants}</TableCell>
                  <TableCell>{r.fromOrganisations}</TableCell>
                  <TableCell>{r.closed}</TableCell>
                  <TableCell>{r.upheld}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>De klachten die de aanbieders van uw regio ontvingen, geteld per contract, aanbieder en kwartaal van ontvangst, van het begin van de contractperiode tot vandaag. Wie klaagde en waarover ziet alleen de aanbieder en de gemeente van de inburgeraar.</Paragraph>
      {body}
      <Paragraph>
        <RouterLink to="/contract">Naar Contract</RouterLink>
      </Paragraph>
    </>
  );
}
