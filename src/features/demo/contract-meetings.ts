// Issue #14 (R-CM-1): the demo region's contract management meeting about last quarter, held a few days
// before its due date (000 §3: the third week after the quarter), with an agenda, minutes and three
// actions — one a provider let pass its due date (so the signal engine raises its overdue signal),
// one done, one the contract manager's, still open. Through the store, as the screens would write it.
import type { Contract, IsoDate } from '../../domain/contract.js';
import { addCalendarDays, addMonths, compareDates } from '../../domain/calendar.js';
import { meetingDueDate } from '../../domain/contract-management/meetings.js';
import { periodContaining } from '../../domain/reports/periods.js';
import type { Tx } from '../../platform/db.js';
import { insertAction, insertActionEvent, insertAgendaItem, insertMeeting, insertMinutes } from '../contract-management/store.js';
import { organisationId } from '../organisations/store.js';
import { seededRandom, seededUuid } from './seeded.js';

/** Loads the meeting; nothing when the contract has no contract management meeting or no contract manager. */
export async function loadDemoContractMeetings(tx: Tx, contract: Contract, today: IsoDate, seed: number): Promise<void> {
  const rule = contract.contractManagement?.meetings.find((m) => m.type === 'contract');
  const [manager] = await tx.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'contractManager' AND region_id = $1 ORDER BY email LIMIT 1`, [organisationId('region', contract.region.code)]);
  if (rule === undefined || manager === undefined) return;
  const rand = seededRandom(seed + 14);
  const quarter = periodContaining('quarter', addMonths(today, -3));
  const due = meetingDueDate(rule, quarter) ?? quarter.end;
  const heldOn = addCalendarDays(due, -5);
  // The first action must be overdue by today: too early in a quarter for that, no meeting.
  if (compareDates(addCalendarDays(heldOn, 14), today) >= 0) return;
  const at = new Date(`${heldOn}T10:00:00Z`);
  const by = manager.id;
  const id = seededUuid(rand);
  const providers = contract.providers.map((p) => p.code);
  await insertMeeting(tx, { id, contractId: contract.id, type: 'contract', quarter: quarter.id, regionId: organisationId('region', contract.region.code), heldOn, providers, municipalities: contract.municipalities.map((m) => m.code), at, by });
  const items = [
    { title: `Inhoudelijke en managementrapportages ${quarter.id}`, detail: 'De rapportages van de aanbieders over het kwartaal.' },
    { title: "KPI's en termijnnaleving", detail: 'Participatiegraad en ontvangstbevestigingen binnen de termijn.' },
    { title: 'Rondvraag', detail: '' },
  ];
  for (const item of items) await insertAgendaItem(tx, id, { id: seededUuid(rand), source: 'own', sourceKey: null, ...item }, at, by);
  await insertMinutes(tx, id, 0, `Besproken: de rapportages van ${quarter.id}, de KPI's en de termijnen. Afgesproken: de actiepunten hieronder.`, at, by);
  const [first, second] = providers;
  if (first !== undefined) await insertAction(tx, { id: seededUuid(rand), meetingId: id, description: 'Plan van aanpak voor de ontvangstbevestigingen binnen vijf werkdagen', ownerKind: 'provider', ownerCode: first, dueOn: addCalendarDays(heldOn, 14), at, by });
  if (second !== undefined) {
    const doneId = seededUuid(rand);
    await insertAction(tx, { id: doneId, meetingId: id, description: 'Overzicht van de wachtlijst per gemeente aanleveren', ownerKind: 'provider', ownerCode: second, dueOn: addCalendarDays(heldOn, 21), at, by });
    await insertActionEvent(tx, doneId, 0, 'done', addCalendarDays(heldOn, 10), new Date(`${addCalendarDays(heldOn, 10)}T10:00:00Z`), by);
  }
  await insertAction(tx, { id: seededUuid(rand), meetingId: id, description: 'Cijfers van het kwartaal delen met de beleidsgroep', ownerKind: 'contractManager', ownerCode: null, dueOn: addCalendarDays(today, 20), at, by });
}
