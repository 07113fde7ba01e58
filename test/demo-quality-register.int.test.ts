// Issue #14 acceptance: "the demo region shows a provider in every state of the register". The demo loads
// Twente's register (src/features/demo/quality-register.ts); its contract manager reads one provider per
// state at the demo's today, and the login page lists Twente's three logins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`the demo's quality register on ${DB_KIND}`, () => {
  let t: TestKoers;
  let manager: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 20 } });
    manager = new Client(t.url);
    expect((await manager.post('/api/v1/sessions', { email: 'contractmanager.twente@koers.demo', password: 'koers-demo' })).status).toBe(201);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('has one provider in each state: under screening, admitted, admitted after the conversation, mark expired, mark withdrawn, excluded', async () => {
    const res = await manager.get('/api/v1/quality/providers?sort=provider');
    expect(res.status).toBe(200);
    const of = (code: string) => (res.body.items as { providerCode: string }[]).find((i) => i.providerCode === code);
    expect(of('taalpunt-noord')).toMatchObject({ membership: 'applied' });
    expect(of('nt2-academie-west')).toMatchObject({ membership: 'admitted', markConcern: null });
    expect(of('taalschool-twente')).toMatchObject({ membership: 'admitted', markConcern: null, openFindings: 1 });
    expect(of('inburgeringshuis-zuid')).toMatchObject({ membership: 'admitted', markState: 'expired' });
    expect(of('taalwerkplaats-centrum')).toMatchObject({ membership: 'admitted', markState: 'withdrawn' });
    expect(of('nt2-centrum-oost')).toMatchObject({ membership: 'excluded' });
    // Under screening with items outstanding: only the KvK extract is in.
    const noord = await manager.get('/api/v1/quality/contracts/twente/providers/taalpunt-noord');
    expect(noord.body.screenings).toHaveLength(1);
    expect(noord.body.screenings[0].decision).toBeNull();
    const outstanding = (noord.body.screenings[0].items as { item: string; receivedOn: string | null }[]).filter((i) => i.receivedOn === null).map((i) => i.item);
    expect(outstanding).toEqual(['auditReports', 'inspectionRiskCheck', 'nt2TeacherList']);
    const school = await manager.get('/api/v1/quality/contracts/twente/providers/taalschool-twente');
    expect(school.body.membership.conversationOn).not.toBeNull();
  });

  it("lists Twente's three logins on the login page", async () => {
    const res = await new Client(t.url).get('/api/v1/demo-accounts');
    const emails = (res.body.items as { email: string }[]).map((i) => i.email);
    expect(emails).toEqual(expect.arrayContaining(['contractmanager.twente@koers.demo', 'coordinator.taalschool@koers.demo', 'coordinator.centrumoost@koers.demo']));
  });
});
