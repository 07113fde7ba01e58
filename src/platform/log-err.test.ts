// Issue #9 hole 6, R-PAR-2: the logger's err serializer keeps named fields of the right shape only.
import { describe, expect, it } from 'vitest';
import { serializeErrSafely } from './log-err.js';

describe('serializeErrSafely', () => {
  it('drops what a library hangs on an error and keeps code, names and frames', () => {
    const err = Object.assign(new Error('violates check constraint "c_check" for "Zwaantje"'), {
      code: '23514',
      constraint: 'c_check',
      table: 'participant',
      detail: 'Failing row contains (Zwaantje)',
      params: ['Zwaantje'],
      query: "SELECT 'Zwaantje'",
    });
    const out = serializeErrSafely(err);
    expect(out).toMatchObject({ type: 'Error', code: '23514', constraint: 'c_check', table: 'participant', message: 'violates check constraint "c_check" for "…"' });
    expect(out.stack).toMatch(/^Error: violates check constraint "c_check" for "…"\n\s+at /);
    expect(JSON.stringify(out)).not.toContain('Zwaantje');
  });

  it('keeps a field only when it has the shape of a code or a name', () => {
    const out = serializeErrSafely({ code: 'a code with jan@x.nl', command: 'RCPT TO', responseCode: 550, table: 'Robert"); DROP' });
    expect(out).toEqual({ type: 'Object', message: '', stack: '', command: 'RCPT TO', responseCode: 550 });
  });

  it('follows a cause a few levels, cleaned the same way, and survives a loop', () => {
    const inner = Object.assign(new Error('bad "4970.64.960"'), { params: ['x'] });
    const outer = new Error('outer', { cause: inner });
    (inner as { cause?: unknown }).cause = outer;
    const out = serializeErrSafely(outer);
    expect(out.cause?.message).toBe('bad "…"');
    expect(JSON.stringify(out)).not.toContain('4970');
  });

  it('a thrown non-object is named, not printed', () => {
    expect(serializeErrSafely('BSN 123456782')).toEqual({ type: 'string', message: '(not an error object)', stack: '' });
  });
});
