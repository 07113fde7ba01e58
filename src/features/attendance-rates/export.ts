// R-EXC-3: the columns of the attendance-rate export (R-ATT-3): no BSN; date of birth and client number
// tell two of the same name apart. The rate is cut to one decimal as the screen shows it (never rounded
// up: 79.96% is not shown as the norm of 80.0%).
import type { ExportColumn } from '../../platform/http/export.js';
import type { ParticipantRate } from './schemas.js';

export const rateColumns: readonly ExportColumn<ParticipantRate>[] = [
  { header: 'Achternaam', value: (r) => r.familyName, width: 20 },
  { header: 'Voornaam', value: (r) => r.givenName, width: 16 },
  { header: 'Geboortedatum', value: (r) => r.dateOfBirth, type: 'date' },
  { header: 'Klantnummer', value: (r) => r.clientNumber },
  { header: 'Aangeboden minuten', value: (r) => r.offeredMinutes, type: 'number' },
  { header: 'Aanwezige minuten', value: (r) => r.attendedMinutes, type: 'number' },
  { header: 'Aanwezigheid (%)', value: (r) => (r.rate === null ? null : Math.floor(r.rate * 10 + 1e-9) / 10), type: 'number', decimals: 1 },
  { header: 'Norm (%)', value: (r) => r.normPercent, type: 'number' },
  { header: 'Onder de norm', value: (r) => (r.rate === null ? 'Geen lessen' : r.belowNorm ? 'Ja' : 'Nee') },
  { header: 'Verzuim geoorloofd', value: (r) => r.absences.authorised, type: 'number' },
  { header: 'Verzuim ongeoorloofd', value: (r) => r.absences.unauthorised, type: 'number' },
  { header: 'Verzuim niet beoordeeld', value: (r) => r.absences.unclassified, type: 'number' },
  { header: 'Inburgeraar-id', value: (r) => r.participantId, width: 38 },
];
