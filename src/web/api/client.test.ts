// Issue #10 item 1: the typed client's one unwrapping step. A 2xx gives the declared data; anything
// else becomes an ApiError with only the problem+json fields that are what they claim; a 401 logs out
// unless the call expects it (login, session check).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, koers, ok, problemOf, setUnauthorizedHandler } from './client';

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => undefined);
});

describe('ok()', () => {
  it('gives the data of a 2xx answer', async () => {
    answer(200, { today: '2027-01-05', settable: false });
    await expect(ok(koers.GET('/api/v1/today'))).resolves.toEqual({ today: '2027-01-05', settable: false });
  });

  it('throws an ApiError with the Dutch reasons of a 422', async () => {
    answer(422, { status: 422, title: 'Ongeldige invoer', detail: 'Een of meer velden zijn niet goed ingevuld.', invalidParams: [{ name: 'name', code: 'too_small', reason: 'Vul een naam in.' }] });
    const error = await ok(koers.POST('/api/v1/api-keys', { body: { name: '' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).message).toBe('Een of meer velden zijn niet goed ingevuld.');
    expect((error as ApiError).problem.invalidParams).toEqual([{ name: 'name', code: 'too_small', reason: 'Vul een naam in.' }]);
  });

  it('a 401 logs out, unless the call expects it', async () => {
    const loggedOut = vi.fn();
    setUnauthorizedHandler(loggedOut);
    answer(401, { status: 401, title: 'Niet ingelogd' });
    await expect(ok(koers.GET('/api/v1/sessions/current'), { expectUnauthorized: true })).rejects.toBeInstanceOf(ApiError);
    expect(loggedOut).not.toHaveBeenCalled();
    await expect(ok(koers.GET('/api/v1/groups'))).rejects.toMatchObject({ status: 401 });
    expect(loggedOut).toHaveBeenCalledTimes(1);
  });
});

describe('problemOf()', () => {
  it('keeps only fields of the right type', () => {
    expect(problemOf(500, 'Internal Server Error', { title: 7, detail: 'Er ging iets mis.', invalidParams: 'no' })).toEqual({
      status: 500,
      title: 'Internal Server Error',
      detail: 'Er ging iets mis.',
    });
    expect(problemOf(502, 'Bad Gateway', '<html>')).toEqual({ status: 502, title: 'Bad Gateway' });
  });
});
