// R-EXC-4: the client delivers the PIP from a learning plan to the DUO simulator over HTTP with the
// municipality's source OIN (contracts/centraal-gelderland.yaml, Arnhem's invoicing.oin): DUO's receipt,
// DUO's own refusal shown with its reason, and a retry with the same message id stored once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipFromLearningPlan, sendPip } from '../src/features/duo/pip.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';
import { LearningPlanContent } from '../src/features/referrals/schemas.js';
import { aLearningPlan } from './support/koers.js';

/** The learning plan as Koers stores it, through its own schema (R-REF-6). */
const approvedPlan = (over: Record<string, unknown>) => LearningPlanContent.parse(aLearningPlan(over));

const ARNHEM = '00000001999900010000';
let sim: DuoSimulator;
const person = { gemeentecode: '0202', startInburgeringsplicht: '2026-01-05', vestigingGemeente: '2026-01-12', asielmigrant: true };
const noPip = { startInburgeringsplicht: '2026-01-05', vestigingGemeente: '2026-01-12', initielePip: null, actuelePip: null, asielmigrant: true };
const allB1 = { reading: 'B1', writing: 'B1', listening: 'B1', speaking: 'B1' } as const;

beforeAll(async () => {
  sim = await startDuoSimulator({ municipalities: { [ARNHEM]: '0202' } });
  sim.addPerson({ bsn: '123456782', ...person });
  sim.addPerson({ bsn: '234567891', ...person, asielmigrant: false });
});
afterAll(() => sim.close());

describe('sendPip to the DUO simulator', () => {
  it('delivers the mapped PIP; DUO gives its receipt and stores it once, also when the same message is sent again', async () => {
    const m = pipFromLearningPlan({ plan: approvedPlan({ targetLevels: allB1 }), approvedOn: '2026-03-02', estimatedB1Hours: 600 }, noPip);
    if (!m.ok) throw new Error(JSON.stringify(m.problems));
    const first = await sendPip({ baseUrl: sim.url, bsn: '123456782', bron: ARNHEM, doel: SIMULATED_DUO_OIN, pip: m.pip });
    expect(first.outcome).toBe('received');
    const again = await sendPip({ baseUrl: sim.url, bsn: '123456782', bron: ARNHEM, doel: SIMULATED_DUO_OIN, pip: m.pip, berichtId: first.berichtId });
    expect(again).toEqual({ outcome: 'received', berichtId: first.berichtId });
    expect(sim.pips('123456782')).toEqual([{ gemeentecode: '0202', pip: m.pip }]);
  });

  it('shows what DUO still refuses with DUO\'s reason (Koers did not know the person is no asylum migrant)', async () => {
    // The client's facts said asylum migrant; DUO knows better and refuses the intensity.
    const m = pipFromLearningPlan({ plan: approvedPlan({ targetLevels: allB1 }), approvedOn: '2026-03-02', estimatedB1Hours: 600 }, noPip);
    if (!m.ok) throw new Error(JSON.stringify(m.problems));
    const r = await sendPip({ baseUrl: sim.url, bsn: '234567891', bron: ARNHEM, doel: SIMULATED_DUO_OIN, pip: m.pip });
    expect(r).toMatchObject({ outcome: 'refused', status: 403, reasons: ['De geschatte intensiteit B1-route mag alleen bij asielmigranten worden aangeleverd.'] });
    expect(sim.pips('234567891')).toEqual([]);
  });
});
