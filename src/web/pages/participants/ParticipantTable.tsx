import type { ParticipantSummary } from '../../api/types';
import { DataTable, type Column, type DataTableProps } from '../../components/DataTable';
import { RouterLink } from '../../components/RouterLink';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate, formatTimestampDate } from '../../lib/dates';
import { fullName, maskedBsn, referralStatusLabel, routeLabel } from '../../lib/labels';

const columns: Column<ParticipantSummary>[] = [
  { id: 'name', label: 'Naam', fixed: true, rowHeader: true, sortKey: 'name', cell: (p) => <RouterLink to={`/inburgeraars/${encodeURIComponent(p.id)}`}>{fullName(p)}</RouterLink> },
  // What tells two of the same name apart.
  { id: 'dateOfBirth', label: 'Geboortedatum', cell: (p) => formatDate(p.dateOfBirth) },
  {
    id: 'bsn',
    label: 'BSN',
    cell: (p) => (
      <>
        <span aria-hidden="true">{maskedBsn(p.bsnLastFour)}</span>
        <VisuallyHidden>eindigt op {p.bsnLastFour}</VisuallyHidden>
      </>
    ),
  },
  { id: 'municipality', label: 'Gemeente', cell: (p) => p.municipality.name },
  { id: 'route', label: 'Leerroute', cell: (p) => routeLabel(p.route) },
  { id: 'clientNumber', label: 'Klantnummer', cell: (p) => p.clientNumber ?? '' },
  { id: 'latestReferral', label: 'Laatste aanmelding', cell: (p) => referralStatusLabel(p.latestReferralStatus) },
  { id: 'createdAt', label: 'Aangemaakt', sortKey: 'createdAt', firstDescending: true, cell: (p) => formatTimestampDate(p.createdAt) },
];

/** The participant list; the BSN shows only its last four digits (R-PAR-2). */
export function ParticipantTable({ caption, items, listId = 'inburgeraars', ...table }: { caption: string; items: ParticipantSummary[]; listId?: string } & Pick<DataTableProps<ParticipantSummary>, 'sort' | 'onSort' | 'page' | 'pageSize' | 'total' | 'onPage' | 'exportHref' | 'busy'>) {
  return <DataTable id={listId} caption={caption} columns={columns} rows={items} rowKey={(p) => p.id} {...table} />;
}
