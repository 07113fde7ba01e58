// R-EXC-3: the columns of the group export: what the list shows (no participant names: a count of
// members only). The Dutch names of the level bands and literacy are the web's (src/web/lib/attendanceLabels.ts).
import { ROUTE_NAMES } from '../../domain/route-names.js';
import type { ExportColumn } from '../../platform/http/export.js';
import type { Group } from './schemas.js';

const levelBandNl: Record<Group['levelBand'], string> = {
  fastAlfa: 'Alfa',
  a0a1: 'A0-A1',
  a1a2: 'A1-A2',
  a2b1: 'A2-B1',
  z: ROUTE_NAMES.z.nl,
  exam: 'Examentraining',
  map: 'MAP',
};
const literacyNl: Record<Group['literacy'], string> = { literate: 'Alfabeet', illiterate: 'Anderstalig analfabeet' };

export const groupColumns: readonly ExportColumn<Group>[] = [
  { header: 'Naam', value: (g) => g.name, width: 24 },
  { header: 'Niveau', value: (g) => levelBandNl[g.levelBand], width: 16 },
  { header: 'Geletterdheid', value: (g) => literacyNl[g.literacy], width: 24 },
  { header: 'Locatie', value: (g) => g.location, width: 20 },
  { header: 'Docent', value: (g) => g.teacherName ?? 'Nog geen docent', width: 24 },
  { header: 'Deelnemers', value: (g) => g.memberCount, type: 'number' },
  { header: 'Maximum', value: (g) => g.sizeLimit, type: 'number' },
  { header: 'Actief vanaf', value: (g) => g.activeFrom, type: 'date' },
  { header: 'Actief tot', value: (g) => g.activeTo, type: 'date' },
  { header: 'Groep-id', value: (g) => g.id, width: 38 },
];
