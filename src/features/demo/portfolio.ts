// Demo portfolios (issue #12, R-MAP-3): WerkWijs Participatie's participants get portfolios in several
// states, written as the routes write them (migration 0022), so the Deelname list's "Portfolio compleet"
// has both answers and the PDF has something to hand over:
//   - the MAP participant with all eight themes done: a complete Bijlage 3 part, a CV with its file,
//     a reflection and an assignment;
//   - the next MAP participant: the client profile and five themes filled in, so "Nog niet compleet";
//   - the third MAP participant: only the client profile (and the newest none at all);
//   - the two Z-route participants referred first: evidence and a reflection (no Bijlage 3 part).
// Runs after the participation demo in the demo's one transaction; the same today gives the same rows.
import { createHash } from 'node:crypto';
import { addCalendarDays } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/contract.js';
import { MapThemes, type MapTheme } from '../../domain/participation.js';
import { emptyAnnex, type AnnexContent, type PortfolioItemKind } from '../../domain/portfolio.js';
import type { Tx } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { insertAnnex, insertFile, insertItem } from '../portfolio/store.js';
import { DEMO_PARTICIPATION_COORDINATOR } from './accounts.js';
import { seededRandom, seededUuid } from './seeded.js';

/** A small well-formed PDF standing in for the participant's CV (the demo holds no real document). */
const DEMO_CV = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const LEARNED: Record<MapTheme, [string, string]> = {
  careerOrientation: ['Weet welk werk past: werken met mensen, in de winkel of de zorg.', 'Heeft een loopbaangesprek gevoerd; leerdoel: een eigen beroepskeuze maken.'],
  employeeCompetences: ['Kent de competenties die werkgevers vragen, zoals samenwerken en op tijd komen.', 'Werkte samen in het team van de kringloop; leerdoel: om hulp vragen.'],
  realisticJobImage: ['Weet wat het werk in een supermarkt inhoudt en welke eisen erbij horen.', 'Bedrijfsbezoek en stage bij de supermarkt; leerdoel: de werkdag leren kennen.'],
  jobChances: ['Kent de vacatures in de regio en waar ze te vinden zijn.', 'Zocht zelf drie vacatures op werk.nl; leerdoel: zelfstandig vacatures zoeken.'],
  professionalCompetences: ['Weet wat werken onder tijdsdruk en in wisseldiensten vraagt.', 'Werkte in de stage twee avonddiensten; leerdoel: een rooster volgen.'],
  network: ['Weet wie kan helpen: begeleider, taalmaatje, oud-collega’s.', 'Vroeg de bedrijfsleider van de stage om een referentie; leerdoel: het netwerk inzetten.'],
  findingWork: ['Kan een sollicitatiebrief schrijven en een gesprek voorbereiden.', 'Oefende een sollicitatiegesprek en stuurde een brief; leerdoel: solliciteren.'],
  workCulture: ['Kent de Nederlandse werkcultuur: afspraken nakomen, afmelden bij ziekte, zeggen wat je denkt.', 'Meldde zich op tijd af bij ziekte tijdens de stage; leerdoel: regels op het werk toepassen.'],
};

function annex(themes: readonly MapTheme[], profile: boolean): AnnexContent {
  const a = emptyAnnex();
  if (profile) {
    a.profile.canMakeCv = { answer: 'yes', note: 'Cv gemaakt met de begeleider.' };
    a.profile.workFit = { answer: 'inProgress', note: 'Werkt aan de conditie; 20 uur per week gaat goed.' };
    a.profile.diplomaValuation = { answer: 'no', note: 'Geen diploma om te waarderen.' };
  }
  for (const t of themes) a.themes[t] = { learned: LEARNED[t][0], practised: LEARNED[t][1] };
  return a;
}

/** [kind, title, text, theme, days ago, with the CV file]. */
type DemoItem = [PortfolioItemKind, string, string, MapTheme | null, number, boolean];

