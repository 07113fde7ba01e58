// R-EXC-4: DUO's PIP rules, one test per rule of duo-m2m/README.md "Het aanleveren van een PIP" (and
// "Het verwijderen van een PIP"), each named after the README's section; a property test for the date order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar.js';
import { niveauVastgesteld, refusePip, refusePipDeletion, type Pip, type PipFacts } from './pip-rules.js';

const facts = (over: Partial<PipFacts> = {}): PipFacts => ({
  startInburgeringsplicht: '2026-01-05',
  vestigingGemeente: '2026-01-12',
  initielePip: null,
  actuelePip: null,
  asielmigrant: true,
  ...over,
});
const pip = (over: Partial<Pip> = {}): Pip => ({ dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'B1', ...over });
const broken = (p: Pip, f: PipFacts) => refusePip(p, f).map((r) => [r.field, r.rule]);
const earlier = { dagtekeningPip: '2026-02-01' as const };

describe('DUO PIP rules (README "Het aanleveren van een PIP")', () => {
  it('registers a good first PIP on the B1-route with level B1 and an intensity for an asylum migrant', () => {
    expect(refusePip(pip({ geschatteIntensiteitB1Route: 600 }), facts())).toEqual([]);
  });

  it('"Datum dagtekening": not before the start of the integration duty', () => {
    expect(broken(pip({ dagtekeningPip: '2026-01-04' }), facts({ vestigingGemeente: null }))).toEqual([['dagtekeningPip', 'dagtekeningVoorPlicht']]);
    expect(broken(pip({ dagtekeningPip: '2026-01-05' }), facts({ vestigingGemeente: null }))).toEqual([]);
  });

  it('"Datum dagtekening": a changed PIP not before the initial PIP nor before the current PIP', () => {
    expect(broken(pip({ dagtekeningPip: '2026-01-31' }), facts({ initielePip: earlier, actuelePip: { dagtekeningPip: '2026-01-20' } }))).toEqual([['dagtekeningPip', 'dagtekeningVoorEerderePip']]);
    expect(broken(pip({ dagtekeningPip: '2026-02-10' }), facts({ initielePip: earlier, actuelePip: { dagtekeningPip: '2026-02-15' } }))).toEqual([['dagtekeningPip', 'dagtekeningVoorEerderePip']]);
    expect(broken(pip({ dagtekeningPip: '2026-02-15' }), facts({ initielePip: earlier, actuelePip: { dagtekeningPip: '2026-02-15' } }))).toEqual([]);
  });

  it('"Datum dagtekening": not before the person settled in the municipality', () => {
    expect(broken(pip({ dagtekeningPip: '2026-01-11' }), facts())).toEqual([['dagtekeningPip', 'dagtekeningVoorVestiging']]);
    expect(broken(pip({ dagtekeningPip: '2026-01-12' }), facts())).toEqual([]);
  });

  it('"Niveau": A2 not with the Onderwijsroute', () => {
    expect(broken(pip({ leerroute: 'O', niveau: 'A2' }), facts())).toEqual([['niveau', 'a2MetOnderwijsroute']]);
    expect(broken(pip({ leerroute: 'O', niveau: 'B1' }), facts())).toEqual([]);
  });

  it('"Niveau": B1 not with the Z-route', () => {
    expect(broken(pip({ leerroute: 'Z', niveau: 'B1' }), facts())).toEqual([['niveau', 'b1MetZroute']]);
    expect(broken(pip({ leerroute: 'Z', niveau: undefined }), facts())).toEqual([]);
    expect(broken(pip({ leerroute: 'Z', niveau: 'A2' }), facts())).toEqual([]);
  });

  it('"Niveau": A2 not with the B1-route on the first PIP for the person, whichever municipality', () => {
    expect(broken(pip({ niveau: 'A2' }), facts())).toEqual([['niveau', 'a2MetB1RouteEerstePip']]);
    // A PIP of another municipality before makes this one not the first.
    expect(broken(pip({ niveau: 'A2' }), facts({ initielePip: earlier, actuelePip: earlier }))).toEqual([]);
  });

  it('"Niveau": without a level DUO fixes B1 for the B1-route and the Onderwijsroute', () => {
    expect(niveauVastgesteld({ leerroute: 'B' })).toBe('B1');
    expect(niveauVastgesteld({ leerroute: 'O' })).toBe('B1');
    expect(niveauVastgesteld({ leerroute: 'Z' })).toBeNull();
    expect(niveauVastgesteld({ leerroute: 'B', niveau: 'A2' })).toBe('A2');
  });

  it('"Geschatte intensiteit B1 route": only with the B1-route and only for asylum migrants', () => {
    expect(broken(pip({ leerroute: 'Z', niveau: undefined, geschatteIntensiteitB1Route: 300 }), facts())).toEqual([['geschatteIntensiteitB1Route', 'intensiteitAlleenB1Route']]);
    expect(broken(pip({ geschatteIntensiteitB1Route: 300 }), facts({ asielmigrant: false }))).toEqual([['geschatteIntensiteitB1Route', 'intensiteitAlleenAsielmigrant']]);
    expect(broken(pip(), facts({ asielmigrant: false }))).toEqual([]);
  });

  it('gives each refusal a Dutch reason that fits DUO\'s fouttekst (at most 200 characters)', () => {
    const all = refusePip(pip({ dagtekeningPip: '2026-01-01', leerroute: 'Z', niveau: 'B1', geschatteIntensiteitB1Route: 1 }), facts({ asielmigrant: false }));
    expect(all.map((r) => r.rule)).toEqual(['dagtekeningVoorPlicht', 'dagtekeningVoorVestiging', 'b1MetZroute', 'intensiteitAlleenB1Route', 'intensiteitAlleenAsielmigrant']);
    for (const r of all) expect(r.reason.length).toBeLessThanOrEqual(200);
  });

  it('property: the date rules refuse exactly the dates before the latest of duty start, settlement and earlier PIPs', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addCalendarDays('2022-01-01', n));
    const maybe = fc.option(day, { nil: null });
    fc.assert(
      fc.property(day, maybe, maybe, maybe, (d, plicht, vestiging, actueel) => {
        const f = facts({ startInburgeringsplicht: plicht, vestigingGemeente: vestiging, initielePip: actueel ? { dagtekeningPip: actueel } : null, actuelePip: actueel ? { dagtekeningPip: actueel } : null });
        const dateRefused = refusePip(pip({ dagtekeningPip: d, niveau: 'B1' }), f).some((r) => r.field === 'dagtekeningPip');
        const latest = [plicht, vestiging, actueel].filter((x): x is string => x !== null).sort().at(-1);
        expect(dateRefused).toBe(latest !== undefined && d < latest);
      }),
    );
  });
});

describe('DUO PIP rules (README "Het verwijderen van een PIP")', () => {
  it('deletes only while no term is set and no course hours are registered', () => {
    expect(refusePipDeletion({ inburgeringstermijnVastgesteld: false, cursusdeelnameurenGeregistreerd: false })).toEqual([]);
    expect(refusePipDeletion({ inburgeringstermijnVastgesteld: true, cursusdeelnameurenGeregistreerd: false }).map((r) => r.rule)).toEqual(['termijnVastgesteld']);
    expect(refusePipDeletion({ inburgeringstermijnVastgesteld: false, cursusdeelnameurenGeregistreerd: true }).map((r) => r.rule)).toEqual(['urenGeregistreerd']);
  });
});
