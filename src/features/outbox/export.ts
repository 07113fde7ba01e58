// R-EXC-3: the columns of the outbox export. What the list shows, except the message text: a mail
// still waiting can hold a password-reset link that works (the list blanks it only once sent), and a
// file travels further than the admin's screen. Times in Europe/Amsterdam, as on the screen.
import { amsterdamDateTime, type ExportColumn } from '../../platform/http/export.js';
import type { OutboxRow, OutboxStatus } from './store.js';

const statusNl: Record<OutboxStatus, string> = { pending: 'Wacht op verzending', sending: 'Wordt verzonden', sent: 'Verzonden', failed: 'Mislukt' };

export const outboxColumns: readonly ExportColumn<OutboxRow>[] = [
  { header: 'Aangemaakt', value: (m) => amsterdamDateTime(m.createdAt), width: 18 },
  { header: 'Aan', value: (m) => m.recipient, width: 32 },
  { header: 'Onderwerp', value: (m) => m.subject, width: 48 },
  { header: 'Status', value: (m) => statusNl[m.status], width: 20 },
  { header: 'Pogingen', value: (m) => m.attempts, type: 'number' },
  { header: 'Verzonden', value: (m) => amsterdamDateTime(m.sentAt), width: 18 },
  { header: 'Laatste fout', value: (m) => m.lastError, width: 40 },
  { header: 'Bericht-id', value: (m) => m.id, width: 38 },
];
