import { z } from 'zod';

export const ReferralStatus = z.enum(['referred', 'acknowledged']);

export const Referral = z.object({
  id: z.uuid(),
  participant: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  provider: z.object({ id: z.uuid(), name: z.string() }),
  product: z.object({ code: z.string(), name: z.string() }),
  status: ReferralStatus,
  referredOn: z.string(),
  referredAt: z.string(),
  acknowledgementDueDate: z.string().describe('R-CON-3: computed from the contract version in force on referredOn'),
  acknowledgedAt: z.string().nullable(),
  contractId: z.string(),
  contractVersion: z.number().int(),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralTarget = z.object({
  providerId: z.uuid('Kies een aanbieder.'),
  productCode: z.string().min(1, 'Kies een perceel.').max(64),
});

export const ReferralCreate = ReferralTarget.extend({ participantId: z.uuid('Kies een inburgeraar.') });
export type ReferralCreate = z.infer<typeof ReferralCreate>;

export const ReferralListQuery = z.object({ status: ReferralStatus.optional() });

export const ReferralOptions = z.object({
  products: z.array(z.object({ code: z.string(), name: z.string() })),
  providers: z.array(z.object({ id: z.uuid(), name: z.string(), productCodes: z.array(z.string()) })),
});
