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
import { useSignals, useToday } from '../api/queries';
import type { Signal } from '../api/types';
import { LoadError, Loading } from '../components/QueryStatus';
import { RouterLink } from '../components/RouterLink';
import { endOfWeek, formatDate } from '../lib/dates';
import { fullName, signalCauseLabel, signalStatusLabels } from '../lib/labels';
import { useDocumentTitle } from '../lib/useDocumentTitle';

interface Group {
  key: string;
  title: string;
  signals: Signal[];
}

/** R-SIG-1: open signals by urgency against the system's date, earliest due first. */
export function groupSignals(signals: Signal[], today: string): Group[] {
  const weekEnd = endOfWeek(today);
  const groups: Group[] = [
    { key: 'te-laat', title: 'Te laat', signals: [] },
    { key: 'deze-week', title: 'Deze week', signals: [] },
    { key: 'later', title: 'Later', signals: [] },
    { key: 'afgehandeld', title: 'Afgehandeld', signals: [] },
  ];
  const sorted = [...signals].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (const signal of sorted) {
    const index =
      signal.status === 'resolved' ? 3 : signal.dueDate < today ? 0 : signal.dueDate <= weekEnd ? 1 : 2;
    groups[index]?.signals.push(signal);
  }
  return groups.filter((group) => group.signals.length > 0);
}

function SignalTable({ group }: { group: Group }) {
  const headingId = `signalen-${group.key}`;
  return (
    <section aria-labelledby={headingId} className="koers-section">
      <Heading level={2} id={headingId}>
        {group.title} ({group.signals.length})
      </Heading>
      <Table aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Signaal</TableHeaderCell>
            <TableHeaderCell scope="col">Inburgeraar</TableHeaderCell>
            <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
            <TableHeaderCell scope="col">Uiterlijk</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {group.signals.map((signal) => (
            <TableRow key={signal.id}>
              <TableCell>{signalCauseLabel(signal.cause)}</TableCell>
              <TableCell>
                {signal.participant ? (
                  <RouterLink to={`/inburgeraars/${encodeURIComponent(signal.participant.id)}`}>
                    {fullName(signal.participant)}
                  </RouterLink>
                ) : (
                  'Niet van toepassing'
                )}
              </TableCell>
              <TableCell>{signal.provider?.name ?? ''}</TableCell>
              <TableCell>{formatDate(signal.dueDate)}</TableCell>
              <TableCell>{signalStatusLabels[signal.status]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** `/`: the work list of the signed-in party. */
export function WorkListPage() {
  useDocumentTitle('Werklijst');
  const signals = useSignals();
  const today = useToday();

  let body;
  if (signals.isPending || today.isPending) body = <Loading what="Signalen" />;
  else if (signals.isError) body = <LoadError error={signals.error} />;
  else if (today.isError) body = <LoadError error={today.error} />;
  else {
    const groups = groupSignals(signals.data, today.data);
    body =
      groups.length === 0 ? (
        <Paragraph>Geen signalen.</Paragraph>
      ) : (
        groups.map((group) => <SignalTable key={group.key} group={group} />)
      );
  }

  return (
    <>
      <Heading level={1}>Werklijst</Heading>
      {today.data && <Paragraph>Signalen die om actie vragen, op {formatDate(today.data)}.</Paragraph>}
      {body}
    </>
  );
}
