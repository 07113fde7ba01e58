// Issue #14 (R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4): the Twente covenant's quality register in the demo, with
// its own logins — Twente's contract manager and the coordinators of its two providers — since the demo
// region (Westfriesland, 000) has no covenant, screening or teacher norm. At the demo's today one provider
// stands in each state of the register (issue #14 acceptance):
// - Taalschool Twente: applied, then admitted after the conversation of 003 art. 5.2 with a mark held
//   only eight months (too short without it); 9 of 10 teachers certified, 1 in training (the norm met at
//   90% / 10%); a screening with one finding still waiting for its answer (hoor en wederhoor), a
//   satisfaction result and a class visit.
// - NT2 Centrum Oost: applied, admitted, then its mark withdrawn and the provider excluded with the
//   registered letter; 7 of 10 certified (below the norm); its screening answered and decided.
// - The four demo providers of contracts/twente.yaml (`assumption: demo provider`, contracted for no
//   product), set by DEMO_STATES below: Taalpunt Noord applied and under screening with items outstanding;
//   NT2 Academie West admitted with a mark of years; Inburgeringshuis Zuid admitted with its mark expired;
//   Taalwerkplaats Centrum admitted with its mark withdrawn last week, no decision yet.
// Rows through the quality store as the screens write them; ids from the seeded stream (seed + 15).
import type { IsoDate } from '../../domain/iso-date.js';
import { addCalendarDays, addMonths } from '../../domain/calendar.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { DEMO_TWENTE_LOGINS } from './accounts.js';
import { insertRow, type QualityTable } from '../quality/store.js';
import { seededRandom, seededUuid } from './seeded.js';

const CONTRACT = 'twente';

/** The demo providers' states (months before today; a mark's start and months valid; withdrawn: days ago). */
const DEMO_STATES = [
  { code: 'taalpunt-noord', kvk: '99993003', applied: 1, admitted: null, mark: { since: 14, months: 36 }, withdrawnDaysAgo: null, screening: true },
  { code: 'nt2-academie-west', kvk: '99993004', applied: 26, admitted: 25, mark: { since: 30, months: 48 }, withdrawnDaysAgo: null, screening: false },
  { code: 'inburgeringshuis-zuid', kvk: '99993005', applied: 34, admitted: 33, mark: { since: 37, months: 36 }, withdrawnDaysAgo: null, screening: false },
  { code: 'taalwerkplaats-centrum', kvk: '99993006', applied: 20, admitted: 19, mark: { since: 22, months: 36 }, withdrawnDaysAgo: 7, screening: false },
] as const;

