// The work list's table (R-SIG-1) on the shared DataTable: one row per pending step, sortable by what
// must happen, the participant and the due date; the person is told apart by date of birth.
import type { Party, Signal } from '../../api/types';
import { DataTable, type Column, type DataTableProps } from '../../components/DataTable';
import { RouterLink } from '../../components/RouterLink';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate } from '../../lib/dates';
import { fullName, partyLabels, signalLabel, signalStatusLabels } from '../../lib/labels';
import { DueDate } from '../referral/PendingSteps';
import { SeenButton } from './SeenButton';

function SignalLink({ signal }: { signal: Signal }) {
  const label = signalLabel(signal);
  const who = signal.participant ? fullName(signal.participant) : '';
  let to: string | undefined;
  if (signal.referralId) to = `/aanmeldingen/${encodeURIComponent(signal.referralId)}`;
  // R-INV-4: earned products still to invoice are prepared on Declareren (issue #11).
  else if (signal.cause === 'invoice.sendDue') to = '/declareren';
  // R-MI-6 (issue #13): a periodic report to submit, or late, is filled in and submitted from Rapportages.
  else if (signal.cause === 'periodicReport.due' || signal.cause === 'periodicReport.late') to = '/rapportages';
  // 001 §3 (issue #12): the MAP end conversation is recorded on the participant's Deelname page.
  else if (signal.cause === 'map.endConversationDue' && signal.participant) to = `/deelname/${encodeURIComponent(signal.participant.id)}`;
  else if (signal.participant) {
    // Progress, scaling and report signals (issue #5) open the progress page; absence signals the file.
    const progress = /^(progress|scaling|report)\./.test(signal.cause);
    to = `/inburgeraars/${encodeURIComponent(signal.participant.id)}${progress ? '/voortgang' : ''}`;
  }
  if (to === undefined) return <>{label}</>;
  return (
    <RouterLink to={to}>
      {label}
      {who && <VisuallyHidden> voor {who}</VisuallyHidden>}
    </RouterLink>
  );
}

const urgencyLabels = { overdue: 'Te laat', thisWeek: 'Deze week', later: 'Later' } as const;

function columnsOf(party: Party | undefined, showSeen: boolean, onSeen: (message: string) => void): Column<Signal>[] {
  const canSee = (signal: Signal) => signal.status === 'open' && signal.addressee === party;
  const columns: Column<Signal>[] = [
    { id: 'cause', label: 'Wat moet er gebeuren', fixed: true, rowHeader: true, sortKey: 'cause', cell: (s) => <SignalLink signal={s} /> },
    { id: 'participant', label: 'Inburgeraar', sortKey: 'participant', cell: (s) => (s.participant ? fullName(s.participant) : 'Niet van toepassing') },
    { id: 'dateOfBirth', label: 'Geboortedatum', cell: (s) => (s.participant ? formatDate(s.participant.dateOfBirth) : '') },
    { id: 'addressee', label: 'Wie moet handelen', cell: (s) => partyLabels[s.addressee] ?? s.addressee },
    { id: 'provider', label: 'Aanbieder', cell: (s) => s.provider?.name ?? '' },
    { id: 'municipality', label: 'Gemeente', cell: (s) => s.municipality?.name ?? '' },
    { id: 'product', label: 'Perceel', cell: (s) => s.product?.name ?? '' },
    { id: 'dueDate', label: 'Uiterlijk', sortKey: 'dueDate', cell: (s) => <DueDate dueDate={s.dueDate} urgency={s.urgency} /> },
    { id: 'urgency', label: 'Urgentie', cell: (s) => urgencyLabels[s.urgency] },
    { id: 'status', label: 'Status', cell: (s) => signalStatusLabels[s.status] },
  ];
  if (showSeen) columns.push({ id: 'action', label: 'Actie', fixed: true, hiddenLabel: true, cell: (s) => (canSee(s) ? <SeenButton signal={s} onDone={onSeen} /> : null) });
  return columns;
}

type TableProps = Pick<DataTableProps<Signal>, 'sort' | 'onSort' | 'page' | 'pageSize' | 'total' | 'onPage' | 'exportHref' | 'busy'>;

export function SignalTable({ signals, party, onSeen, ...table }: { signals: Signal[]; party: Party | undefined; onSeen: (message: string) => void } & TableProps) {
  const showSeen = signals.some((s) => s.status === 'open' && s.addressee === party);
  return (
    <DataTable
      id="werklijst"
      caption="Werklijst"
      columns={columnsOf(party, showSeen, onSeen)}
      rows={signals}
      rowKey={(s) => s.id}
      rowClassName={(s) => (s.urgency === 'overdue' ? 'koers-row--overdue' : undefined)}
      defaultHidden={['urgency']}
      {...table}
    />
  );
}
