// R-EXC-4: the client's PIP mapping — an approved learning plan (test/support/koers.ts aLearningPlan) to
// the PIP body of DUO's document, refused BEFORE sending on the field that breaks a DUO rule
// (README "Het aanleveren van een PIP"), naming the Koers field it came from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PipFacts } from '../src/domain/duo/pip-rules.js';
import { CefrLevels } from '../src/domain/levels.js';
import { duoDocument } from '../src/features/duo/openapi.js';
import { pipFromLearningPlan, type PipSource } from '../src/features/duo/pip.js';
import { LearningPlanContent } from '../src/features/referrals/schemas.js';
import { aLearningPlan } from './support/koers.js';

const facts = (over: Partial<PipFacts> = {}): PipFacts => ({ startInburgeringsplicht: '2026-01-05', vestigingGemeente: '2026-01-12', initielePip: null, actuelePip: null, asielmigrant: true, ...over });
/** The learning plan as Koers stores it, through its own schema (R-REF-6). */
const plan = (over: Record<string, unknown> = {}): PipSource['plan'] => LearningPlanContent.parse(aLearningPlan(over));
const allB1 = { reading: 'B1', writing: 'B1', listening: 'B1', speaking: 'B1' };
const validates = (body: unknown) =>
  duoDocument('PIP').validateRequest('post', '/personen/{bsn}/PIP', { path: { bsn: '123456782' }, headers: { bron: '00000001999900010000', doel: '00000001999999990000', berichtId: '3f1c2b9e-8a0d-4c1e-9f55-0c3b9d1e2a47' }, body });

describe('the PIP from an approved learning plan', () => {
  it('maps the B1-route plan to leerroute B, the lowest target level, the approval date and the intensity', () => {
    const m = pipFromLearningPlan({ plan: plan({ targetLevels: allB1 }), approvedOn: '2026-03-02', estimatedB1Hours: 600, literacy: 'NVT' }, facts());
    expect(m).toEqual({ ok: true, pip: { dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'B1', geschatteIntensiteitB1Route: 600, indicatorAlfabetiseringsonderwijs: 'NVT' } });
    if (m.ok) expect(validates(m.pip)).toEqual([]);
  });

  it('maps the routes: Onderwijsroute mbo and hbo/wo to O, the Z-route to Z without a level below A2', () => {
    expect(pipFromLearningPlan({ plan: plan({ route: 'education_mbo', targetLevels: allB1 }), approvedOn: '2026-03-02' }, facts())).toMatchObject({ ok: true, pip: { leerroute: 'O', niveau: 'B1' } });
    expect(pipFromLearningPlan({ plan: plan({ route: 'education_hbo_wo', targetLevels: { ...allB1, reading: 'B2' } }), approvedOn: '2026-03-02' }, facts())).toMatchObject({ ok: true, pip: { leerroute: 'O', niveau: 'B1' } });
    const z = pipFromLearningPlan({ plan: plan({ route: 'z', targetLevels: { reading: 'A1', writing: 'A0', listening: 'A1', speaking: 'A1' } }), approvedOn: '2026-03-02' }, facts());
    expect(z).toEqual({ ok: true, pip: { dagtekeningPip: '2026-03-02', leerroute: 'Z' } });
  });

  it('refuses before sending: A2 with the B1-route on a first PIP (aLearningPlan writes A2), on niveau ← plan.targetLevels', () => {
    expect(pipFromLearningPlan({ plan: plan(), approvedOn: '2026-03-02' }, facts())).toEqual({
      ok: false,
      problems: [{ field: 'niveau', koersField: 'plan.targetLevels', reason: 'Niveau A2 mag niet in combinatie met de B1-route worden aangeleverd als dit het eerste PIP voor de persoon is.' }],
    });
    // Not the first PIP: allowed.
    expect(pipFromLearningPlan({ plan: plan(), approvedOn: '2026-03-02' }, facts({ initielePip: { dagtekeningPip: '2026-02-01' }, actuelePip: { dagtekeningPip: '2026-02-01' } }))).toMatchObject({ ok: true, pip: { niveau: 'A2' } });
  });

  it('refuses before sending: A2 with the Onderwijsroute, B1 with the Z-route, the date, the intensity, with the Koers field', () => {
    const problems = (s: PipSource, f = facts()) => {
      const m = pipFromLearningPlan(s, f);
      return m.ok ? [] : m.problems.map((p) => [p.field, p.koersField]);
    };
    expect(problems({ plan: plan({ route: 'education_mbo' }), approvedOn: '2026-03-02' })).toEqual([['niveau', 'plan.targetLevels']]);
    expect(problems({ plan: plan({ route: 'z', targetLevels: allB1 }), approvedOn: '2026-03-02' })).toEqual([['niveau', 'plan.targetLevels']]);
    expect(problems({ plan: plan({ targetLevels: allB1 }), approvedOn: '2026-01-06' })).toEqual([['dagtekeningPip', 'approvedOn']]);
    expect(problems({ plan: plan({ targetLevels: allB1 }), approvedOn: '2026-03-02', estimatedB1Hours: 600 }, facts({ asielmigrant: false }))).toEqual([['geschatteIntensiteitB1Route', 'estimatedB1Hours']]);
    // The document's range (1-9999), so DUO never has to answer 400.
    expect(problems({ plan: plan({ targetLevels: allB1 }), approvedOn: '2026-03-02', estimatedB1Hours: 10_000 })).toEqual([['geschatteIntensiteitB1Route', 'estimatedB1Hours']]);
    expect(problems({ plan: plan({ targetLevels: { ...allB1, speaking: 'A1' } }), approvedOn: '2026-03-02' })).toEqual([['niveau', 'plan.targetLevels']]);
  });

  it('property: whatever the plan, a PIP the mapping lets through validates against DUO\'s document and breaks no DUO rule', () => {
    const level = fc.constantFrom(...CefrLevels);
    fc.assert(
      fc.property(
        fc.constantFrom('b1', 'z', 'education_mbo', 'education_hbo_wo', 'b1_entree'),
        fc.record({ reading: level, writing: level, listening: level, speaking: level }),
        fc.option(fc.integer({ min: -5, max: 12_000 }), { nil: null }),
        fc.boolean(),
        (route, targetLevels, hours, asielmigrant) => {
          const m = pipFromLearningPlan({ plan: plan({ route, targetLevels }), approvedOn: '2026-03-02', estimatedB1Hours: hours }, facts({ asielmigrant }));
          if (m.ok) expect(validates(m.pip)).toEqual([]);
          // A refusal names a Koers field the consultant can change.
          else for (const p of m.problems) expect(['plan.targetLevels', 'approvedOn', 'estimatedB1Hours']).toContain(p.koersField);
        },
      ),
    );
  });
});
