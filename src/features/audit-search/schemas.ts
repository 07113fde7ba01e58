// Issue #17 (R-SEC-2): the privacy officer's search of the audit log. A POST body, not a query string: a
// BSN must never be in a URL (it would be in proxy logs and browser history).
import { z } from 'zod';
import { IsoDate } from '../../domain/contract.js';
import { ExportFormat } from '../../platform/http/export.js';
import { str } from '../../platform/http/input.js';
import { Bsn } from '../participants/schemas.js';

export const AuditSearchCriteria = z
  .object({
    bsn: Bsn.optional().describe('The participant, found through the keyed hash of the BSN; never stored or logged'),
    clientNumber: str().trim().min(1).max(40).optional().describe("The participant by the municipality's client number"),
    userEmail: str().trim().toLowerCase().min(3).max(254).optional().describe('The user who processed the data'),
    from: IsoDate.optional().describe('First day (Europe/Amsterdam), inclusive'),
    to: IsoDate.optional().describe('Last day (Europe/Amsterdam), inclusive'),
    operation: str()
      .regex(/^[a-z]+\.[a-zA-Z]+$/, 'Kies een bewerking uit de lijst.')
      .max(60)
      .optional(),
    status: z.enum(['ok', 'error']).optional().describe('error: a denied or failed attempt'),
  })
  .refine((c) => c.bsn === undefined || c.clientNumber === undefined, { path: ['clientNumber'], message: 'Zoek op BSN of op cliëntnummer, niet op allebei.' })
  .refine((c) => c.bsn !== undefined || c.clientNumber !== undefined || c.userEmail !== undefined || c.operation !== undefined, {
    path: ['bsn'],
    message: 'Vul een BSN, een cliëntnummer, een gebruiker of een bewerking in.',
  })
  .refine((c) => c.from === undefined || c.to === undefined || c.from <= c.to, { path: ['to'], message: 'De einddatum ligt vóór de begindatum.' });
export type AuditSearchCriteria = z.infer<typeof AuditSearchCriteria>;

export const AuditSearchRequest = z.object({
  criteria: AuditSearchCriteria,
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const AuditSearchExportRequest = z.object({ criteria: AuditSearchCriteria, format: ExportFormat });

export const AuditLine = z.object({
  id: z.string(),
  startedAt: z.string(),
  operation: z.string(),
  status: z.enum(['ok', 'error']),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  organisationName: z.string().nullable(),
  /** The data subject's client number in this municipality; null for a line without one. */
  clientNumber: z.string().nullable(),
  objectType: z.string().nullable(),
  traceId: z.string(),
  processingActivity: z.string(),
});
export type AuditLine = z.infer<typeof AuditLine>;

export const AuditSearchPage = z.object({
  items: z.array(AuditLine),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whom the search was about, when it was about one participant. */
  participant: z.object({ clientNumber: z.string().nullable(), name: z.string() }).nullable(),
});
