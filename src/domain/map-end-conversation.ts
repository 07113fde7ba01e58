// The MAP end conversation (issue #12), pure: the questions of 001 Bijlage 2 as data, the check of a
// preparation against them, and the rule for the outcome.
// R-MAP-3: "the end conversation follows the format of 001 Bijlage 2". R-MAP-1 (001 §3): "Bij het
// eindgesprek moet blijken dat de inburgeraar voldoende kennis en vaardigheden heeft opgedaan over de
// vastgestelde thema's. Daarnaast moet er ook aan de urennorm zijn voldaan."
import type { IsoDate } from './contract.js';
import { MAP_PRACTICAL_MINIMUM_HOURS, MapThemes } from './participation.js';

/** An open question: the answer is the participant's own words, written down by the provider. */
export interface EndQuestion {
  kind: 'question';
  id: string;
  text: string;
}

/** "(Maak een keuze, meerdere mogelijkheden)": a multiple-choice list of Bijlage 2. */
export interface EndChoiceList {
  kind: 'choices';
  id: ChoiceListId;
  text: string;
  options: readonly { id: string; label: string }[];
}

export interface EndConversationPart {
  id: EndPartId;
  title: string;
  /** The part's lead question in Bijlage 2 ("Waar vind je een baan"). */
  lead: string;
  items: readonly (EndQuestion | EndChoiceList)[];
}

export const EndPartIds = ['realisticJobImage', 'jobChances', 'professionalCompetences', 'employeeCompetences', 'network'] as const;
export type EndPartId = (typeof EndPartIds)[number];
export const ChoiceListIds = ['professionalCompetences', 'employeeCompetences'] as const;
export type ChoiceListId = (typeof ChoiceListIds)[number];

const q = (id: string, text: string): EndQuestion => ({ kind: 'question', id, text });
const opts = (pairs: readonly (readonly [string, string])[]) => pairs.map(([id, label]) => ({ id, label }));

