// The report in plain Dutch for the participant (R-HRS-4: the report is shared with the participant;
// the brief: a participant with A2 Dutch). Short sentences, common words, one fact per sentence. Pure.
import type { ReportContent } from './schemas.js';

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const dateNl = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
const skillNl = { reading: 'lezen', writing: 'schrijven', listening: 'luisteren', speaking: 'spreken' } as const;

const statusNl = {
  onTrack: 'Het gaat goed. U ligt op schema.',
  atRisk: 'Let op: het gaat nu langzamer dan nodig.',
  behind: 'U loopt achter. We kijken samen wat helpt.',
} as const;

/** `normPercent`: the attendance norm of the referral's contract version (R-ATT-3), not a fixed 80%. */
export function plainDutch(kind: 'progress' | 'final', submittedOn: string | null, c: ReportContent, targetHours: number, normPercent: number): string[] {
  const out: string[] = [];
  out.push(kind === 'final' ? 'Dit is uw eindverslag.' : 'Dit is uw voortgangsverslag.');
  if (submittedOn !== null) out.push(`Uw taalschool heeft het verslag gemaakt op ${dateNl(submittedOn)}.`);
  out.push(`U heeft ${Math.floor(c.hoursMade)} uur les gehad. Het doel is ${targetHours} uur.`);
  if (c.attendancePercentage !== null) {
    const pct = Math.floor(c.attendancePercentage);
    out.push(`U was bij ${pct}% van de lessen.${c.attendancePercentage < normPercent ? ` Dat is te weinig: de regel is ${normPercent}%.` : ''}`);
  }
  out.push(statusNl[c.status]);
  const tested = (Object.keys(skillNl) as (keyof typeof skillNl)[]).filter((s) => c.testResults[s] !== null);
  if (tested.length > 0) out.push(`Uw niveau nu: ${tested.map((s) => `${skillNl[s]} ${String(c.testResults[s])}`).join(', ')}.`);
  if (c.expectedEndLevel !== null) out.push(`Wij verwachten dat u niveau ${c.expectedEndLevel} haalt.`);
  if (c.expectedExamDate !== null) out.push(`U doet waarschijnlijk examen rond ${dateNl(c.expectedExamDate)}.`);
  if (c.scaling !== '') out.push(`Over uw niveau: ${c.scaling}`);
  if (c.interventions !== '') out.push(`Wat we gaan doen: ${c.interventions}`);
  if (kind === 'final' && c.goalsReached !== null) out.push(c.goalsReached ? 'U heeft uw doelen gehaald.' : 'U heeft niet alle doelen gehaald.');
  if (kind === 'final' && c.advice !== '') out.push(`Ons advies: ${c.advice}`);
  out.push('Heeft u vragen? Praat erover met uw docent of met de gemeente.');
  return out;
}
