// R-ESC-2: the contract-level list's search and sort (the route pages what this returns).
import { describe, expect, it } from 'vitest';
import { searchAndSortProviders, type ListedProvider } from './provider-list.js';

const p = (provider: string, name: string, steps: ListedProvider['steps'] = []): ListedProvider => ({ provider, name, steps });
const providers = [p('tp', 'Taalpunt', [{ position: 1, decidedOn: '2026-09-01' }]), p('lh', 'Leerhuis', [{ position: 1, decidedOn: '2026-06-01' }, { position: 2, decidedOn: '2026-10-01' }]), p('ww', 'WerkWijs')];

describe('the contract-level list', () => {
  it('sorts by name, by the step reached and by the last step date; a provider without a case comes first ascending', () => {
    expect(searchAndSortProviders(providers, undefined, 'provider').map((x) => x.provider)).toEqual(['lh', 'tp', 'ww']);
    expect(searchAndSortProviders(providers, undefined, '-step').map((x) => x.provider)).toEqual(['lh', 'tp', 'ww']);
    expect(searchAndSortProviders(providers, undefined, 'lastStepOn').map((x) => x.provider)).toEqual(['ww', 'tp', 'lh']);
  });
  it('searches the name and the code', () => {
    expect(searchAndSortProviders(providers, ' taal ', 'provider').map((x) => x.provider)).toEqual(['tp']);
    expect(searchAndSortProviders(providers, 'ww', 'provider').map((x) => x.provider)).toEqual(['ww']);
    expect(searchAndSortProviders(providers, 'geen', 'provider')).toEqual([]);
  });
});
