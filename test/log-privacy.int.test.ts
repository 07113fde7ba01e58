// Issue #9 hole 6, R-PAR-2: no personal data in a log line, on either database. Database errors used to
// be logged whole: PGlite's error carries the statement's `params`, PostgreSQL's `detail` repeats the
// failing row ("Failing row contains (…)") or the key. The server here logs everything (level trace) to
// memory, and the test makes the database refuse requests that carry known personal values.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { APP_ROLE } from '../src/platform/migrate.js';
import { aBsn, aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

/** A Koers whose every log line is kept in `lines`. */
function startLoggedKoers(lines: string[]): Promise<TestKoers> {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return startTestKoers({ logger: { level: 'trace', stream } });
}

/** Runs DDL as the owner: the app role may not change tables (PGlite: one session, so step out of the role). */
async function asOwner(t: TestKoers, sql: string): Promise<void> {
  if (t.databaseUrl === undefined) {
    await t.koers.db.exec(`RESET ROLE; ${sql}; SET ROLE ${APP_ROLE}`);
    return;
  }
  const c = new pg.Client({ connectionString: t.databaseUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe(`log privacy on ${DB_KIND}`, () => {
  const lines: string[] = [];
  let t: TestKoers;
  let consultant: Client;
  const bsn = aBsn();
  const person = {
    givenName: 'Zwaantje',
    familyName: 'Oosterbroekhuis',
    dateOfBirth: '1961-07-23',
    street: 'Lindengracht',
    houseNumber: '17-Q3',
    postcode: '1015 KX',
    city: 'Schagerbrug',
    email: 'zwaantje.oosterbroek@voorbeeld.nl',
    clientNumber: 'KLT-88231',
  };
  const dotted = `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`;

  beforeAll(async () => {
    t = await startLoggedKoers(lines);
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
  });
  afterAll(async () => {
    await t?.stop();
  });
  // Each case looks at the lines written during it, so one leak fails one case.
  let mark = 0;
  beforeEach(() => {
    mark = lines.length;
  });
  const logged = () => lines.slice(mark);

  function expectNoPersonalData(): void {
    const text = logged().join('');
    expect(text).not.toBe('');
    const forbidden = [...Object.values(person), bsn, dotted, t.koers.crypto.keyedHash('bsn', bsn)];
    for (const value of forbidden) expect(text.includes(value), `a log line contains ${value}`).toBe(false);
  }

  it('a participant insert the database refuses logs the error without the row (CHECK constraint, detail "Failing row contains")', async () => {
    // A constraint only this test adds: the insert passes validation and fails in the database itself.
    await asOwner(t, `ALTER TABLE participant ADD CONSTRAINT log_test_refuses CHECK (city IS DISTINCT FROM 'Schagerbrug')`);
    try {
      const res = await consultant.post('/api/v1/participants', aParticipantInput({ bsn: dotted, ...person }));
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain(person.familyName);
    } finally {
      await asOwner(t, 'ALTER TABLE participant DROP CONSTRAINT log_test_refuses');
    }
    const errors = logged().filter((l) => l.includes('unhandled error'));
    expect(errors).toHaveLength(1);
    // What the operator needs is still there: the SQLSTATE and the constraint's name.
    expect(errors[0]).toContain('23514');
    expect(errors[0]).toContain('log_test_refuses');
    expectNoPersonalData();
  });

  it('a NUL byte in a participant field (22021 on the way in) logs no values', async () => {
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ bsn: aBsn(), ...person, street: `${person.street}\u0000` }));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expectNoPersonalData();
  });

  it('a search by name and by BSN that fails in the database logs neither the search text nor the BSN', async () => {
    await asOwner(t, `REVOKE SELECT ON participant FROM ${APP_ROLE}`);
    try {
      const byText = await consultant.get(`/api/v1/participants?q=${encodeURIComponent(person.familyName)}`);
      expect(byText.status).toBe(500);
      const byDigits = await consultant.get(`/api/v1/participants?q=${bsn}`);
      expect(byDigits.status).toBe(500);
      const byBsn = await consultant.post('/api/v1/participants/search', { bsn: dotted });
      expect(byBsn.status).toBe(500);
      expect(logged().filter((l) => l.includes('unhandled error'))).toHaveLength(3);
    } finally {
      await asOwner(t, `GRANT SELECT ON participant TO ${APP_ROLE}`);
    }
    // A NUL byte in the search text (the probe's finding) must not bring it into a log line either.
    const withNul = await consultant.get(`/api/v1/participants?q=${bsn}%00`);
    expect(withNul.status).toBeGreaterThanOrEqual(400);
    expectNoPersonalData();
  });

  it('the searches work again once the database allows them (the test changed nothing lasting)', async () => {
    const res = await consultant.get(`/api/v1/participants?q=${encodeURIComponent(person.familyName)}`);
    expect(res.status).toBe(200);
    expectNoPersonalData();
  });
});
