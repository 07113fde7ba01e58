// R-ESC-1: the participant-level list's search and sort (the route pages what this returns).
import { describe, expect, it } from 'vitest';
import { searchAndSort, type ListedCase } from './participant-list.js';

const c = (pseudonym: string, name: string | null, provider: string, last: ListedCase['steps'][number]): ListedCase => ({ pseudonym, name, providerCode: provider, steps: [{ step: 'signalAndAlignment' as const, decidedOn: '2026-01-01' }, last].slice(last.step === 'signalAndAlignment' ? 1 : 0) });
const cases = [
  c('Casus 2026-AAA111', 'Yusuf Demir', 'taalpunt', { step: 'improvementPlan', decidedOn: '2026-03-01' }),
  c('Casus 2026-BBB222', 'Anna Bakker', 'leerhuis', { step: 'contractManager', decidedOn: '2026-02-01' }),
  c('Casus 2026-CCC333', 'Mila Jansen', 'taalpunt', { step: 'signalAndAlignment', decidedOn: '2026-04-01' }),
];

describe('the participant-level list', () => {
  it('sorts by the last step date (newest first by default), the case and the step reached, ties by pseudonym', () => {
    expect(searchAndSort(cases, undefined, '-lastStepOn').map((x) => x.pseudonym.slice(-6))).toEqual(['CCC333', 'AAA111', 'BBB222']);
    expect(searchAndSort(cases, undefined, 'case').map((x) => x.name)).toEqual(['Anna Bakker', 'Mila Jansen', 'Yusuf Demir']);
    expect(searchAndSort(cases, undefined, '-step').map((x) => x.pseudonym.slice(-6))).toEqual(['BBB222', 'AAA111', 'CCC333']);
  });

  it('searches the name where shown, the pseudonym and the provider; without the name, a name finds nothing', () => {
    expect(searchAndSort(cases, ' demir ', 'case').map((x) => x.pseudonym)).toEqual(['Casus 2026-AAA111']);
    expect(searchAndSort(cases, 'taalpunt', 'case')).toHaveLength(2);
    expect(searchAndSort(cases, 'bbb2', 'case')).toHaveLength(1);
    const pseudonymised = cases.map((x) => ({ ...x, name: null }));
    expect(searchAndSort(pseudonymised, 'demir', 'case')).toEqual([]);
    expect(searchAndSort(pseudonymised, undefined, 'case').map((x) => x.pseudonym.slice(-6))).toEqual(['AAA111', 'BBB222', 'CCC333']);
  });
});
