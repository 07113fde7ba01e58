// Issue #17 (R-CON-10): loading a contract version as YAML or JSON, checking it and activating it.
import { z } from 'zod';
import { IsoDate } from '../../domain/contract.js';
import { str } from '../../platform/http/input.js';

export const VersionUpload = z.object({
  contractId: str().min(1).max(100),
  format: z.enum(['yaml', 'json'], 'Kies YAML of JSON.'),
  document: str().min(1, 'Plak of kies een document.').max(500_000),
  validFrom: IsoDate,
});
export type VersionUpload = z.infer<typeof VersionUpload>;

export const DiffLine = z.object({ path: z.string(), kind: z.enum(['changed', 'added', 'removed']), before: z.string().optional(), after: z.string().optional() });

export const CheckedVersion = z.object({
  contractId: z.string(),
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** The version it follows, which ends the day before. */
  previous: z.object({ version: z.number().int(), validFrom: z.string(), validTo: z.string().nullable() }),
  diff: z.array(DiffLine),
});

export const ContractVersionList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      region: z.string(),
      versions: z.array(z.object({ version: z.number().int(), validFrom: z.string(), validTo: z.string().nullable(), source: z.enum(['file', 'koers']), activatedAt: z.string().nullable() })),
    }),
  ),
});
