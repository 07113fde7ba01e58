import {
  Button,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ParticipantListParams } from '../../api/queries';
import type { ParticipantSummary } from '../../api/types';
import { RouterLink } from '../../components/RouterLink';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatTimestampDate } from '../../lib/dates';
import { fullName, maskedBsn, referralStatusLabel, routeLabel } from '../../lib/labels';

type Sort = ParticipantListParams['sort'];
type SortKey = 'name' | 'createdAt';

interface ParticipantTableProps {
  caption: string;
  items: ParticipantSummary[];
  sort?: Sort;
  onSort?: (sort: Sort) => void;
}

function direction(sort: Sort | undefined, key: SortKey): 'ascending' | 'descending' | undefined {
  if (sort === key) return 'ascending';
  if (sort === `-${key}`) return 'descending';
  return undefined;
}

function SortableHeader({ label, sortKey, sort, onSort, firstDescending }: {
  label: string;
  sortKey: SortKey;
  sort: Sort | undefined;
  onSort: ((sort: Sort) => void) | undefined;
  firstDescending: boolean;
}) {
  const current = direction(sort, sortKey);
  if (!onSort) return <TableHeaderCell scope="col">{label}</TableHeaderCell>;
  const next: Sort =
    current === 'ascending' || (current === undefined && firstDescending) ? `-${sortKey}` : sortKey;
  return (
    <TableHeaderCell scope="col" aria-sort={current ?? 'none'}>
      <Button appearance="subtle-button" type="button" onClick={() => onSort(next)} className="koers-sort-button">
        {label}
        <span aria-hidden="true" className="koers-sort-icon">
          {current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ' ↕'}
        </span>
      </Button>
    </TableHeaderCell>
  );
}

/** The participant list; the BSN shows only its last four digits (R-PAR-2). */
export function ParticipantTable({ caption, items, sort, onSort }: ParticipantTableProps) {
  return (
    <Table>
      <TableCaption className="koers-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <SortableHeader label="Naam" sortKey="name" sort={sort} onSort={onSort} firstDescending={false} />
          <TableHeaderCell scope="col">BSN</TableHeaderCell>
          <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
          <TableHeaderCell scope="col">Leerroute</TableHeaderCell>
          <TableHeaderCell scope="col">Klantnummer</TableHeaderCell>
          <TableHeaderCell scope="col">Laatste aanmelding</TableHeaderCell>
          <SortableHeader label="Aangemaakt" sortKey="createdAt" sort={sort} onSort={onSort} firstDescending />
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((participant) => (
          <TableRow key={participant.id}>
            <TableCell>
              <RouterLink to={`/inburgeraars/${encodeURIComponent(participant.id)}`}>{fullName(participant)}</RouterLink>
            </TableCell>
            <TableCell>
              <span aria-hidden="true">{maskedBsn(participant.bsnLastFour)}</span>
              <VisuallyHidden>eindigt op {participant.bsnLastFour}</VisuallyHidden>
            </TableCell>
            <TableCell>{participant.municipality.name}</TableCell>
            <TableCell>{routeLabel(participant.route)}</TableCell>
            <TableCell>{participant.clientNumber ?? ''}</TableCell>
            <TableCell>{referralStatusLabel(participant.latestReferralStatus)}</TableCell>
            <TableCell>{formatTimestampDate(participant.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
