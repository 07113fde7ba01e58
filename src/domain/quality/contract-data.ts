// The provider quality rules of a contract version (R-QLT-1, R-QLT-2, R-QLT-3; issue #14): contracts are
// data, so the teacher norm, the quality mark's minimum validity, the VOG's maximum age and the screening
// items are read from contracts/*.yaml, never from a region's name. Every part is optional: a contract
// whose source sets none leaves it out (with a comment in its yaml), and no rule is then checked.
import { z } from 'zod';

const Assumption = z.string().min(1).optional();

/** R-QLT-2: the teacher norm — 003 art. 5.3 (90% certified, at most 10% in training), 002 eis 66 (80% / 20%). */
export const TeacherNorm = z
  .object({
    /** At least this share of the provider's teachers is NT2-certified, in percent. */
    minCertifiedPercent: z.number().min(0).max(100),
    /** At most this share is in training (NT2 course or EVC procedure under supervision), in percent. */
    maxInTrainingPercent: z.number().min(0).max(100),
    source: z.string().min(1),
    assumption: Assumption,
  })
  .refine((n) => n.minCertifiedPercent + n.maxInTrainingPercent <= 100, { message: 'minCertifiedPercent + maxInTrainingPercent exceeds 100' });
export type TeacherNorm = z.infer<typeof TeacherNorm>;

/** R-QLT-1, R-QLT-3: 003 art. 5.1–5.2 — the Blik op Werk mark held at least this long, unless admitted after a conversation. */
export const QualityMarkRule = z.object({
  minHeldMonths: z.number().int().nonnegative(),
  /** 003 art. 5.2: a conversation with the Projectgroep may admit a provider whose mark is younger. */
  conversationMayAdmit: z.boolean(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type QualityMarkRule = z.infer<typeof QualityMarkRule>;

/** R-QLT-2: 002 eis 68 — a VOG at most this many years old at the contract's start. */
export const VogRule = z.object({
  maxAgeYears: z.number().int().positive(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type VogRule = z.infer<typeof VogRule>;

/** 003 art. 4.2: what a screening requests, from whom. */
export const ScreeningItemCode = z.enum(['kvk', 'auditReports', 'inspectionRiskCheck', 'nt2TeacherList']);
export type ScreeningItemCode = z.infer<typeof ScreeningItemCode>;

export const ScreeningRule = z.object({
  items: z.array(ScreeningItemCode).min(1),
  source: z.string().min(1),
  assumption: Assumption,
});
export type ScreeningRule = z.infer<typeof ScreeningRule>;

export const QualityRules = z.object({
  /** 003 art. 3, 7, 14: providers join a covenant (applied → admitted / excluded); absent: no membership register. */
  covenant: z.object({ source: z.string().min(1), assumption: Assumption }).optional(),
  teacherNorm: TeacherNorm.optional(),
  qualityMark: QualityMarkRule.optional(),
  vog: VogRule.optional(),
  screening: ScreeningRule.optional(),
});
export type QualityRules = z.infer<typeof QualityRules>;
