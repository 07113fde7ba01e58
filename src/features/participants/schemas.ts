import { z } from 'zod';
import { Route } from '../../domain/contract.js';
import { isValidBsn, normaliseBsn } from '../../domain/bsn.js';
import { ReferralStatuses } from '../../domain/lifecycle.js';
import { ExportFormat } from '../../platform/http/export.js';
import { IsoDate, queryInt, str } from '../../platform/http/input.js';
import { SegmentQuery } from '../../platform/http/segment.js';
import { Referral, ReferralTarget } from '../referrals/schemas.js';

// R-PAR-2: never echo the value in a message; the reason alone.
export const Bsn = str()
  .transform((v) => normaliseBsn(v))
  .refine((v) => isValidBsn(v), { message: 'Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef.' });

const optionalText = (max: number) => str().trim().max(max).optional().transform((v) => (v === '' ? undefined : v));
const optionalDate = IsoDate.optional().or(z.literal('').transform(() => undefined));

// R-PAR-1: what the referral carries (the part of it this slice registers).
export const ParticipantCreate = z.object({
  bsn: Bsn,
  givenName: str().trim().min(1, 'Vul de voornaam in.').max(100),
  familyName: str().trim().min(1, 'Vul de achternaam in.').max(100),
  dateOfBirth: IsoDate,
  gender: z.enum(['female', 'male', 'other', 'unknown']),
  email: z.email('Vul een geldig e-mailadres in.').max(254).optional().or(z.literal('').transform(() => undefined)),
  phone: optionalText(30),
  street: optionalText(100),
  houseNumber: optionalText(20),
  postcode: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'Vul een postcode in als 1234 AB.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  city: optionalText(100),
  countryOfBirth: optionalText(100),
  motherTongue: optionalText(100),
  inNetherlandsSince: optionalDate,
  route: Route,
  clientNumber: optionalText(50),
  dutyStartDate: optionalDate,
  dutyEndDate: optionalDate,
  // R-REF-5: the Onderwijsroute intake is due at most six months after the PIP was signed.
  pipSignedOn: optionalDate,
  // R-SEC-3: special data reduced to yes/no.
  impedingHealth: z.boolean(),
  impedingJustice: z.boolean(),
  impedingFinances: z.boolean(),
  referral: ReferralTarget.optional(),
});
export type ParticipantCreate = z.infer<typeof ParticipantCreate>;

export const ParticipantSort = z.enum(['name', '-name', 'createdAt', '-createdAt']);
export type ParticipantSort = z.infer<typeof ParticipantSort>;

export const ParticipantListQuery = z.object({
  q: str().trim().max(100).optional(),
  sort: ParticipantSort.default('name'),
  page: queryInt().min(1).default(1),
  pageSize: queryInt().min(1).max(100).default(25),
  ...SegmentQuery,
});
export type ParticipantListQuery = z.infer<typeof ParticipantListQuery>;
export const ParticipantExportQuery = ParticipantListQuery.pick({ q: true, sort: true, segment: true, referenceDate: true }).extend({ format: ExportFormat });
export type ParticipantExportQuery = z.infer<typeof ParticipantExportQuery>;

export const ParticipantSummary = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().describe('Tells two participants of the same name apart in a list (never the BSN)'),
  bsnLastFour: z.string(),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  route: Route,
  clientNumber: z.string().nullable(),
  latestReferralStatus: z.enum(ReferralStatuses).nullable(),
  createdAt: z.string(),
  under27: z.boolean().describe('R-PAR-4: in the youth segment on the reference date (the list\'s referenceDate, else today)'),
});
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;

export const ParticipantPage = z.object({
  items: z.array(ParticipantSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ParticipantDetail = z.object({
  id: z.uuid(),
  bsnMasked: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  gender: z.enum(['female', 'male', 'other', 'unknown']),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  countryOfBirth: z.string().nullable(),
  motherTongue: z.string().nullable(),
  inNetherlandsSince: z.string().nullable(),
  route: Route,
  clientNumber: z.string().nullable(),
  dutyStartDate: z.string().nullable(),
  dutyEndDate: z.string().nullable(),
  pipSignedOn: z.string().nullable(),
  impedingHealth: z.boolean(),
  impedingJustice: z.boolean(),
  impedingFinances: z.boolean(),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  referrals: z.array(Referral),
});
export type ParticipantDetail = z.infer<typeof ParticipantDetail>;

export const BsnSearch = z.object({ bsn: Bsn });

export const AuditEventList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(['ok', 'error']),
      startedAt: z.string(),
      actorName: z.string().nullable(),
      actorRole: z.string().nullable(),
      organisationName: z.string().nullable(),
    }),
  ),
});

export { IdParam } from '../../platform/http/input.js';
