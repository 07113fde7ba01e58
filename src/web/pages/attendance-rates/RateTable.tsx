// One row per participant: the name links to the participant page; the rate with one decimal; the
// absences by the municipality's classification (R-ATT-2). Name and rate sort with a button in the
// column header, its state in aria-sort.
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
import type { ParticipantRate, RateSort } from '../../api/attendanceRates';
import { RouterLink } from '../../components/RouterLink';
import { formatHours } from '../../lib/attendanceLabels';
import { fullName } from '../../lib/labels';
import { formatRate } from './rates';

type SortKey = 'name' | 'rate';

function direction(sort: RateSort, key: SortKey): 'ascending' | 'descending' | undefined {
  if (sort === key) return 'ascending';
  if (sort === `-${key}`) return 'descending';
  return undefined;
}

function SortableHeader({ label, sortKey, sort, onSort }: { label: string; sortKey: SortKey; sort: RateSort; onSort: (sort: RateSort) => void }) {
  const current = direction(sort, sortKey);
  const next: RateSort = current === 'ascending' ? `-${sortKey}` : sortKey;
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

export function RateTable({ caption, items, sort, normPercent, onSort }: {
  caption: string;
  items: readonly ParticipantRate[];
  sort: RateSort;
  normPercent: number;
  onSort: (sort: RateSort) => void;
}) {
  return (
    <Table>
      <TableCaption className="koers-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <SortableHeader label="Naam" sortKey="name" sort={sort} onSort={onSort} />
          <SortableHeader label="Aanwezigheid" sortKey="rate" sort={sort} onSort={onSort} />
          <TableHeaderCell scope="col">Aanwezig</TableHeaderCell>
          <TableHeaderCell scope="col">Aangeboden</TableHeaderCell>
          <TableHeaderCell scope="col">Verzuim geoorloofd</TableHeaderCell>
          <TableHeaderCell scope="col">Verzuim ongeoorloofd</TableHeaderCell>
          <TableHeaderCell scope="col">Verzuim niet beoordeeld</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((r) => (
          <TableRow key={r.participantId} className={r.belowNorm ? 'koers-row--absent' : undefined}>
            <TableHeaderCell scope="row">
              <RouterLink to={`/inburgeraars/${encodeURIComponent(r.participantId)}`}>{fullName(r)}</RouterLink>
            </TableHeaderCell>
            <TableCell>
              {formatRate(r.rate)}
              {r.belowNorm && <strong className="koers-overdue"> (onder {normPercent}%)</strong>}
            </TableCell>
            <TableCell>{formatHours(r.attendedMinutes)}</TableCell>
            <TableCell>{formatHours(r.offeredMinutes)}</TableCell>
            <TableCell>{r.absences.authorised}</TableCell>
            <TableCell>{r.absences.unauthorised}</TableCell>
            <TableCell>{r.absences.unclassified}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
