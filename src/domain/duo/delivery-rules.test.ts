// R-EXC-4: DUO's rules for the MAP end-conversation date, the PVT signing date and the Inburgeringsaanbod,
// one test per rule of duo-m2m/README.md, each refused on the field the rule names; a property test that
// the MAP and PVT sections are the same rules on their own date field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar.js';
import { refuseAanbod, refuseMap, refusePvt, type AanbodFacts, type EindmomentFacts, type Inburgeringsaanbod } from './delivery-rules.js';

const facts = (over: Partial<EindmomentFacts> = {}): EindmomentFacts => ({
  today: '2027-06-01',
  datumBekend: false,
  datumDoorGemeente: false,
  actuelePipVanGemeente: true,
  plichtVoldaanViaZroute: false,
  termijn: { startdatum: '2026-01-05', einddatum: '2029-01-05' },
  datumAfrondingZroute: null,
  ...over,
});
const map = (b: Parameters<typeof refuseMap>[0], f: EindmomentFacts) => refuseMap(b, f).map((r) => [r.field, r.rule]);

describe('DUO MAP rules (README "Module Arbeidsmarkt en Participatie (MAP)")', () => {
  it('registers a date within the term, in the past, with a current PIP of the municipality', () => {
    expect(refuseMap({ datumEindgesprekMap: '2027-05-20' }, facts())).toEqual([]);
  });
  it('a change only of a date this municipality delivered', () => {
    expect(map({ datumEindgesprekMap: '2027-05-20' }, facts({ datumBekend: true }))).toEqual([['datumEindgesprekMap', 'wijzigingNietDoorGemeente']]);
    expect(map({ datumEindgesprekMap: '2027-05-20' }, facts({ datumBekend: true, datumDoorGemeente: true }))).toEqual([]);
  });
  it('the municipality must have the current PIP', () => {
    expect(map({ datumEindgesprekMap: '2027-05-20' }, facts({ actuelePipVanGemeente: false }))).toEqual([['datumEindgesprekMap', 'geenActuelePip']]);
  });
  it('not once the duty is fulfilled through the Z-route', () => {
    expect(map({ datumEindgesprekMap: '2027-05-20' }, facts({ plichtVoldaanViaZroute: true }))).toEqual([['datumEindgesprekMap', 'voldaanViaZroute']]);
  });
  it('not before the start of the term', () => {
    expect(map({ datumEindgesprekMap: '2026-01-04' }, facts())).toEqual([['datumEindgesprekMap', 'voorStartTermijn']]);
    expect(map({ datumEindgesprekMap: '2026-01-05' }, facts())).toEqual([]);
  });
  it('not after the Z-route completion', () => {
    expect(map({ datumEindgesprekMap: '2027-05-21' }, facts({ datumAfrondingZroute: '2027-05-20' }))).toEqual([['datumEindgesprekMap', 'naAfrondingZroute']]);
    expect(map({ datumEindgesprekMap: '2027-05-20' }, facts({ datumAfrondingZroute: '2027-05-20' }))).toEqual([]);
  });
  it('not in the future', () => {
    expect(map({ datumEindgesprekMap: '2027-06-02' }, facts())).toEqual([['datumEindgesprekMap', 'inDeToekomst']]);
    expect(map({ datumEindgesprekMap: '2027-06-01' }, facts())).toEqual([]);
  });
  it('withdrawn (no date) only while no Z-route completion is registered', () => {
    expect(map({}, facts({ datumBekend: true, datumDoorGemeente: true, datumAfrondingZroute: '2027-05-20' }))).toEqual([['datumEindgesprekMap', 'intrekkenNaAfrondingZroute']]);
    expect(map({}, facts({ datumBekend: true, datumDoorGemeente: true }))).toEqual([]);
  });
  const late = facts({ today: '2029-02-01', termijn: { startdatum: '2026-01-05', einddatum: '2029-01-05' } });
  it("without 'verwijtbaar' the term may not be exceeded", () => {
    expect(map({ datumEindgesprekMap: '2029-01-05' }, late)).toEqual([['verwijtbaar', 'verwijtbaarOntbreekt']]);
    expect(map({ datumEindgesprekMap: '2029-01-04' }, late)).toEqual([]);
  });
  it("before the term's end 'verwijtbaar' is not delivered", () => {
    expect(map({ datumEindgesprekMap: '2029-01-04', verwijtbaar: 'Ja' }, late)).toEqual([['verwijtbaar', 'verwijtbaarVoorEindeTermijn'], ['verwijtbaar', 'jaZonderOverschrijding']]);
  });
  it("'Nee' only when the term's end lies within two months", () => {
    expect(map({ datumEindgesprekMap: '2029-01-20', verwijtbaar: 'Nee' }, late)).toEqual([]);
    expect(map({ datumEindgesprekMap: '2029-03-05', verwijtbaar: 'Nee' }, facts({ today: '2029-04-01', termijn: late.termijn }))).toEqual([['verwijtbaar', 'neeBuitenTweeMaanden']]);
  });
  it("'Ja' only when the term is exceeded", () => {
    expect(map({ datumEindgesprekMap: '2029-01-20', verwijtbaar: 'Ja' }, late)).toEqual([]);
    expect(map({ datumEindgesprekMap: '2027-05-20', verwijtbaar: 'Ja' }, facts({ termijn: null }))).toEqual([['verwijtbaar', 'jaZonderOverschrijding']]);
  });
});

