// Issue #9 hole 6, R-PAR-2: a driver error loses its values on the way out of db.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DbError, toDbError, withoutValues } from './db-error.js';

/** The shape both drivers give a server error (PGlite adds query and params, pg the rest). */
const driverError = (over: { message: string } & Record<string, unknown>) => Object.assign(new Error(over.message), { severity: 'ERROR', code: '23514', ...over });

describe('toDbError', () => {
  it('keeps the SQLSTATE and the names, drops detail, where, query and params', () => {
    const err = toDbError(
      driverError({
        message: 'new row for relation "participant" violates check constraint "participant_city_check"',
        detail: 'Failing row contains (Zwaantje, 1961-07-23, zwaantje@voorbeeld.nl).',
        where: "unnamed portal parameter $2 = 'Zwaantje'",
        query: "INSERT INTO participant VALUES ($1, 'Zwaantje')",
        params: ['Zwaantje', '1961-07-23'],
        table: 'participant',
        constraint: 'participant_city_check',
      }),
    );
    expect(err).toBeInstanceOf(DbError);
    const e = err as DbError;
    expect({ code: e.code, table: e.table, constraint: e.constraint, column: e.column }).toEqual({ code: '23514', table: 'participant', constraint: 'participant_city_check', column: undefined });
    expect(e.message).toBe('new row for relation "participant" violates check constraint "participant_city_check"');
    expect(JSON.stringify({ ...e, stack: e.stack })).not.toMatch(/Zwaantje|1961|voorbeeld/);
    expect(e.cause).toBeUndefined();
  });

  it('takes the quoted input out of a message (22P02, 22007)', () => {
    const e = toDbError(driverError({ code: '22P02', message: 'invalid input syntax for type uuid: "4970.64.960"' })) as DbError;
    expect(e.message).toBe('invalid input syntax for type uuid: "…"');
  });

  it('leaves errors that are not from the database alone', () => {
    const own = new Error('business rule refused');
    expect(toDbError(own)).toBe(own);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toDbError(refused)).toBe(refused);
  });
});

describe('withoutValues', () => {
  it('keeps known identifiers and takes out other quoted text, e-mail addresses and digit runs', () => {
    expect(withoutValues('duplicate key value violates unique constraint "participant_bsn_hash_key"', ['participant_bsn_hash_key'])).toBe(
      'duplicate key value violates unique constraint "participant_bsn_hash_key"',
    );
    expect(withoutValues("value 'Jan' for a@b.nl and 4970.64.960 on 1961-07-23, varchar(100)")).toBe("value '…' for …@… and … on …, varchar(100)");
  });

  it('R-PAR-2: no nine digits survive, whatever the separators (property)', () => {
    const sep = fc.constantFrom('', '.', ' ', '-', '_', '/', ':');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), fc.array(sep, { minLength: 8, maxLength: 8 }), fc.string(), (digits, seps, around) => {
        const written = digits.map((d, i) => `${d}${seps[i] ?? ''}`).join('');
        const out = withoutValues(`${around} ${written} ${around}`);
        expect(out.replace(/\D/g, '')).not.toContain(digits.join(''));
      }),
    );
  });
});
