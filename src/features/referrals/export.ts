// R-EXC-3: the columns of the referral export. Names with what tells two of the same name apart (date of
// birth, client number), never the BSN.
import { statusLabel } from '../../domain/lifecycle.js';
import type { ExportColumn } from '../../platform/http/export.js';
import type { Referral } from './schemas.js';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const referralColumns: readonly ExportColumn<Referral>[] = [
  { header: 'Achternaam', value: (r) => r.participant.familyName, width: 20 },
  { header: 'Voornaam', value: (r) => r.participant.givenName, width: 16 },
  { header: 'Geboortedatum', value: (r) => r.participant.dateOfBirth, type: 'date' },
  { header: 'Klantnummer', value: (r) => r.participant.clientNumber },
  { header: 'Aanbieder', value: (r) => r.provider.name, width: 24 },
  { header: 'Perceel', value: (r) => r.product.name, width: 28 },
  { header: 'Status', value: (r) => capital(statusLabel[r.status]), width: 24 },
  { header: 'Aangemeld op', value: (r) => r.referredOn, type: 'date' },
  { header: 'Ontvangstbevestiging uiterlijk', value: (r) => r.acknowledgementDueDate, type: 'date', width: 30 },
  { header: 'Bevestigd op', value: (r) => (r.acknowledgedAt === null ? null : r.acknowledgedAt.slice(0, 10)), type: 'date' },
  { header: 'Aanmelding-id', value: (r) => r.id, width: 38 },
];