/** 001 Bijlage 2 "Format eindgesprek B1-route Participatie en MAP", in its order and words. */
export const END_CONVERSATION_FORMAT: readonly EndConversationPart[] = [
  {
    id: 'realisticJobImage',
    title: 'Realistisch beroepsbeeld',
    lead: 'Wat voor werk wil je graag doen en wat heb je hiervoor nodig',
    items: [
      q('rjb.formerJob', 'Wat was jouw beroep in land van herkomst?'),
      q('rjb.needs', 'Wat heb je nodig om dit werk ook in Nederland te doen?'),
      q('rjb.feasible', 'Is dit haalbaar? Hoe heb je dit onderzocht?'),
      q('rjb.dreamJob', 'Is dit jou droombaan?'),
      q('rjb.findDreamJob', 'Wat kun je doen om je droombaan te vinden?'),
      q('rjb.how', 'Hoe heb je dit gedaan?'),
      q('rjb.discovered', 'Wat heb je ontdekt?'),
      q('rjb.conclusions', 'Wat zijn je conclusies / hoe is dit afgelopen?'),
    ],
  },
  {
    id: 'jobChances',
    title: 'Beroepskansen',
    lead: 'Waar vind je een baan',
    items: [
      q('jc.ways', 'Op welke manieren kun je in Nederland werk zoeken?'),
      q('jc.vacancy', 'Heb je wel eens een vacature gezien die je leuk vond? Waar heb je die gevonden en wat heb je ermee gedaan?'),
      q('jc.websites', 'Op welke websites kunt je werk zoeken?'),
      q('jc.otherWays', 'Op welke andere manieren kun je werk zoeken?'),
    ],
  },
  {
    id: 'professionalCompetences',
    title: 'Beroepscompetenties',
    lead: 'Hoe kom je aan beroepscompetenties',
    items: [
      q('pc.dutchCulture', 'Wat is een typisch Nederlandse werkcultuur?'),
      q('pc.teachDutch', 'Wat zouden de Nederlanders kunnen leren van jouw werkcultuur? Waarom?'),
      q('pc.howTeach', 'Hoe zou je ze dit willen leren?'),
      q('pc.learnDutch', 'Wat zou je willen leren van de Nederlandse werkcultuur? Waarom?'),
      {
        kind: 'choices',
        id: 'professionalCompetences',
        text: 'Welke beroepscompetenties heb je?',
        options: opts([
          ['nineToFive', '09.00 – 17.00 mentaliteit'],
          ['travel', 'Bereidheid om te reizen'],
          ['ownBusiness', "'Eigen onderneming' vs. onder een baas willen werken"],
          ['pressure', 'Functioneren onder druk/spanning'],
          ['writtenDigital', 'Schriftelijk / digitaal communiceren'],
          ['independence', 'Zelfstandigheid (digitaal) alles zelf doen'],
          ['courage', "'Durf' (je fouten te maken, ergens op af te gaan, zelf te doen?)"],
        ]),
      },
      q('pc.howAcquire', 'Hoe kom je aan deze beroepscompetenties?'),
    ],
  },
  {
    id: 'employeeCompetences',
    title: 'Werknemerscompetenties',
    lead: 'Welke competenties verwacht een werkgever van jou?',
    items: [
      {
        kind: 'choices',
        id: 'employeeCompetences',
        text: 'Welke competenties verwacht een werkgever van jou?',
        options: opts([
          ['adaptability', 'Aanpassingsvermogen'],
          ['criticalThinking', 'Kritisch denkend'],
          ['networking', 'Netwerkvaardigheid'],
          ['customerFocus', 'Klantgerichtheid'],
          ['selfReliance', 'Zelfredzaamheid in je taken'],
          ['selfDirection', 'Zelfsturing, zonder hulp initiatief nemen, uitzoeken, beslissen'],
          ['communication', "Communiceren/werkrelatie (met leidinggevende/collega's/leveranciers/klanten)"],
          ['precision', 'Vakvaardigheden/precisie/nauwkeurigheid'],
          ['flexibility', 'Flexibiliteit vs. de Regel'],
          ['jargon', 'Vaktaal'],
          ['digital', 'Digitale vaardigheden'],
          ['social', 'Sociale vaardigheden'],
          ['proactive', 'Pro actief'],
        ]),
      },
      q('ec.tasks', 'Wat zijn de taken die bij jouw beroep horen?'),
      q('ec.requirements', 'Wat zijn de eisen die bij jouw beroep horen?'),
      q('ec.meetRequirements', 'Voldoe jij aan die eisen? Leg dit uit?'),
    ],
  },
  {
    id: 'network',
    title: 'Netwerk opbouwen',
    lead: 'Hoe ziet je netwerk eruit?',
    items: [
      q('nw.now', 'Hoe ziet je netwerk eruit?'),
      q('nw.build', 'Hoe kun je dit opbouwen/uitbouwen'),
      q('nw.aware', 'Bewust van het belang...'),
      q('nw.help', 'Wie kan je daarbij helpen?'),
      q('nw.engage', 'Leren inschakelen? Hoe doe je dat?'),
      q('nw.sites', 'Maak je gebruik van netwerksites (LinkedIn)'),
    ],
  },
];

export const END_QUESTION_IDS: readonly string[] = END_CONVERSATION_FORMAT.flatMap((p) => p.items.filter((i): i is EndQuestion => i.kind === 'question').map((i) => i.id));

const choiceList = (id: ChoiceListId): EndChoiceList => {
  for (const p of END_CONVERSATION_FORMAT) for (const i of p.items) if (i.kind === 'choices' && i.id === id) return i;
  throw new Error(`no choice list ${id}`);
};

export const MAX_ANSWER_LENGTH = 2000;

/** What the provider records: the answers per question id and the competences chosen per list. */
export interface EndPreparation {
  answers: Readonly<Record<string, string>>;
  choices: Readonly<Record<ChoiceListId, readonly string[]>>;
}

export interface PreparationIssue {
  /** The field path (answers.<question id> or choices.<list id>). */
  name: string;
  code: 'unknownQuestion' | 'tooLong' | 'unknownChoice' | 'duplicateChoice';
  reason: string;
}

