// R-PRT-1, 001 Bijlage 1 guideline 5 ("Ik weet bij wie ik moet zijn als ik vragen heb"): every party gives
// the participant a phone number "inclusief de dagen en tijden van bereikbaarheid". The contract file
// carries each municipality's and provider's contact (a person or a team); migration 0021 stores it with
// the organisation, with the same shape checks as here.
import { z } from 'zod';

/** Digits and spaces, an optional leading + (e.g. "0229 252 200", "+31 229 252 200"); 6 to 15 digits. */
export const PHONE = /^\+?[0-9][0-9 ]{4,22}[0-9]$/;

export const OrganisationContact = z
  .object({
    /** A person or a team ("Team Inburgering"). */
    name: z.string().trim().min(1).max(200).optional(),
    phone: z
      .string()
      .regex(PHONE, 'a phone number has digits and spaces, optionally a leading +')
      .refine((p) => digitCount(p) >= 6 && digitCount(p) <= 15, 'a phone number has 6 to 15 digits')
      .optional(),
    email: z.email().max(254).optional(),
    /** When the phone is answered, in the participant's words ("maandag tot en met vrijdag, 9.00 tot 12.00 uur"). */
    hours: z.string().trim().min(1).max(200).optional(),
    assumption: z.string().min(1).optional(),
  })
  .describe("Whom the participant can call (001 Bijlage 1 guideline 5); every field optional");
export type OrganisationContact = z.infer<typeof OrganisationContact>;

function digitCount(phone: string): number {
  return phone.replace(/[^0-9]/g, '').length;
}

