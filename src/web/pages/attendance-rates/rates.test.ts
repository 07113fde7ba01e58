import { afterEach, describe, it, expect, vi } from 'vitest';
import { fetchAllRates, type ParticipantRate } from '../../api/attendanceRates';
import { bandsOf, formatRate, presetOf, presetPeriod, validatePeriod } from './rates';

function aRate(overrides: Partial<ParticipantRate> = {}): ParticipantRate {
  return {
    participantId: '00000000-0000-4000-8000-000000000001',
    givenName: 'Laura',
    familyName: 'de Vries',
    dateOfBirth: '1990-04-12',
    clientNumber: null,
    municipalityId: '00000000-0000-4000-8000-000000000002',
    offeredMinutes: 1440,
    attendedMinutes: 360,
    rate: 25,
    belowNorm: true,
    normPercent: 80,
    absences: { authorised: 1, unauthorised: 0, unclassified: 5 },
    ...overrides,
  };
}

describe('periods', () => {
  it('gives whole calendar months and quarters around the system date', () => {
    expect(presetPeriod('thisMonth', '2027-02-24')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(presetPeriod('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('thisQuarter', '2028-02-29')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(presetPeriod('thisQuarter', '2027-12-01')).toEqual({ from: '2027-10-01', to: '2027-12-31' });
    expect(presetOf({ from: '2027-02-01', to: '2027-02-28' }, '2027-02-10')).toBe('thisMonth');
    expect(presetOf({ from: '2027-02-02', to: '2027-02-28' }, '2027-02-10')).toBeUndefined();
  });

  it('says in Dutch what is wrong with an own period, next to the field', () => {
    expect(validatePeriod({ from: '', to: '' })).toEqual({ from: 'Vul de eerste dag in.', to: 'Vul de laatste dag in.' });
    expect(validatePeriod({ from: '2027-02-30', to: '2027-03-01' }).from).toMatch(/bestaande datum/);
    expect(validatePeriod({ from: '2027-02-10', to: '2027-02-01' })).toEqual({ to: 'De laatste dag ligt voor de eerste dag.' });
    // The server answers at most a year and a day: from + 366 days must lie after `to`.
    expect(validatePeriod({ from: '2027-01-01', to: '2028-01-01' })).toEqual({});
    expect(validatePeriod({ from: '2027-01-01', to: '2028-01-02' }).to).toMatch(/hoogstens een jaar/);
  });
});

describe('the shown rate', () => {
  it('has one decimal and a Dutch comma, cut off so that under the norm never reads as 80,0%', () => {
    expect(formatRate(25)).toBe('25,0%');
    expect(formatRate((1145 / 1440) * 100)).toBe('79,5%');
    expect(formatRate(79.99)).toBe('79,9%');
    expect(formatRate(29)).toBe('29,0%');
    expect(formatRate(0.29 * 100)).toBe('29,0%');
    expect(formatRate(100)).toBe('100,0%');
    expect(formatRate(null)).toBe('geen lessen');
  });
});

describe('bandsOf', () => {
  it('labels the server\'s ten counts; the bands under 80% are marked below the norm', () => {
    const bands = bandsOf([2, 0, 1, 0, 0, 0, 0, 1, 1, 1], 80);
    expect(bands.map((b) => b.count)).toEqual([2, 0, 1, 0, 0, 0, 0, 1, 1, 1]);
    expect(bands.filter((b) => b.belowNorm)).toHaveLength(8);
    expect(bands[0]?.label).toBe('0 tot 10%');
    expect(bands[9]?.label).toBe('90 tot en met 100%');
    expect(bandsOf([], 80).every((b) => b.count === 0)).toBe(true);
  });
});

describe('fetchAllRates', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads every page of 100 one after the other and reports progress', async () => {
    const total = 230;
    const asked: URLSearchParams[] = [];
    vi.stubGlobal('fetch', (request: Request) => {
      const search = new URL(request.url).searchParams;
      asked.push(search);
      const page = Number(search.get('page'));
      const count = Math.min(100, total - (page - 1) * 100);
      const items = Array.from({ length: count }, (_, i) => aRate({ givenName: `P${(page - 1) * 100 + i}` }));
      const body = { from: '2027-02-01', to: '2027-02-28', normPercent: 80, items, total, page, pageSize: 100 };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
    });
    const progress: string[] = [];
    const { items } = await fetchAllRates({ from: '2027-02-01', to: '2027-02-28', sort: '-name', belowNorm: true }, (done, pages) => progress.push(`${done} van ${pages}`));
    expect(items).toHaveLength(total);
    expect(items.at(-1)?.givenName).toBe('P229');
    expect(progress).toEqual(['1 van 3', '2 van 3', '3 van 3']);
    expect(asked.map((s) => [s.get('page'), s.get('pageSize'), s.get('belowNorm'), s.get('sort')])).toEqual([
      ['1', '100', 'true', '-name'],
      ['2', '100', 'true', '-name'],
      ['3', '100', 'true', '-name'],
    ]);
  });
});
