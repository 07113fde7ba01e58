// R-REF-5 (002 eis 82): intake at most six months after signing the PIP, bridging offer in between.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './calendar.js';
import { educationIntake } from './education.js';

const rules = { intakeMoments: ['02-01', '09-01'], maxMonthsAfterPip: 6, source: '002 eis 82' };

describe('Onderwijsroute intake (R-REF-5)', () => {
  it('the next intake moment within six months is when the start is owed, with a bridging offer until then', () => {
    expect(educationIntake('2027-03-10', rules)).toEqual({
      nextIntakeMoment: '2027-09-01',
      latestStart: '2027-09-10',
      fitsLimit: true,
      bridgingOfferNeeded: true,
      startDueDate: '2027-09-01',
    });
  });

  it('when the next moment lies beyond six months, the limit itself is the due date (an extra intake is owed)', () => {
    expect(educationIntake('2027-02-15', rules)).toMatchObject({ nextIntakeMoment: '2027-09-01', latestStart: '2027-08-15', fitsLimit: false, startDueDate: '2027-08-15' });
  });

  it('signing on an intake day needs no bridging; a late-year PIP looks at next year', () => {
    expect(educationIntake('2027-02-01', rules)).toMatchObject({ nextIntakeMoment: '2027-02-01', bridgingOfferNeeded: false });
    expect(educationIntake('2027-10-01', rules)).toMatchObject({ nextIntakeMoment: '2028-02-01', fitsLimit: true });
  });

  it('property: the start is never owed later than six months after the PIP, nor before it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2022-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (d) => {
        const pip = d.toISOString().slice(0, 10);
        const r = educationIntake(pip, rules);
        expect(r.startDueDate <= addMonths(pip, 6)).toBe(true);
        expect(r.startDueDate >= pip).toBe(true);
      }),
    );
  });
});