describe('DUO PVT rules (README "Participatieverklaringstraject (PVT)")', () => {
  it('the same rules as the MAP, on datumOndertekeningPvt', () => {
    const day = fc.integer({ min: -900, max: 1300 }).map((n) => addCalendarDays('2026-06-01', n));
    const f = fc.record({
      today: day,
      datumBekend: fc.boolean(),
      datumDoorGemeente: fc.boolean(),
      actuelePipVanGemeente: fc.boolean(),
      plichtVoldaanViaZroute: fc.boolean(),
      termijn: fc.option(fc.record({ startdatum: fc.constant('2026-01-05'), einddatum: fc.constant('2029-01-05') }), { nil: null }),
      datumAfrondingZroute: fc.option(day, { nil: null }),
    });
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.constantFrom(undefined, 'Ja' as const, 'Nee' as const), f, (d, v, facts) => {
        const m = refuseMap({ ...(d ? { datumEindgesprekMap: d } : {}), ...(v ? { verwijtbaar: v } : {}) }, facts).map((r) => [r.field === 'datumEindgesprekMap' ? 'datum' : r.field, r.rule]);
        const p = refusePvt({ ...(d ? { datumOndertekeningPvt: d } : {}), ...(v ? { verwijtbaar: v } : {}) }, facts).map((r) => [r.field === 'datumOndertekeningPvt' ? 'datum' : r.field, r.rule]);
        expect(p).toEqual(m);
      }),
    );
    expect(refusePvt({ datumOndertekeningPvt: '2027-06-02' }, facts())[0]).toMatchObject({ field: 'datumOndertekeningPvt', rule: 'inDeToekomst', reason: 'De datum ondertekening PVT mag niet in de toekomst liggen.' });
  });
});

const aanbodFacts = (over: Partial<AanbodFacts> = {}): AanbodFacts => ({
  asielmigrant: true,
  actuelePip: { dagtekeningPip: '2027-01-04', leerroute: 'B' },
  instelling: { indicatieBowKeurmerk: true, indicatieTstKeurmerk: false },
  termijn: { startdatum: '2026-06-01', einddatum: '2029-06-01' },
  ...over,
});
const aanbod = (over: Partial<Inburgeringsaanbod> = {}): Inburgeringsaanbod => ({ datumInburgeringsaanbod: '2027-01-11', verwachteStartdatumOpleiding: '2027-01-11', verwachteEinddatumOpleiding: '2028-01-11', indicatorAlfabetiseringsonderwijs: 'NVT', ...over });
const broken = (b: Inburgeringsaanbod, f: AanbodFacts) => refuseAanbod(b, f).map((r) => [r.field, r.rule]);

describe('DUO Inburgeringsaanbod rules (README "Inburgeringsaanbod")', () => {
  it('registers an offer for an asylum migrant with a PIP at a BoW institution within the term', () => {
    expect(refuseAanbod(aanbod(), aanbodFacts())).toEqual([]);
  });
  it('only for an asylum migrant (unknown: left to DUO)', () => {
    expect(broken(aanbod(), aanbodFacts({ asielmigrant: false }))).toEqual([['bsn', 'geenAsielmigrant']]);
    expect(broken(aanbod(), aanbodFacts({ asielmigrant: null }))).toEqual([]);
  });
  it('the person has a PIP', () => {
    expect(broken(aanbod(), aanbodFacts({ actuelePip: null }))).toEqual([['bsn', 'geenPip']]);
  });
  it('a BoW institution, or a recognised Taalschakel institution on the Onderwijsroute', () => {
    expect(broken(aanbod(), aanbodFacts({ instelling: null }))).toEqual([['instellingsnummer', 'instellingNietErkend']]);
    expect(broken(aanbod(), aanbodFacts({ instelling: { indicatieBowKeurmerk: false } }))).toEqual([['instellingsnummer', 'instellingNietErkend']]);
    const o = { dagtekeningPip: '2027-01-04', leerroute: 'O' as const };
    expect(broken(aanbod(), aanbodFacts({ actuelePip: o }))).toEqual([['instellingsnummer', 'instellingNietErkend']]);
    expect(broken(aanbod(), aanbodFacts({ actuelePip: o, instelling: { indicatieTstKeurmerk: true } }))).toEqual([]);
  });
  it("the offer's dates not before the current PIP's dagtekening", () => {
    expect(broken(aanbod({ datumInburgeringsaanbod: '2027-01-03', verwachteStartdatumOpleiding: '2027-01-03' }), aanbodFacts())).toEqual([
      ['datumInburgeringsaanbod', 'voorDagtekeningPip'],
      ['verwachteStartdatumOpleiding', 'voorDagtekeningPip'],
    ]);
  });
  it('the start not before the offer date', () => {
    expect(broken(aanbod({ verwachteStartdatumOpleiding: '2027-01-10' }), aanbodFacts())).toEqual([['verwachteStartdatumOpleiding', 'startVoorAanbod']]);
  });
  it('start and end not outside the term', () => {
    expect(broken(aanbod({ verwachteEinddatumOpleiding: '2029-06-02' }), aanbodFacts())).toEqual([['verwachteEinddatumOpleiding', 'buitenTermijn']]);
    expect(broken(aanbod({ verwachteEinddatumOpleiding: '2029-06-01' }), aanbodFacts())).toEqual([]);
    expect(broken(aanbod({ datumInburgeringsaanbod: '2029-06-01', verwachteStartdatumOpleiding: '2029-06-01', verwachteEinddatumOpleiding: undefined }), aanbodFacts())).toEqual([['verwachteStartdatumOpleiding', 'buitenTermijn']]);
  });
});
