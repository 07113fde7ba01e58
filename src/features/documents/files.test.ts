// The pure file helpers and the PDF rendering's guards (R-REF-7, R-PAR-2, CVE-2026-26801).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { checkPdf, cleanFileName, contentDisposition } from './files.js';
import { dutchDate, pdfFileName, render, renderReferralPdf } from './pdf.js';

describe('cleanFileName', () => {
  it('keeps a plain name and defaults an absent one', () => {
    expect(cleanFileName(encodeURIComponent('Leerplan getekend.pdf'))).toBe('Leerplan getekend.pdf');
    expect(cleanFileName(undefined)).toBe('leerplan-ondertekend.pdf');
    expect(cleanFileName('  ')).toBe('leerplan-ondertekend.pdf');
  });
  it('drops a path, control characters and quotes, and ends in .pdf', () => {
    expect(cleanFileName(encodeURIComponent('C:\\scans\\..\\plan "def"\r\n.PDF'))).toBe('plan def.PDF');
    expect(cleanFileName(encodeURIComponent('../../etc/passwd'))).toBe('passwd.pdf');
    expect(cleanFileName(encodeURIComponent('x'.repeat(300))).length).toBe(200);
  });
  it('R-PAR-2: masks a BSN in the name however it is written, leaves other numbers', () => {
    expect(cleanFileName(encodeURIComponent('plan 111222333 v2 2026-01-15.pdf'))).toBe('plan *****2333 v2 2026-01-15.pdf');
    // Issue #9 hole 8: the probe's name, with the BSN grouped as on a passport.
    expect(cleanFileName(encodeURIComponent('scan-4970.64.960.pdf'))).toBe('scan-*****4960.pdf');
    expect(cleanFileName(encodeURIComponent('C:\\scans\\497 064 960 "Jan".pdf'))).toBe('*****4960 Jan.pdf');
    // Nine digits written as a BSN are masked even when they fail the eleven-test (a mistyped BSN).
    expect(cleanFileName(encodeURIComponent('plan 123456789.pdf'))).toBe('plan *****6789.pdf');
  });
  it('refuses a name that is not URI-encoded properly', () => {
    expect(() => cleanFileName('%E0%A4%A')).toThrow(AppError);
  });
});

describe('checkPdf', () => {
  it('accepts the PDF magic bytes only', () => {
    expect(checkPdf(Buffer.from('%PDF-1.7 ...'))).toBeInstanceOf(Buffer);
    expect(() => checkPdf(Buffer.from('PK\u0003\u0004'))).toThrow(/geen pdf/);
    expect(() => checkPdf(Buffer.alloc(0))).toThrow(AppError);
    expect(() => checkPdf(undefined)).toThrow(AppError);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('leerplan é (1).pdf')).toBe(`attachment; filename="leerplan _ (1).pdf"; filename*=UTF-8''leerplan%20%C3%A9%20%281%29.pdf`);
  });
  it('R-PAR-2: masks a BSN in a name stored before the rule caught grouped ones (issue #9 hole 8)', () => {
    expect(contentDisposition('scan-4970.64.960.pdf')).toBe(`attachment; filename="scan-*****4960.pdf"; filename*=UTF-8''scan-%2A%2A%2A%2A%2A4960.pdf`);
  });
});

describe('PDF helpers', () => {
  it('writes calendar dates in Dutch', () => {
    expect(dutchDate('2027-01-04')).toBe('4 januari 2027');
    expect(dutchDate(null)).toBe('—');
  });
  it('R-PAR-2: never names a file after a client number that is a BSN', () => {
    expect(pdfFileName('aanmelding', 'KL/2027 01', 'id-1')).toBe('aanmelding-KL_2027_01.pdf');
    expect(pdfFileName('aanmelding', '111222333', 'id-1')).toBe('aanmelding-id-1.pdf');
    expect(pdfFileName('leerplan', null, 'id-1', 2)).toBe('leerplan-id-1-v2.pdf');
  });
});

describe('rendering (pdfmake 0.3)', () => {
  it('renders a referral to PDF bytes', async () => {
    const pdf = await renderReferralPdf({
      participant: { givenName: 'Amina', familyName: 'Haddad', dateOfBirth: '1990-04-12', clientNumber: null, bsnLastFour: '2333' },
      municipalityName: 'Hoorn',
      providerName: 'Taalpunt',
      productName: 'B1 taal',
      referredOn: '2027-01-04',
      acknowledgementDueDate: '2027-01-11',
      acknowledgedOn: null,
      statusLabel: 'aangemeld',
      contractId: 'westfriesland',
      contractVersion: 1,
      generatedOn: '2027-01-04',
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
  it('CVE-2026-26801: a definition cannot make the server read a local file or fetch a URL', async () => {
    const withImage = (image: string) => (family: string) => ({ content: [{ image }], defaultStyle: { font: family } });
    await expect(render(withImage('/etc/passwd'))).rejects.toThrow(/access policy/);
    await expect(render(withImage('http://169.254.169.254/latest/meta-data'))).rejects.toThrow(/access policy/);
  });
});
