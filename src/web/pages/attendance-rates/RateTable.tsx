// One row per participant on the shared table: the name links to the participant page, the date of
// birth tells two of the same name apart; the rate with one decimal; the absences by the municipality's
// classification (R-ATT-2). Name and rate sort with a button in the column header (aria-sort).
import type { ParticipantRate, RateSort } from '../../api/attendanceRates';
import { DataTable, type Column } from '../../components/DataTable';
import { RouterLink } from '../../components/RouterLink';
import { formatHours } from '../../lib/attendanceLabels';
import { formatDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { formatRate } from './rates';

function columnsOf(normPercent: number): Column<ParticipantRate>[] {
  return [
    { id: 'name', label: 'Naam', fixed: true, rowHeader: true, sortKey: 'name', cell: (r) => <RouterLink to={`/inburgeraars/${encodeURIComponent(r.participantId)}`}>{fullName(r)}</RouterLink> },
    { id: 'dateOfBirth', label: 'Geboortedatum', cell: (r) => formatDate(r.dateOfBirth) },
    {
      id: 'rate',
      label: 'Aanwezigheid',
      sortKey: 'rate',
      cell: (r) => (
        <>
          {formatRate(r.rate)}
          {r.belowNorm && <strong className="koers-overdue"> (onder {normPercent}%)</strong>}
        </>
      ),
    },
    { id: 'attended', label: 'Aanwezig', cell: (r) => formatHours(r.attendedMinutes) },
    { id: 'offered', label: 'Aangeboden', cell: (r) => formatHours(r.offeredMinutes) },
    { id: 'authorised', label: 'Verzuim geoorloofd', cell: (r) => r.absences.authorised },
    { id: 'unauthorised', label: 'Verzuim ongeoorloofd', cell: (r) => r.absences.unauthorised },
    { id: 'unclassified', label: 'Verzuim niet beoordeeld', cell: (r) => r.absences.unclassified },
  ];
}

export function RateTable({ caption, items, sort, normPercent, onSort, page, pageSize, total, onPage, exportHref, busy }: {
  caption: string;
  items: readonly ParticipantRate[];
  sort: RateSort;
  normPercent: number;
  onSort: (sort: RateSort) => void;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  exportHref: (format: 'xlsx' | 'csv') => string;
  busy: boolean;
}) {
  return (
    <DataTable
      id="aanwezigheid"
      caption={caption}
      columns={columnsOf(normPercent)}
      rows={items}
      rowKey={(r) => r.participantId}
      rowClassName={(r) => (r.belowNorm ? 'koers-row--absent' : undefined)}
      sort={sort}
      onSort={(s) => onSort(s as RateSort)}
      page={page}
      pageSize={pageSize}
      total={total}
      onPage={onPage}
      exportHref={exportHref}
      busy={busy}
    />
  );
}
