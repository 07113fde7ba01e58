// R-EXC-3: the columns of the participant export: no BSN, not even its last four digits (a file travels
// further than a screen); date of birth and client number tell two of the same name apart.
import { statusLabel } from '../../domain/lifecycle.js';
import { routeNameNl } from '../../domain/route-names.js';
import type { ExportColumn } from '../../platform/http/export.js';
import type { ParticipantSummary } from './schemas.js';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const participantColumns: readonly ExportColumn<ParticipantSummary>[] = [
  { header: 'Achternaam', value: (p) => p.familyName, width: 20 },
  { header: 'Voornaam', value: (p) => p.givenName, width: 16 },
  { header: 'Geboortedatum', value: (p) => p.dateOfBirth, type: 'date' },
  // R-PAR-4: the youth segment on the list's reference date (today unless the export names one).
  { header: 'Jongere (onder 27)', value: (p) => (p.under27 ? 'ja' : 'nee') },
  { header: 'Klantnummer', value: (p) => p.clientNumber },
  { header: 'Gemeente', value: (p) => p.municipality.name, width: 20 },
  { header: 'Leerroute', value: (p) => routeNameNl(p.route), width: 24 },
  { header: 'Laatste aanmelding', value: (p) => (p.latestReferralStatus === null ? null : capital(statusLabel[p.latestReferralStatus])), width: 24 },
  { header: 'Geregistreerd op', value: (p) => p.createdAt.slice(0, 10), type: 'date' },
  { header: 'Inburgeraar-id', value: (p) => p.id, width: 38 },
];
