// R-SEC-4: the retention terms from configuration and the dates they count back to.
import { describe, expect, it } from 'vitest';
import { cutoffs, DEFAULT_TERMS, retentionTermsFrom } from './retention.js';

describe('retention terms', () => {
  it('defaults when nothing is set, and takes each KOERS_RETENTION_* variable', () => {
    expect(retentionTermsFrom({})).toEqual(DEFAULT_TERMS);
    expect(retentionTermsFrom({ KOERS_RETENTION_PARTICIPANT_YEARS: '10', KOERS_RETENTION_SESSION_DAYS: '0' })).toEqual({ ...DEFAULT_TERMS, participantYears: 10, sessionDays: 0 });
  });

  it('refuses a fiscal term below the law’s seven years and a term that is no whole number, naming the variable', () => {
    expect(() => retentionTermsFrom({ KOERS_RETENTION_FISCAL_YEARS: '6' })).toThrow(/KOERS_RETENTION_FISCAL_YEARS/);
    expect(() => retentionTermsFrom({ KOERS_RETENTION_AUDIT_YEARS: '0' })).toThrow(/KOERS_RETENTION_AUDIT_YEARS/);
    expect(() => retentionTermsFrom({ KOERS_RETENTION_DOCUMENT_YEARS: 'vijf' })).toThrow(/KOERS_RETENTION_DOCUMENT_YEARS/);
  });

  it('counts the dates back: years to the day, the fiscal term from the start of a year, 29 February to the 28th', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const c = cutoffs(DEFAULT_TERMS, '2026-12-23', now);
    expect(c.participantClosedBy).toBe('2021-12-23');
    expect(c.documentClosedBy).toBe('2021-12-23');
    // A fact of 2019 is kept through 2026; one of 2018 was kept through 2025.
    expect(c.fiscalFrom).toBe('2019-01-01');
    expect(c.auditBefore.toISOString()).toBe('2021-12-02T00:00:00.000Z');
    expect(c.sessionExpiredBefore.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(cutoffs(DEFAULT_TERMS, '2028-02-29', now).participantClosedBy).toBe('2023-02-28');
    expect(cutoffs({ ...DEFAULT_TERMS, participantYears: 4 }, '2028-02-29', now).participantClosedBy).toBe('2024-02-29');
  });
});
