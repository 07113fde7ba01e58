import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Party, Signal } from '../../api/types';
import { RouterLink } from '../../components/RouterLink';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { fullName, partyLabels, signalCauseLabel, signalStatusLabels } from '../../lib/labels';
import { DueDate } from '../referral/PendingSteps';
import { SeenButton } from './SeenButton';
import type { Group } from './signalGroups';

function SignalLink({ signal }: { signal: Signal }) {
  const label = signalCauseLabel(signal.cause, signal.step);
  const who = signal.participant ? fullName(signal.participant) : '';
  if (signal.referralId) {
    return (
      <RouterLink to={`/aanmeldingen/${encodeURIComponent(signal.referralId)}`}>
        {label}
        {who && <VisuallyHidden> voor {who}</VisuallyHidden>}
      </RouterLink>
    );
  }
  if (signal.participant) {
    // Progress, scaling and report signals (issue #5) open the progress page; absence signals the file.
    const progress = /^(progress|scaling|report)\./.test(signal.cause);
    const to = `/inburgeraars/${encodeURIComponent(signal.participant.id)}${progress ? '/voortgang' : ''}`;
    return (
      <RouterLink to={to}>
        {label}
        {who && <VisuallyHidden> voor {who}</VisuallyHidden>}
      </RouterLink>
    );
  }
  return <>{label}</>;
}

interface SignalTableProps {
  group: Group;
  /** The user's side; only the party that must act marks a signal "Gezien". */
  party: Party | undefined;
  onSeen: (message: string) => void;
}

export function SignalTable({ group, party, onSeen }: SignalTableProps) {
  const headingId = `signalen-${group.key}`;
  const canSee = (signal: Signal) => signal.status === 'open' && signal.addressee === party;
  const showSeen = group.signals.some(canSee);
  return (
    <section aria-labelledby={headingId} className="koers-section">
      <Heading level={2} id={headingId}>
        {group.title} ({group.signals.length})
      </Heading>
      {group.signals.length === 0 ? (
        <Paragraph>{group.empty}</Paragraph>
      ) : (
        <Table aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Wat moet er gebeuren</TableHeaderCell>
              <TableHeaderCell scope="col">Inburgeraar</TableHeaderCell>
              <TableHeaderCell scope="col">Wie moet handelen</TableHeaderCell>
              <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
              <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
              <TableHeaderCell scope="col">Perceel</TableHeaderCell>
              <TableHeaderCell scope="col">Uiterlijk</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              {showSeen && (
                <TableHeaderCell scope="col">
                  <VisuallyHidden>Actie</VisuallyHidden>
                </TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {group.signals.map((signal) => (
              <TableRow key={signal.id} className={group.key === 'overdue' ? 'koers-row--overdue' : undefined}>
                <TableCell>
                  <SignalLink signal={signal} />
                </TableCell>
                <TableCell>{signal.participant ? fullName(signal.participant) : 'Niet van toepassing'}</TableCell>
                <TableCell>{partyLabels[signal.addressee] ?? signal.addressee}</TableCell>
                <TableCell>{signal.provider?.name ?? ''}</TableCell>
                <TableCell>{signal.municipality?.name ?? ''}</TableCell>
                <TableCell>{signal.product?.name ?? ''}</TableCell>
                <TableCell>
                  <DueDate dueDate={signal.dueDate} urgency={group.key === 'overdue' ? 'overdue' : undefined} />
                </TableCell>
                <TableCell>{signalStatusLabels[signal.status]}</TableCell>
                {showSeen && (
                  <TableCell>{canSee(signal) && <SeenButton signal={signal} onDone={onSeen} />}</TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
