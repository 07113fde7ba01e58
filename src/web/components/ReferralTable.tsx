import { useRef, useState } from 'react';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Referral } from '../api/types';
import { formatDate, formatTimestampDate } from '../lib/dates';
import { fullName, referralStatusLabel } from '../lib/labels';
import { AcknowledgeButton } from './AcknowledgeButton';
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

export function ReferralTable({ caption, referrals, today, showParticipant, showProvider, canAcknowledge }: ReferralTableProps) {
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
      <Table className="koers-referrals">
        <TableCaption className="koers-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {showParticipant && <TableHeaderCell scope="col">Inburgeraar</TableHeaderCell>}
            {showProvider && <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>}
            <TableHeaderCell scope="col">Perceel</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Aangemeld op</TableHeaderCell>
            <TableHeaderCell scope="col">Ontvangstbevestiging uiterlijk</TableHeaderCell>
            <TableHeaderCell scope="col">Bevestigd op</TableHeaderCell>
            <TableHeaderCell scope="col">Tijdlijn</TableHeaderCell>
            {showActions && (
              <TableHeaderCell scope="col">
                <VisuallyHidden>Actie</VisuallyHidden>
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {referrals.map((referral) => (
            <TableRow key={referral.id} className={isOverdue(referral, today) ? 'koers-row--overdue' : undefined}>
              {showParticipant && (
                <TableCell>
                  <RouterLink to={`/inburgeraars/${encodeURIComponent(referral.participant.id)}`}>
                    {fullName(referral.participant)}
                  </RouterLink>
                </TableCell>
              )}
              {showProvider && <TableCell>{referral.provider.name}</TableCell>}
              <TableCell>
                <RouterLink to={referralPath(referral)}>
                  {referral.product.name}
                  <VisuallyHidden>
                    : aanmelding van {fullName(referral.participant)} bij {referral.provider.name}
                  </VisuallyHidden>
                </RouterLink>
              </TableCell>
              <TableCell>{referralStatusLabel(referral.status)}</TableCell>
              <TableCell>{formatDate(referral.referredOn)}</TableCell>
              <TableCell>
                <DueDate referral={referral} today={today} />
              </TableCell>
              <TableCell>{formatTimestampDate(referral.acknowledgedAt)}</TableCell>
              <TableCell>
                <RouterLink to={`${referralPath(referral)}#tijdlijn`}>
                  Tijdlijn
                  <VisuallyHidden>
                    {' '}
                    van {fullName(referral.participant)}, {referral.product.name}
                  </VisuallyHidden>
                </RouterLink>
              </TableCell>
              {showActions && (
                <TableCell>
                  {referral.status === 'referred' && <AcknowledgeButton referral={referral} onDone={done} />}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
