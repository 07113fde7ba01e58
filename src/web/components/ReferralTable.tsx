import { useRef, useState } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import type { Referral } from '../api/types';
import { formatDate, formatTimestampDate } from '../lib/dates';
import { fullName, referralStatusLabel } from '../lib/labels';
import { AcknowledgeButton } from './AcknowledgeButton';
import { DataTable, type Column, type DataTableProps } from './DataTable';
import { RouterLink } from './RouterLink';
import { VisuallyHidden } from './VisuallyHidden';

interface ReferralTableProps {
  caption: string;
  referrals: Referral[];
  /** The system's date; a referral still `referred` after its due date is overdue. */
  today: string | undefined;
  showParticipant: boolean;
  /** Provider staff see only their own organisation's referrals: the column would say nothing. */
  showProvider: boolean;
  canAcknowledge: boolean;
  /** Sort, paging and export of the shared table, when the list is the server's paged list. */
  table?: Pick<DataTableProps<Referral>, 'sort' | 'onSort' | 'page' | 'pageSize' | 'total' | 'onPage' | 'exportHref' | 'busy'>;
}

function referralPath(referral: Referral): string {
  return `/aanmeldingen/${encodeURIComponent(referral.id)}`;
}

export function isOverdue(referral: Referral, today: string | undefined): boolean {
  return referral.status === 'referred' && today !== undefined && referral.acknowledgementDueDate < today;
}

function DueDate({ referral, today }: { referral: Referral; today: string | undefined }) {
  if (!isOverdue(referral, today)) return <>{formatDate(referral.acknowledgementDueDate)}</>;
  // Overdue is said in words and marked with an icon and weight, never by colour alone.
  return (
    <strong className="koers-overdue">
      <span aria-hidden="true">⚠ </span>
      {formatDate(referral.acknowledgementDueDate)} (te laat)
    </strong>
  );
}

function columnsOf(props: ReferralTableProps, showActions: boolean, done: (message: string) => void): Column<Referral>[] {
  const { today, showParticipant, showProvider } = props;
  const columns: (Column<Referral> | false)[] = [
    showParticipant && {
      id: 'participant',
      label: 'Inburgeraar',
      fixed: true,
      rowHeader: true,
      sortKey: 'name',
      cell: (r) => <RouterLink to={`/inburgeraars/${encodeURIComponent(r.participant.id)}`}>{fullName(r.participant)}</RouterLink>,
    },
    // What tells two of the same name apart (never the BSN).
    showParticipant && { id: 'dateOfBirth', label: 'Geboortedatum', cell: (r) => formatDate(r.participant.dateOfBirth) },
    showParticipant && { id: 'clientNumber', label: 'Klantnummer', cell: (r) => r.participant.clientNumber ?? '' },
    showProvider && { id: 'provider', label: 'Aanbieder', cell: (r) => r.provider.name },
    {
      id: 'product',
      label: 'Perceel',
      fixed: !showParticipant,
      cell: (r) => (
        <RouterLink to={referralPath(r)}>
          {r.product.name}
          <VisuallyHidden>
            : aanmelding van {fullName(r.participant)} bij {r.provider.name}
          </VisuallyHidden>
        </RouterLink>
      ),
    },
    { id: 'status', label: 'Status', sortKey: 'status', cell: (r) => referralStatusLabel(r.status) },
    { id: 'referredOn', label: 'Aangemeld op', sortKey: 'referredOn', firstDescending: true, cell: (r) => formatDate(r.referredOn) },
    { id: 'dueDate', label: 'Ontvangstbevestiging uiterlijk', sortKey: 'dueDate', cell: (r) => <DueDate referral={r} today={today} /> },
    { id: 'acknowledgedAt', label: 'Bevestigd op', cell: (r) => formatTimestampDate(r.acknowledgedAt) },
    {
      id: 'timeline',
      label: 'Tijdlijn',
      cell: (r) => (
        <RouterLink to={`${referralPath(r)}#tijdlijn`}>
          Tijdlijn
          <VisuallyHidden>
            {' '}
            van {fullName(r.participant)}, {r.product.name}
          </VisuallyHidden>
        </RouterLink>
      ),
    },
    showActions && {
      id: 'action',
      label: 'Actie',
      fixed: true,
      hiddenLabel: true,
      cell: (r) => (r.status === 'referred' ? <AcknowledgeButton referral={r} onDone={done} /> : null),
    },
  ];
  return columns.filter((c): c is Column<Referral> => c !== false);
}

export function ReferralTable(props: ReferralTableProps) {
  const { caption, referrals, today, canAcknowledge, table } = props;
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const showActions = canAcknowledge && referrals.some((r) => r.status === 'referred');

  const done = (message: string) => {
    setAnnouncement(message);
    // The button disappears with the refetch; keep keyboard focus on the confirmation.
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <>
      <Paragraph ref={statusRef} role="status" tabIndex={-1} className="koers-announcement">
        {announcement}
      </Paragraph>
      <DataTable
        id={`aanmeldingen-${props.showParticipant ? 'lijst' : 'dossier'}`}
        caption={caption}
        columns={columnsOf(props, showActions, done)}
        rows={referrals}
        rowKey={(r) => r.id}
        rowClassName={(r) => (isOverdue(r, today) ? 'koers-row--overdue' : undefined)}
        {...table}
      />
    </>
  );
}
