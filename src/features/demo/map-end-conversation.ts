// Demo MAP end conversation (issue #12: R-MAP-1, R-MAP-3): the WerkWijs MAP participant at 42
// practical hours with all eight themes done (src/features/demo/participation.ts) has had its end
// conversation — prepared by WerkWijs per 001 Bijlage 2, the date proposed, and held by the consultant
// of its municipality with the outcome "voldoende". Written as the routes write it (migration 0023),
// with the themes and practical minutes the outcome was judged on; the participant at 39 hours is left
// without one, to try the screens. Runs after the participation demo in the demo's one transaction.
import { addCalendarDays } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/contract.js';
import type { EndPreparation } from '../../domain/map-end-conversation.js';
import { MAP_THEME_NAMES } from '../../domain/map-learning-plan.js';
import { MapThemes } from '../../domain/participation.js';
import type { Tx } from '../../platform/db.js';
import { unsafeMapReadiness } from '../signals/raisers/map-end-conversation.js';
import { insertEndRow } from '../map-end-conversation/store.js';
import { organisationId } from '../organisations/store.js';
import { DEMO_PARTICIPATION_COORDINATOR } from './accounts.js';

const PREPARATION: EndPreparation = {
  answers: {
    'rjb.formerJob': 'Ik werkte in een supermarkt in mijn land, eerst in het magazijn en later aan de kassa.',
    'rjb.needs': 'Nederlands op niveau B1 en ervaring in een Nederlandse winkel.',
    'rjb.feasible': 'Ja. Ik heb stage gelopen bij een supermarkt en met de bedrijfsleider gepraat.',
    'rjb.dreamJob': 'Ik wil later teamleider worden in een winkel.',
    'jc.ways': 'Via het Werkplein, uitzendbureaus, websites en mensen die ik ken.',
    'jc.vacancy': 'Ja, een vacature voor vakkenvuller op de website van de supermarkt. Ik heb een brief gestuurd.',
    'jc.websites': 'Werk.nl, Indeed en de websites van winkels.',
    'pc.dutchCulture': 'Op tijd komen, afspraken nakomen en zeggen wat je denkt.',
    'pc.howAcquire': 'Door de stage en door vrijwilligerswerk bij de kringloop.',
    'ec.tasks': 'Vakken vullen, klanten helpen, de kassa doen.',
    'ec.meetRequirements': 'Bijna: mijn Nederlands wordt elke maand beter.',
    'nw.now': 'Mijn taalmaatje, mijn collega’s van de kringloop en de mensen van de stage.',
    'nw.help': 'Mijn begeleider van WerkWijs en mijn taalmaatje.',
  },
  choices: { professionalCompetences: ['nineToFive', 'travel', 'pressure'], employeeCompetences: ['customerFocus', 'communication', 'proactive'] },
};

/**
 * The MAP part of a demo MAP referral's own learning plan (001 §3; src/domain/map-learning-plan.ts):
 * how each theme is dealt with and the proposal for the practical part, 40 hours.
 */
export const DEMO_MAP_PLAN = {
  included: true,
  practicalPart: 'Werkervaringsplek of vrijwilligerswerk bij een werkgever die past bij de beroepswens, en twee werkbezoeken.',
  practicalHours: 40,
  themes: MapThemes.map((theme) => ({ theme, approach: `${MAP_THEME_NAMES[theme]}: in de groepsbijeenkomsten van WerkWijs, met een opdracht in de praktijk.` })),
};

/** Returns 1 when the conversation was added, 0 when the participation demo added no such participant. */
export async function loadDemoEndConversation(tx: Tx, today: IsoDate): Promise<number> {
  const rows = await tx.query<{ referralId: string; participantId: string; municipalityId: string }>(
    `SELECT r.id AS "referralId", r.participant_id AS "participantId", r.municipality_id AS "municipalityId" FROM referral r
     WHERE r.provider_id = $1 AND r.product_code = 'map'
       AND (SELECT count(*) FROM map_theme_progress t WHERE t.participant_id = r.participant_id AND t.status = 'done') = 8
     ORDER BY r.referred_on, r.id LIMIT 1`,
    [organisationId('provider', 'werkwijs-participatie')],
  );
  const r = rows[0];
  if (r === undefined) return 0;
  const users = await tx.query<{ id: string; email: string }>(
    `SELECT id, email FROM app_user WHERE email = $1 OR (role = 'consultant' AND municipality_id = $2 AND email LIKE 'consultant.%@koers.demo') ORDER BY email`,
    [DEMO_PARTICIPATION_COORDINATOR.email, r.municipalityId],
  );
  const coordinator = users.find((u) => u.email === DEMO_PARTICIPATION_COORDINATOR.email)?.id;
  const consultant = users.find((u) => u.email !== DEMO_PARTICIPATION_COORDINATOR.email)?.id;
  if (coordinator === undefined || consultant === undefined) return 0;
  const ago = (n: number) => addCalendarDays(today, -n);
  const at = (day: IsoDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const readiness = await unsafeMapReadiness(tx, r.participantId);
  const base = { participantId: r.participantId, municipalityId: r.municipalityId, version: 1 };
  const provider = { referralId: r.referralId, providerId: organisationId('provider', 'werkwijs-participatie') };
  await insertEndRow(tx, { ...base, ...provider, kind: 'preparation', preparation: PREPARATION, recordedBy: coordinator, recordedAt: at(ago(21), 10) });
  await insertEndRow(tx, { ...base, ...provider, kind: 'planned', plannedOn: ago(10), recordedBy: coordinator, recordedAt: at(ago(20), 11) });
  await insertEndRow(tx, {
    ...base,
    kind: 'held',
    referralId: null,
    providerId: null,
    held: { heldOn: ago(10), outcome: 'sufficient', reason: null, themesDone: readiness.themesDone, practicalMinutes: readiness.practicalMinutes },
    recordedBy: consultant,
    recordedAt: at(ago(10), 15),
  });
  return 1;
}
