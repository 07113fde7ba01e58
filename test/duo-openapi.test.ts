// R-EXC-4: the contract of the DUO exchange is DUO's own OpenAPI documents (duo-m2m/API). These tests
// show the validator checks INSTANCES against an operation: a good PIP delivery passes, a bad one fails
// with the path of the bad field, and every published document compiles.
import { describe, expect, it } from 'vitest';
import { DuoApis, duoDocument } from '../src/features/duo/openapi.js';

const PIP = '/personen/{bsn}/PIP';
const headers = { bron: '00000001999900010000', doel: '00000001800866472000', berichtId: '3f1c2b9e-8a0d-4c1e-9f55-0c3b9d1e2a47' };
/** The fields named, once each: one field can break two keywords (a 3-digit code breaks pattern and minLength). */
const fields = (problems: { at: string }[]): string[] => [...new Set(problems.map((p) => p.at))];
const goodPip = { dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'B1', geschatteIntensiteitB1Route: 600, indicatorMagOpleidingAfmaken: false, indicatorAlfabetiseringsonderwijs: 'NVT' };

describe('the DUO OpenAPI documents as instance validators', () => {
  it('reads and compiles every published document, each with at least one operation', () => {
    for (const api of DuoApis) expect(duoDocument(api).paths().length, api).toBeGreaterThan(0);
  });

  it('passes a valid PIP delivery (README "Het aanleveren van een PIP"), the minimum too', () => {
    const doc = duoDocument('PIP');
    expect(doc.validateRequest('post', PIP, { path: { bsn: '123456782' }, headers, body: goodPip })).toEqual([]);
    expect(doc.validateRequest('post', PIP, { path: { bsn: '123456782' }, headers, body: { dagtekeningPip: '2026-03-02', leerroute: 'Z' } })).toEqual([]);
  });

  it('fails an invalid PIP with the path of each bad field', () => {
    const doc = duoDocument('PIP');
    const at = (body: unknown, h: Record<string, string | undefined> = headers, bsn = '123456782') =>
      fields(doc.validateRequest('post', PIP, { path: { bsn }, headers: h, body }));
    expect(at({ ...goodPip, leerroute: 'X' })).toEqual(['body/leerroute']);
    expect(at({ ...goodPip, dagtekeningPip: '2026-02-30' })).toEqual(['body/dagtekeningPip']);
    expect(at({ leerroute: 'B' })).toEqual(['body/dagtekeningPip']);
    expect(at({ ...goodPip, niveau: 'B2' })).toEqual(['body/niveau']);
    expect(at({ ...goodPip, geschatteIntensiteitB1Route: 0 })).toEqual(['body/geschatteIntensiteitB1Route']);
    expect(at({ ...goodPip, indicatorAlfabetiseringsonderwijs: 'Niet van toepassing' })).toEqual(['body/indicatorAlfabetiseringsonderwijs']);
    expect(at(undefined)).toEqual(['body']);
    expect(at(goodPip, { ...headers, bron: '123' })).toEqual(['header/bron']);
    expect(at(goodPip, { ...headers, berichtId: 'not-a-uuid' })).toEqual(['header/berichtId']);
    expect(at(goodPip, { bron: headers.bron, berichtId: headers.berichtId })).toEqual(['header/doel']);
    expect(at(goodPip, headers, '12345678')).toEqual(['path/bsn']);
  });

  it('checks responses per status: 201 without body, 403 with Foutmelding[], the API-Version header', () => {
    const doc = duoDocument('PIP');
    const v = { 'API-Version': '1.2.0' };
    expect(doc.validateResponse('post', PIP, { status: 201, headers: v })).toEqual([]);
    expect(fields(doc.validateResponse('post', PIP, { status: 201 }))).toEqual(['header/API-Version']);
    expect(doc.validateResponse('post', PIP, { status: 403, headers: v, body: [{ fouttekst: 'Niveau A2 mag niet' }] })).toEqual([]);
    expect(fields(doc.validateResponse('post', PIP, { status: 403, headers: v, body: [{ tekst: 'x' }] }))).toEqual(['body/0/fouttekst']);
    expect(fields(doc.validateResponse('post', PIP, { status: 400, headers: v, body: { fout: 1 } }))).toEqual(['body']);
    expect(fields(doc.validateResponse('post', PIP, { status: 418, headers: v }))).toEqual(['status']);
    expect(doc.validateResponse('get', PIP, { status: 200, headers: v, body: { gemeentecode: '0202', pip: goodPip } })).toEqual([]);
    expect(fields(doc.validateResponse('get', PIP, { status: 200, headers: v, body: { gemeentecode: '202', pip: goodPip } }))).toEqual(['body/gemeentecode']);
  });
});
