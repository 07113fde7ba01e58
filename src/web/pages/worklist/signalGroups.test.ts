import { describe, it, expect } from 'vitest';
import type { Signal } from '../../api/types';
import { applyFilters, filterOptions, groupSignals, readFilters } from './signalGroups';

let next = 0;
function aSignal(overrides: Partial<Signal> = {}): Signal {
  next += 1;
  return {
    id: `s${next}`,
    cause: 'referral.learningPlanApproval',
    step: 'learningPlanApproval',
    status: 'open',
    addressee: 'municipality',
    dueDate: '2027-01-15',
    urgency: 'thisWeek',
    breachedOn: null,
    raisedOn: '2027-01-08',
    resolvedOn: null,
    participant: { id: 'p1', givenName: 'Amal', familyName: 'Yusuf', clientNumber: null, dateOfBirth: '1990-01-01' },
    referralId: 'r1',
    provider: { id: 'taalpunt', name: 'Taalpunt' },
    municipality: { id: 'hoorn', name: 'Hoorn' },
    product: { code: 'b1-taal', name: 'B1-route taal' },
    ...overrides,
  };
}

describe('R-SIG-1 work list', () => {
  it('R-SIG-1 buckets by the urgency the server sent, earliest due date first', () => {
    const groups = groupSignals([
      aSignal({ urgency: 'later', dueDate: '2027-02-01' }),
      aSignal({ urgency: 'overdue', dueDate: '2027-01-01' }),
      aSignal({ urgency: 'thisWeek', dueDate: '2027-01-15' }),
      aSignal({ urgency: 'later', dueDate: '2027-01-16' }),
      aSignal({ urgency: 'overdue', dueDate: '2027-01-07' }),
    ]);
    expect(groups.map((g) => [g.title, g.signals.map((s) => s.dueDate)])).toEqual([
      ['Te laat', ['2027-01-01', '2027-01-07']],
      ['Deze week', ['2027-01-15']],
      ['Later', ['2027-01-16', '2027-02-01']],
    ]);
  });

  it('R-SIG-1 filters come from the list itself and read from the address', () => {
    const signals = [
      aSignal(),
      aSignal({ addressee: 'provider', provider: { id: 'leerhuis', name: 'Leerhuis' }, product: { code: 'z-taal', name: 'Z-route taal' } }),
    ];
    const options = filterOptions(signals);
    expect(options.provider).toEqual([['leerhuis', 'Leerhuis'], ['taalpunt', 'Taalpunt']]);
    expect(options.addressee).toEqual([['provider', 'Aanbieder'], ['municipality', 'Gemeente']]);
    const filters = readFilters(new URLSearchParams('perceel=z-taal'));
    expect(applyFilters(signals, filters).map((s) => s.provider?.name)).toEqual(['Leerhuis']);
    expect(applyFilters(signals, readFilters(new URLSearchParams('wie=municipality')))).toHaveLength(1);
    expect(applyFilters(signals, readFilters(new URLSearchParams('')))).toHaveLength(2);
  });
});