/** Whether a preparation speaks only of Bijlage 2's questions and options; empty answers are allowed (work in progress). */
export function checkPreparation(p: EndPreparation): PreparationIssue[] {
  const out: PreparationIssue[] = [];
  for (const [id, text] of Object.entries(p.answers)) {
    if (!END_QUESTION_IDS.includes(id)) out.push({ name: `answers.${id}`, code: 'unknownQuestion', reason: 'Deze vraag staat niet in het format van het eindgesprek.' });
    else if (text.length > MAX_ANSWER_LENGTH) out.push({ name: `answers.${id}`, code: 'tooLong', reason: `Hoogstens ${MAX_ANSWER_LENGTH} tekens.` });
  }
  for (const list of ChoiceListIds) {
    const allowed = choiceList(list).options.map((o) => o.id);
    const chosen = p.choices[list];
    if (chosen.some((c) => !allowed.includes(c))) out.push({ name: `choices.${list}`, code: 'unknownChoice', reason: 'Kies uit de lijst van het format.' });
    else if (new Set(chosen).size !== chosen.length) out.push({ name: `choices.${list}`, code: 'duplicateChoice', reason: 'Kies elke competentie hoogstens één keer.' });
  }
  return out;
}

/** Per part whether it is prepared: every question answered and, in a part with a list, at least one choice. */
export function preparationProgress(p: EndPreparation): { part: EndPartId; answered: number; questions: number; complete: boolean }[] {
  return END_CONVERSATION_FORMAT.map((part) => {
    const questions = part.items.filter((i): i is EndQuestion => i.kind === 'question');
    const answered = questions.filter((i) => (p.answers[i.id] ?? '').trim() !== '').length;
    const listsChosen = part.items.every((i) => i.kind === 'question' || p.choices[i.id].length > 0);
    return { part: part.id, answered, questions: questions.length, complete: answered === questions.length && listsChosen };
  });
}

export const EndOutcomes = ['sufficient', 'notYet'] as const;
export type EndOutcome = (typeof EndOutcomes)[number];

export interface OutcomeInput {
  heldOn: IsoDate;
  outcome: EndOutcome;
  reason: string | null;
  /** MAP themes done (of the eight) on the day the outcome is recorded. */
  themesDone: number;
  /** The MAP practical part's minutes (R-MAP-1) on that day. */
  practicalMinutes: number;
  today: IsoDate;
}

/**
 * The outcome the municipality may record. "Sufficient" is refused while a theme is not done or the
 * practical part is below 40 hours (001 §3); "not yet" needs a reason, so the participant and the
 * provider know what is still to do (as R-END-2 asks of a goal not reached). The conversation has been
 * held, so its date is not in the future.
 */
export function checkOutcome(o: OutcomeInput): { name: string; code: string; reason: string }[] {
  const out: { name: string; code: string; reason: string }[] = [];
  if (o.heldOn > o.today) out.push({ name: 'heldOn', code: 'future', reason: 'Het eindgesprek is nog niet gehouden: de datum ligt in de toekomst.' });
  if (o.outcome === 'notYet' && (o.reason ?? '').trim() === '') out.push({ name: 'reason', code: 'required', reason: 'Schrijf op waarom het nog niet voldoende is en wat er nog moet gebeuren.' });
  if (o.outcome === 'sufficient') {
    const required = MAP_PRACTICAL_MINIMUM_HOURS * 60;
    if (o.themesDone < MapThemes.length) {
      out.push({ name: 'outcome', code: 'themesNotDone', reason: `Voldoende kan pas als alle ${MapThemes.length} MAP-thema's zijn afgerond (nu ${o.themesDone}).` });
    }
    if (o.practicalMinutes < required) {
      out.push({ name: 'outcome', code: 'hoursNotMet', reason: `Voldoende kan pas als het praktijkdeel minstens ${MAP_PRACTICAL_MINIMUM_HOURS} uur heeft (nu ${hoursText(o.practicalMinutes)}).` });
    }
  }
  return out;
}

function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} uur` : `${h} uur en ${m} minuten`;
}

/**
 * Signal "Eindgesprek MAP plannen": the MAP is ready (all eight themes done, 40 practical hours met)
 * and no conversation is planned or held yet.
 */
export function endConversationToPlan(s: { readyForEndConversation: boolean; planned: boolean; held: boolean }): boolean {
  return s.readyForEndConversation && !s.planned && !s.held;
}