const MAP_COMPLETE: readonly DemoItem[] = [
  ['evidence', 'Cv', 'Het cv dat de inburgeraar zelf maakte.', 'findingWork', 40, true],
  ['reflection', 'Mijn stage bij de supermarkt', 'Ik heb geleerd hoe een werkdag gaat. Het was druk, maar ik kon het.', 'realisticJobImage', 30, false],
  ['assignment', 'Drie vacatures zoeken', 'Drie vacatures gevonden op werk.nl en bij de supermarkt; één brief gestuurd.', 'jobChances', 25, false],
];
const MAP_PARTIAL: readonly DemoItem[] = [['reflection', 'Werken in de zorg', 'In het zorgcentrum zag ik dat ik graag met ouderen werk.', 'careerOrientation', 20, false]];
const Z_ITEMS: readonly DemoItem[][] = [
  [
    ['evidence', 'Verklaring vrijwilligerswerk Voedselbank', 'De Voedselbank verklaart dat de inburgeraar 120 uur meehielp.', null, 30, false],
    ['reflection', 'Wat ik doe in het buurthuis', 'Ik help bij de koffieochtend. Ik praat veel Nederlands.', null, 10, false],
  ],
  [['evidence', 'Foto’s van de rondleiding in het museum', 'Bewijs van het vrijwilligerswerk in het Zuiderzeemuseum.', null, 15, false]],
];

/** Returns the number of participants that got a portfolio (0 when the participation demo added none). */
export async function loadDemoPortfolio(tx: Tx, today: IsoDate): Promise<number> {
  const werkwijs = organisationId('provider', 'werkwijs-participatie');
  const referrals = await tx.query<{ referralId: string; participantId: string; municipalityId: string; productCode: string }>(
    `SELECT r.id AS "referralId", r.participant_id AS "participantId", r.municipality_id AS "municipalityId", r.product_code AS "productCode"
     FROM referral r WHERE r.provider_id = $1 AND r.product_code IN ('map', 'z_participation') ORDER BY r.referred_on, r.id`,
    [werkwijs],
  );
  const coordinator = (await tx.query<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [DEMO_PARTICIPATION_COORDINATOR.email]))[0]?.id;
  if (coordinator === undefined || referrals.length === 0) return 0;
  const rand = seededRandom(2026 + 22);
  const ago = (n: number) => addCalendarDays(today, -n);
  const at = (days: number, hour: number) => new Date(`${ago(days)}T${String(hour).padStart(2, '0')}:00:00Z`);
  const map = referrals.filter((r) => r.productCode === 'map');
  const z = referrals.filter((r) => r.productCode === 'z_participation');
  const plans: { r: (typeof referrals)[number]; items: readonly DemoItem[]; annex?: AnnexContent }[] = [
    ...(map[0] ? [{ r: map[0], items: MAP_COMPLETE, annex: annex(MapThemes, true) }] : []),
    ...(map[1] ? [{ r: map[1], items: MAP_PARTIAL, annex: annex(MapThemes.slice(0, 5), true) }] : []),
    ...(map[2] ? [{ r: map[2], items: [], annex: annex([], true) }] : []),
    ...z.slice(0, 2).map((r, i) => ({ r, items: Z_ITEMS[i] ?? [] })),
  ];
  for (const { r, items, annex: content } of plans) {
    const owner = { participantId: r.participantId, referralId: r.referralId, providerId: werkwijs, municipalityId: r.municipalityId };
    for (const [kind, title, body, theme, days, withFile] of items) {
      const id = seededUuid(rand);
      await insertItem(tx, { ...owner, id, kind, title, body, theme, recordedBy: coordinator, recordedAt: at(days, 11) });
      if (withFile) {
        await insertFile(tx, {
          id: seededUuid(rand), itemId: id, participantId: r.participantId, municipalityId: r.municipalityId, fileName: 'cv.pdf', contentType: 'application/pdf',
          sha256: createHash('sha256').update(DEMO_CV).digest('hex'), content: DEMO_CV, recordedBy: coordinator, recordedAt: at(days, 12),
        });
      }
    }
    if (content !== undefined) await insertAnnex(tx, { ...owner, id: seededUuid(rand), version: 1, content, recordedBy: coordinator, recordedAt: at(5, 15) });
  }
  return plans.length;
}
