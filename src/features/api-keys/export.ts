// R-EXC-3: the columns of the API key export: what the list shows. Never the key or its hash: the key
// is shown once when made and only its hash is stored; the hint is its last four characters.
import { amsterdamDateTime, type ExportColumn } from '../../platform/http/export.js';
import type { ApiKeyRow } from './store.js';

export const apiKeyColumns: readonly ExportColumn<ApiKeyRow>[] = [
  { header: 'Naam', value: (k) => k.name, width: 28 },
  { header: 'Eindigt op', value: (k) => `…${k.hint}` },
  { header: 'Gemaakt', value: (k) => amsterdamDateTime(k.createdAt), width: 18 },
  { header: 'Gemaakt door', value: (k) => k.createdByName, width: 24 },
  { header: 'Laatst gebruikt', value: (k) => amsterdamDateTime(k.lastUsedAt) ?? 'Nog niet', width: 18 },
  { header: 'Status', value: (k) => (k.revokedAt === null ? 'Actief' : 'Ingetrokken') },
  { header: 'Ingetrokken op', value: (k) => amsterdamDateTime(k.revokedAt), width: 18 },
  { header: 'Koppeling-id', value: (k) => k.id, width: 38 },
];
