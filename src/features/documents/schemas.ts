import { z } from 'zod';
import { queryInt, str } from '../../platform/http/input.js';

/** R-REF-7: the upload route's limit; the migration's size_bytes check holds the same number. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const DocumentKind = z.enum(['signedLearningPlan', 'report', 'other']);

export const DocumentMeta = z.object({
  id: z.uuid(),
  kind: DocumentKind,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentList = z.object({ items: z.array(DocumentMeta) });

// Optimistic locking (the lead's lifecycle): the upload names the referral version the actor saw.
export const SignedPlanQuery = z.object({
  lockVersion: queryInt('Geef de versie van de aanmelding mee.').min(0, 'Geef de versie van de aanmelding mee.'),
});

// Loose: Fastify replaces request.headers with the parsed value, and the other headers (cookie) must stay.
export const SignedPlanHeaders = z.looseObject({
  'x-file-name': str().max(1000, 'De bestandsnaam is te lang.').optional().describe('The file name, URI-encoded (encodeURIComponent)'),
});
