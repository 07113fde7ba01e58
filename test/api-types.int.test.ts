// Issue #10 item 1: src/web/api/schema.gen.ts is the web's only wire contract. It is generated from the
// server's OpenAPI document; this test renders it again from a running Koers and fails while the
// committed file lags a route or zod schema change.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderApiTypes, SCHEMA_FILE } from '../scripts/gen-api-types.mjs';
import { Client, startTestKoers, type TestKoers } from './support/koers.js';

let t: TestKoers;
beforeAll(async () => {
  t = await startTestKoers();
});
afterAll(async () => {
  await t.stop();
});

describe('generated web API types', () => {
  it('src/web/api/schema.gen.ts matches GET /api/v1/openapi.json (else: run node scripts/gen-api-types.mjs)', async () => {
    const spec = await new Client(t.url).get('/api/v1/openapi.json');
    expect(spec.status).toBe(200);
    const fresh = await renderApiTypes(spec.body);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    // One clear line instead of a 5,000-line diff.
    expect(committed === fresh, 'src/web/api/schema.gen.ts is stale: run node scripts/gen-api-types.mjs and commit it').toBe(true);
  });
});
