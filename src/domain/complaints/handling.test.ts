// R-CM-3: when a complaint may be registered and how its handling may change.
import { describe, expect, it } from 'vitest';
import { handlingRefusal, registrationRefusal, type ComplaintHandling } from './handling.js';

const open: ComplaintHandling = { handledBy: 'A', measures: '', closedOn: null, outcome: null };

describe('registrationRefusal', () => {
  it('takes today and before, never the future', () => {
    expect(registrationRefusal('2026-06-01', '2026-06-01', null)).toBeNull();
    expect(registrationRefusal('2026-06-02', '2026-06-01', null)).toEqual({ field: 'receivedOn', reason: 'future' });
  });
  it("refuses a participant's complaint received before the referral it is about, not on its day", () => {
    expect(registrationRefusal('2026-02-01', '2026-06-01', '2026-02-02')).toEqual({ field: 'receivedOn', reason: 'beforeReferral' });
    expect(registrationRefusal('2026-02-02', '2026-06-01', '2026-02-02')).toBeNull();
  });
});

describe('handlingRefusal', () => {
  it('lets measures change while open', () => {
    expect(handlingRefusal(open, { ...open, measures: 'Gesprek gevoerd' }, '2026-04-14', '2026-06-01')).toBeNull();
  });
  it('closes with a date and an outcome together, between receipt and today inclusive', () => {
    expect(handlingRefusal(open, { ...open, closedOn: '2026-04-14', outcome: 'notUpheld' }, '2026-04-14', '2026-06-01')).toBeNull();
    expect(handlingRefusal(open, { ...open, closedOn: '2026-06-01', outcome: 'resolved' }, '2026-04-14', '2026-06-01')).toBeNull();
    expect(handlingRefusal(open, { ...open, closedOn: '2026-04-13', outcome: 'upheld' }, '2026-04-14', '2026-06-01')).toEqual({ field: 'closedOn', reason: 'beforeReceived' });
    expect(handlingRefusal(open, { ...open, closedOn: '2026-06-02', outcome: 'upheld' }, '2026-04-14', '2026-06-01')).toEqual({ field: 'closedOn', reason: 'future' });
    expect(handlingRefusal(open, { ...open, outcome: 'upheld' }, '2026-04-14', '2026-06-01')).toEqual({ field: 'closedOn', reason: 'outcomeWithoutClose' });
    expect(handlingRefusal(open, { ...open, closedOn: '2026-05-01' }, '2026-04-14', '2026-06-01')).toEqual({ field: 'outcome', reason: 'closeWithoutOutcome' });
  });
  it('keeps a closed complaint closed', () => {
    expect(handlingRefusal({ ...open, closedOn: '2026-05-01', outcome: 'upheld' }, open, '2026-04-14', '2026-06-01')).toEqual({ field: 'closedOn', reason: 'alreadyClosed' });
  });
});
