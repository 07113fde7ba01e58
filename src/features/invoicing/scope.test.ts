// The file name of an invoice's PDF and UBL (R-PAR-2: no BSN, no person in a file name). Year and
// number written `2026-00002` read as the nine digits 202600002, which pass the eleven-test: the BSN
// guard of every download (contentDisposition) would mask them. `2026-nr00002` keeps them apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskBsnsInText } from '../../domain/bsn-in-text.js';
import { invoiceNumberText } from './document.js';
import { invoiceFileName } from './scope.js';

describe('invoiceFileName', () => {
  it('names the kind, provider, year and number: factuur-ECHT-NEDERLANDS-2026-nr00002.pdf', () => {
    expect(invoiceFileName({ kind: 'invoice', numberText: 'ECHT-NEDERLANDS/2026/00002' }, 'pdf')).toBe('factuur-ECHT-NEDERLANDS-2026-nr00002.pdf');
    expect(invoiceFileName({ kind: 'creditNote', numberText: 'TAALPUNT-WESTFRIESLAND/2027/00113' }, 'xml')).toBe('creditnota-TAALPUNT-WESTFRIESLAND-2027-nr00113.xml');
  });

  it('the dashed form the BSN guard would mask (why the "nr")', () => {
    expect(maskBsnsInText('factuur-ECHT-2026-00002.pdf')).not.toBe('factuur-ECHT-2026-00002.pdf');
  });

  it('property: no year and number give a name the BSN guard changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('invoice' as const, 'creditNote' as const), (year, number, kind) => {
        const name = invoiceFileName({ kind, numberText: invoiceNumberText('echt-nederlands', `${year}-06-01`, number) }, 'pdf');
        expect(maskBsnsInText(name)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});
