// R-SEC-2 at volume (found by bench/invoicing.ts): one processing that names thousands of participants —
// an invoicing run of a large provider for a large municipality — writes one audit line per participant.
// A single INSERT of 3,200 lines needs 67,200 parameters, more than PostgreSQL's 65,535 per statement, and
// failed ("bind message has … parameter formats but 0 parameters"); recordAudit now sends the lines as
// arrays (21 parameters, whatever the number of lines).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { newOperationId, newTraceId, recordAudit } from '../src/platform/audit.js';
import { DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`audit lines of a processing with thousands of data subjects, on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('writes one line per subject for 3,200 subjects, in the same transaction', async () => {
    const municipalityId = organisationId('municipality', 'hoorn');
    const subjects = Array.from({ length: 3200 }, () => ({ participantId: randomUUID(), municipalityId }));
    const traceId = newTraceId();
    await t.koers.db.transaction((tx) =>
      recordAudit(tx, t.koers.crypto, { trace: { traceId, operationId: newOperationId(), origin: 'test', startedAt: new Date() } }, { name: 'billable.record', status: 'ok', subjects, objectType: 'billableEvent', summary: `${subjects.length} billable events recorded` }),
    );
    const rows = await t.koers.db.query<{ n: number; refs: number }>(`SELECT count(*)::int AS n, count(DISTINCT data_subject_ref)::int AS refs FROM audit_event WHERE trace_id = $1`, [traceId]);
    expect(rows[0]).toEqual({ n: 3200, refs: 3200 });
  });
});