/** Loads the register; nothing when the Twente contract is not among the contracts. */
export async function loadDemoQualityRegister(tx: Tx, contracts: ContractRegistry, today: IsoDate, seed: number, passwordHash: string): Promise<void> {
  const contract = contracts.byId(CONTRACT);
  if (contract === undefined || !contract.providers.some((p) => p.code === 'taalschool-twente') || !contract.providers.some((p) => p.code === 'nt2-centrum-oost')) return;
  const rand = seededRandom(seed + 15);
  const [manager, coordinator, oostCoordinator] = [seededUuid(rand), seededUuid(rand), seededUuid(rand)];
  const [m, c, o] = DEMO_TWENTE_LOGINS;
  await tx.query(`INSERT INTO app_user (id, email, name, password_hash, role, region_id) VALUES ($1, $2, $3, $4, 'contractManager', $5)`, [manager, m.email, m.name, passwordHash, organisationId('region', contract.region.code)]);
  for (const [id, login] of [[coordinator, c], [oostCoordinator, o]] as const) {
    await tx.query(`INSERT INTO app_user (id, email, name, password_hash, role, provider_id) VALUES ($1, $2, $3, $4, 'providerCoordinator', $5)`, [id, login.email, login.name, passwordHash, organisationId('provider', login.organisation)]);
  }

  const ago = (months: number, days = 0) => addCalendarDays(addMonths(today, -months), -days);
  // The row's id from the seeded stream (insertRow takes a given id over its own random one).
  const row = async (table: QualityTable, values: Record<string, unknown>, on: IsoDate, by = manager) => {
    const id = seededUuid(rand);
    await insertRow(tx, table, { ...values, id }, { userId: by, at: new Date(`${on}T10:00:00Z`) });
    return id;
  };
  const keyless = (table: QualityTable, values: Record<string, unknown>, on: IsoDate, by = manager) => insertRow(tx, table, values, { userId: by, at: new Date(`${on}T10:00:00Z`) });
  const teachers = async (providerId: string, counts: { certified: number; inTraining: number }, on: IsoDate, prefix: string, by: string) => {
    const list = [...Array.from({ length: counts.certified }, () => 'certified'), ...Array.from({ length: counts.inTraining }, () => 'inTraining')];
    for (const [i, qualification] of list.entries()) {
      const id = await row('teacher', { provider_id: providerId, registered_on: on }, on, by);
      await keyless('teacher_version', { teacher_id: id, version: 1, name: `${prefix} ${String(i + 1)}`, qualification, alfa_specialised: i % 3 === 0, vog_on: null, left_on: null }, on, by);
    }
  };
  const membership = (providerId: string, sequence: number, state: string, on: IsoDate, extra: { grounds?: string; conversation_on?: IsoDate; letter_sent_on?: IsoDate } = {}) =>
    row('covenant_membership', { contract_id: CONTRACT, provider_id: providerId, sequence, state, effective_on: on, grounds: extra.grounds ?? '', conversation_on: extra.conversation_on ?? null, letter_sent_on: extra.letter_sent_on ?? null }, on);

  // Taalschool Twente: a young mark, admitted after the conversation (003 art. 5.1–5.2).
  const school = organisationId('provider', 'taalschool-twente');
  await row('provider_kvk_record', { provider_id: school, kvk_number: '99993001', trade_name: 'Taalschool Twente', legal_form: 'Besloten vennootschap', address: 'Voorbeeldstraat 1, 1900 ZZ Voorbeeldstad', checked_on: ago(7) }, ago(7));
  const mark = await row('quality_mark', { provider_id: school, since: ago(8), valid_until: addMonths(ago(8), 36) }, ago(7));
  await row('quality_audit_report', { mark_id: mark, title: 'Audit Blik op Werk Keurmerk Inburgering', audited_on: ago(8, 10), summary: 'Keurmerk verleend; aandacht voor de registratie van de docenten.' }, ago(7));
  await membership(school, 1, 'applied', ago(7));
  await membership(school, 2, 'admitted', ago(6), { grounds: 'Keurmerk korter dan een jaar; in het gesprek met de Projectgroep aangetoond dat de kwaliteit voldoet (003 art. 5.2).', conversation_on: ago(6, 7) });
  await teachers(school, { certified: 9, inTraining: 1 }, ago(6), 'Docent Taalschool', coordinator);
  const screening = await row('screening', { contract_id: CONTRACT, provider_id: school, started_on: addCalendarDays(today, -20), reason: 'Jaarlijkse screening van de convenantpartners (003 art. 4.1).' }, addCalendarDays(today, -20));
  for (const item of ['kvk', 'auditReports', 'nt2TeacherList'])
    await row('screening_item_receipt', { screening_id: screening, item, received_on: addCalendarDays(today, -15), note: null }, addCalendarDays(today, -15));
  await row('screening_finding', { screening_id: screening, text: 'De risicocheck van de Inspectie SZW is niet aangeleverd.', found_on: addCalendarDays(today, -10) }, addCalendarDays(today, -10));
  await row('satisfaction_result', { contract_id: CONTRACT, provider_id: school, surveyed_on: ago(2), conducted_by: 'blikOpWerk', score: 7.8, respondents: 41, summary: 'Tevreden over de lessen; wachttijd voor de intake te lang.' }, ago(2));
  await row('class_visit', { contract_id: CONTRACT, provider_id: school, visited_on: ago(1), announced: false, findings: 'Goede les op B1-niveau; de groep was groter dan afgesproken.' }, ago(1));

  // NT2 Centrum Oost: admitted years ago, its mark withdrawn, excluded with the registered letter (003 art. 4.4, 14).
  const oost = organisationId('provider', 'nt2-centrum-oost');
  await row('provider_kvk_record', { provider_id: oost, kvk_number: '99993002', trade_name: 'NT2 Centrum Oost', legal_form: 'Besloten vennootschap', address: 'Voorbeeldstraat 2, 1901 ZZ Voorbeeldstad', checked_on: ago(30) }, ago(30));
  const oldMark = await row('quality_mark', { provider_id: oost, since: ago(40), valid_until: addMonths(ago(40), 48) }, ago(30));
  await membership(oost, 1, 'applied', ago(30));
  await membership(oost, 2, 'admitted', ago(29));
  await teachers(oost, { certified: 7, inTraining: 3 }, ago(29), 'Docent Centrum Oost', oostCoordinator);
  const check = await row('screening', { contract_id: CONTRACT, provider_id: oost, started_on: ago(4), reason: 'Signaal van Blik op Werk over de audit.' }, ago(4));
  const finding = await row('screening_finding', { screening_id: check, text: 'Het keurmerk is geschorst na de laatste audit.', found_on: ago(4) }, ago(4));
  await row('screening_response', { finding_id: finding, text: 'Wij hebben bezwaar gemaakt bij Blik op Werk.', responded_on: ago(3, 20) }, ago(3, 20), oostCoordinator);
  await keyless('quality_mark_withdrawal', { mark_id: oldMark, withdrawn_on: ago(3), reason: 'Ingetrokken door Blik op Werk na de audit.' }, ago(3));
  await keyless('screening_decision', { screening_id: check, outcome: 'exclusion', grounds: 'Keurmerk ingetrokken; de aanbieder voldoet niet meer aan 003 art. 5.1.', decided_on: ago(2, 20) }, ago(2, 20));
  await membership(oost, 3, 'excluded', ago(2, 15), { grounds: 'Keurmerk ingetrokken (003 art. 4.4, 14.3); verbetermogelijkheid geboden in het gesprek van de screening.', letter_sent_on: ago(2, 15) });

  // The demo providers, where the contract file names them; no teachers (the compliance line says so).
  for (const d of DEMO_STATES) {
    const name = contract.providers.find((p) => p.code === d.code)?.name;
    if (name === undefined) continue;
    const id = organisationId('provider', d.code);
    await row('provider_kvk_record', { provider_id: id, kvk_number: d.kvk, trade_name: name, legal_form: 'Besloten vennootschap', address: null, checked_on: ago(d.applied) }, ago(d.applied));
    const markId = await row('quality_mark', { provider_id: id, since: ago(d.mark.since), valid_until: addMonths(ago(d.mark.since), d.mark.months) }, ago(d.applied));
    await membership(id, 1, 'applied', ago(d.applied));
    if (d.admitted !== null) await membership(id, 2, 'admitted', ago(d.admitted));
    if (d.withdrawnDaysAgo !== null) await keyless('quality_mark_withdrawal', { mark_id: markId, withdrawn_on: addCalendarDays(today, -d.withdrawnDaysAgo), reason: 'Geschorst door Blik op Werk in afwachting van een heraudit.' }, addCalendarDays(today, -d.withdrawnDaysAgo));
    if (d.screening) {
      // Under screening: the KvK extract is in, the audit reports, the risk check and the teacher list are outstanding (003 art. 4.2).
      const s = await row('screening', { contract_id: CONTRACT, provider_id: id, started_on: ago(0, 25), reason: 'Aanmelding als convenantpartner (003 art. 4.1).' }, ago(0, 25));
      await row('screening_item_receipt', { screening_id: s, item: 'kvk', received_on: ago(0, 20), note: null }, ago(0, 20));
    }
  }
}
