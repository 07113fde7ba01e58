import { describe, expect, it } from 'vitest';
import { amsterdamDateTime, csvHeader, csvLine, exportFileName, guardFormula, pagedSource, type ExportColumn } from './export.js';

describe('export helpers (R-EXC-3)', () => {
  it('guards every cell a spreadsheet would run as a formula, and leaves the rest alone', () => {
    for (const v of ['=1+1', '+31 6', '-2', '@SUM(A1)', '\t=x', '\r=x']) expect(guardFormula(v)).toBe(`'${v}`);
    for (const v of ['Mei Wang', '', "'al", '1=1', 'a@b.nl']) expect(guardFormula(v)).toBe(v);
  });

  it('writes CSV with a BOM, ";" between fields, quotes where needed and a decimal comma', () => {
    const columns: ExportColumn<{ name: string; rate: number | null }>[] = [
      { header: 'Naam', value: (r) => r.name },
      { header: 'Aanwezigheid (%)', value: (r) => r.rate, type: 'number', decimals: 1 },
    ];
    expect(csvHeader(columns)).toBe('\uFEFFNaam;Aanwezigheid (%)\r\n');
    expect(csvLine(columns, { name: 'de "Groot"; Jan', rate: 79.5 })).toBe('"de ""Groot""; Jan";79,5\r\n');
    expect(csvLine(columns, { name: 'Laura', rate: 25 })).toBe('Laura;25,0\r\n');
    expect(csvLine(columns, { name: '=HYPERLINK("x")', rate: null })).toBe(`"'=HYPERLINK(""x"")";\r\n`);
  });

  it('makes a file name of the stem and the date only', () => {
    expect(exportFileName('aanmeldingen', '2026-12-01', 'xlsx')).toBe('aanmeldingen-2026-12-01.xlsx');
    expect(exportFileName('a"b/../c d', '2026-12-01', 'csv')).toBe('abcd-2026-12-01.csv');
  });

  it('reads pages until a short one, and no further', async () => {
    const asked: number[] = [];
    const rows = Array.from({ length: 12 }, (_, i) => i);
    const next = pagedSource(5, (page, size) => {
      asked.push(page);
      return Promise.resolve(rows.slice((page - 1) * size, page * size));
    });
    const got: number[] = [];
    for (let batch = await next(); batch.length > 0; batch = await next()) got.push(...batch);
    expect(got).toEqual(rows);
    expect(asked).toEqual([1, 2, 3]);
    expect(await next()).toEqual([]);
  });

  it('writes a moment as the day and time in Amsterdam (winter +1, summer +2), null as an empty cell', () => {
    expect(amsterdamDateTime(new Date('2026-12-01T08:05:00Z'))).toBe('01-12-2026 09:05');
    expect(amsterdamDateTime(new Date('2026-06-30T22:30:00Z'))).toBe('01-07-2026 00:30');
    expect(amsterdamDateTime(null)).toBeNull();
  });
});
