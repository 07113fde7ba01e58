// Dutch UI words (GLOSSARY.md, UI column).
import { ROUTE_NAMES, routeNameNl, routePlainNl } from '../../domain/route-names';
import type { StepName } from '../api/lifecycleTypes';
import type { Gender, Party, Role, Route, ReferralStatus, SignalStatus, User } from '../api/types';

export const roleLabels: Record<Role, string> = {
  consultant: 'consulent',
  policyOfficer: 'beleidsmedewerker',
  privacyOfficer: 'privacyfunctionaris',
  providerCoordinator: 'coördinator aanbieder',
  teacher: 'docent',
  contractManager: 'contractmanager',
  participant: 'inburgeraar',
  admin: 'functioneel beheerder',
  // A provider's own system logging in by API key (R-EXC-1); never a person in the web app.
  providerSystem: 'systeemkoppeling aanbieder',
};

export function roleLabel(role: string): string {
  return role in roleLabels ? roleLabels[role as Role] : role;
}

// Route names come from the one table of the server (src/domain/route-names.ts), shared with the PDFs.
export const routeLabels: Record<Route, string> = Object.fromEntries(Object.entries(ROUTE_NAMES).map(([code, name]) => [code, name.nl])) as Record<Route, string>;

export const routeOptions = Object.entries(routeLabels) as [Route, string][];

export function routeLabel(route: string): string {
  return routeNameNl(route);
}

/** The route in plain Dutch, for the participant (A2). */
export function routePlainLabel(route: string): string {
  return routePlainNl(route);
}

export const genderLabels: Record<Gender, string> = {
  female: 'Vrouw',
  male: 'Man',
  other: 'Anders',
  unknown: 'Onbekend',
};

export const genderOptions = Object.entries(genderLabels) as [Gender, string][];

export const referralStatusLabels: Record<ReferralStatus, string> = {
  referred: 'Aangemeld',
  acknowledged: 'Ontvangst bevestigd',
  intakeInvited: 'Uitgenodigd voor intake',
  intakeNoShow: 'Niet verschenen op intake',
  intakeHeld: 'Intake gehouden',
  planSubmitted: 'Leerplan ter goedkeuring',
  planReturned: 'Leerplan teruggestuurd',
  planApproved: 'Leerplan goedgekeurd',
  planSigned: 'Leerplan ondertekend',
  running: 'Gestart',
};

export function referralStatusLabel(status: ReferralStatus | null): string {
  if (!status) return 'Geen aanmelding';
  return status in referralStatusLabels ? referralStatusLabels[status] : status;
}

/** R-REF-2: the pending steps, as the party that must act reads them. */
export const stepLabels: Record<StepName, string> = {
  acknowledgement: 'Ontvangst bevestigen',
  intakeInvitation: 'Uitnodigen voor intake',
  intakeResult: 'Uitkomst intake vastleggen',
  noShowFollowUp: 'Nieuwe intake afspreken na no-show',
  learningPlan: 'Leerplan opstellen',
  learningPlanApproval: 'Leerplan beoordelen',
  learningPlanResubmission: 'Aangepast leerplan indienen',
  signedPlan: 'Ondertekend leerplan uploaden',
  start: 'Starten met het leerplan',
  startClassStart: 'Opstartklas laten starten',
  startClassEnd: 'Opstartklas afronden (uiterlijk)',
};

export function stepLabel(step: string): string {
  return step in stepLabels ? stepLabels[step as StepName] : step;
}

export const partyLabels: Record<Party, string> = {
  municipality: 'Gemeente',
  provider: 'Aanbieder',
};

export const signalStatusLabels: Record<SignalStatus, string> = {
  open: 'Open',
  acknowledged: 'Gezien',
  resolved: 'Afgehandeld',
};

/** Signals about a participant's progress (issue #5), by cause. */
const progressCauseLabels: Record<string, string> = {
  'progress.testDue': 'Voortgangstoets afnemen',
  'progress.reportDue': 'Voortgangsrapportage indienen',
  'report.finalDue': 'Eindrapportage',
  'scaling.decisionDue': 'Beslissing over af-/opschaling',
  'scaling.levelDue': 'Nieuw niveau invoeren',
  'exam.passRateLow': 'Slagingspercentage onder de norm van het contract: analyse en plan van aanpak',
  // R-INV-4: earned products not yet on a sent invoice; the due date is the contract's invoice term.
  'invoice.sendDue': 'Verdiende onderdelen declareren',
  // R-CON-8, R-MI-6: a periodic report (management information, content report, …) to submit.
  'periodicReport.due': 'Rapportage indienen',
  'periodicReport.late': 'Rapportage te laat: nog niet ingediend',
  // R-CM-1 (issue #14): an action item of a contract meeting, owned by the provider, past its date.
  'meetingAction.overdue': 'Actiepunt uit het contractoverleg over de datum',
  'participantEscalation.checkInOverdue': 'Wekelijkse monitoring van het verbeterplan niet gehouden',
  'duo.event': 'DUO meldt een gebeurtenis',
  // R-QLT-2, R-QLT-3 (issue #14): the quality register's signals.
  'quality.markConcern': 'Keurmerk Blik op Werk korter dan een jaar, verlopen of ingetrokken',
  'quality.teacherNorm': 'Docenten voldoen niet aan de norm van het contract',
  'quality.providerExcluded': 'Aanbieder uitgesloten van het convenant: adviseer de inburgeraar over te stappen',
  // 001 §2.3.2: in the Z-route participation, a meeting with the municipality per 200 hours spent.
  'participation.meetingDue': 'Overleg met de gemeente plannen: weer 200 participatie-uren besteed',
  // 001 §3: the MAP's eight themes are done and the 40 practical hours met; the municipality holds the end conversation.
  'map.endConversationDue': 'Eindgesprek MAP plannen',
  // R-ATT-4: the absence protocol's signals.
  'absence.firstNoShow': 'Eerste keer niet afgemeld afwezig: contact opnemen',
  'absence.repeatedNoShow': 'Opnieuw niet afgemeld afwezig',
  'absence.frequent': 'Drie keer afwezig deze maand: waarschuwing',
  'absence.warnParticipant': 'Officiële waarschuwing aan inburgeraar sturen',
  'absence.longerThanWeek': 'Langer dan een week afwezig',
  'attendance.belowNorm': 'Aanwezigheid onder de norm',
};

/** A signal's cause is `referral.<step>` (R-SIG-1); its label is the step to take. */
export function signalCauseLabel(cause: string, step?: string | null): string {
  if (cause === 'referral.acknowledgementOverdue') return stepLabels.acknowledgement;
  if (cause in progressCauseLabels) return progressCauseLabels[cause] ?? cause;
  const name = step ?? (cause.startsWith('referral.') ? cause.slice('referral.'.length) : '');
  return name in stepLabels ? stepLabels[name as StepName] : `Signaal (${cause})`;
}

/** A work-list row's words: the cause's label, and the server's note where it says more (a DUO event's own text). */
export function signalLabel(signal: { cause: string; step?: string | null; note?: string | null }): string {
  const label = signalCauseLabel(signal.cause, signal.step);
  return signal.note ? `${label}: ${signal.note}` : label;
}

// The server's audit operations (src/platform/audit.ts `AuditOperation`).
const auditEventLabels: Record<string, string> = {
  'participant.list': 'In een lijst getoond',
  'participant.read': 'Dossier bekeken',
  'participant.create': 'Inburgeraar geregistreerd',
  'participant.searchByBsn': 'Gezocht op BSN',
  'participant.auditRead': 'Logboek bekeken',
  'referral.create': 'Aangemeld bij aanbieder',
  'referral.list': 'Aanmelding in een lijst getoond',
  'referral.acknowledge': 'Ontvangst aanmelding bevestigd',
  'referral.read': 'Aanmelding bekeken',
  'referral.event': 'Stap in de aanmelding vastgelegd',
  'signal.list': 'Signaal in de werklijst getoond',
  'signal.acknowledge': 'Signaal als gezien gemarkeerd',
  'document.list': 'Documenten getoond',
  'document.upload': 'Document toegevoegd',
  'document.download': 'Document gedownload',
  'mail.enqueue': 'E-mail klaargezet',
  'group.read': 'Groep bekeken',
  'group.member': 'Plaatsing in een groep',
  'lesson.read': 'Les bekeken',
  'attendance.record': 'Aanwezigheid vastgelegd',
  'attendance.read': 'Aanwezigheid bekeken',
  'attendance.classify': 'Verzuim beoordeeld',
  'hours.record': 'Uren vastgelegd',
  'hours.read': 'Uren bekeken',
  'progress.read': 'Voortgang bekeken',
  'progress.record': 'Voortgang vastgelegd',
  'report.read': 'Rapportage bekeken',
  'report.download': 'Rapportage gedownload',
  'report.write': 'Rapportage bewerkt',
  'scaling.request': 'Af- of opschaling gevraagd',
  'scaling.decide': 'Besluit over af- of opschaling',
  'route.event': 'Leerroute gewijzigd',
  'access.denied': 'Toegang geweigerd',
  'session.oidcLogin': 'Ingelogd via DigiD of de eigen organisatie',
  'login.succeeded': 'Ingelogd met wachtwoord',
  'login.failed': 'Inloggen mislukt',
  'login.throttled': 'Inlogpoging afgeremd',
  'secondFactor.enrolled': 'Tweede factor ingesteld',
  'secondFactor.verified': 'Tweede factor gecontroleerd',
  'secondFactor.failed': 'Tweede factor onjuist',
  'password.changed': 'Wachtwoord gewijzigd',
  'password.resetRequested': 'Nieuw wachtwoord aangevraagd',
  'password.reset': 'Wachtwoord opnieuw ingesteld',
  'apiKey.create': 'Koppeling (API-sleutel) gemaakt',
  'apiKey.revoke': 'Koppeling (API-sleutel) ingetrokken',
  'outbox.list': 'Uitgaande mail bekeken',
  'import.read': 'Import bekeken',
  'billable.record': 'Declarabele prestatie vastgelegd',
  'invoice.prepare': 'Factuur opgesteld',
  'invoice.check': 'Factuurregel beoordeeld',
  'invoice.status': 'Factuur pro forma of verzonden',
  'invoice.credit': 'Factuurregels gecrediteerd',
  'billable.list': 'Te declareren prestatie in een lijst getoond',
  'invoice.read': 'Factuur bekeken',
  'invoice.evidence': 'Onderbouwing factuurregel bekeken',
  'participation.read': 'Participatieactiviteiten bekeken',
  'participation.record': 'Participatieactiviteit of trede vastgelegd',
  'portfolio.read': 'Portfolio bekeken',
  'portfolio.record': 'Portfolio aangevuld',
  'managementInformation.read': 'Managementinformatie bekeken',
  'managementInformation.submit': 'Rapportage opgeslagen of ingediend',
  'contractManagement.record': 'Contractoverleg of escalatie bijgewerkt',
  'quality.read': 'Kwaliteitsregister bekeken',
  'quality.record': 'Kwaliteitsregister bijgewerkt',
  'complaint.read': 'Klachtenregister bekeken',
  'complaint.record': 'Klacht geregistreerd of bijgewerkt',
  'participantEscalation.read': 'Escalatie bekeken',
  'participantEscalation.record': 'Escalatie bijgewerkt',
  'system.backup': 'Back-up gemaakt',
  'retention.purge': 'Bewaartermijnen toegepast',
  'retention.read': 'Opschoonlogboek ingezien',
  'duo.deliver': 'Gegevens aan DUO geleverd',
  'duo.read': 'Gegevens bij DUO opgevraagd',
  'duo.notification': 'Notificatie van DUO ontvangen',
  'audit.search': 'Logboek doorzocht',
  'user.list': 'Gebruikers bekeken',
  'user.record': 'Gebruiker gemaakt, gewijzigd of beëindigd',
  'contract.record': 'Contractversie geactiveerd',
  'organisation.record': 'Gegevens van een organisatie gewijzigd',
};

/** Every operation with its words, sorted by them: the choices of the audit search (issue #17). */
export const auditOperationOptions: [string, string][] = Object.entries(auditEventLabels).sort(([, a], [, b]) => a.localeCompare(b, 'nl'));

export function auditEventLabel(name: string): string {
  return auditEventLabels[name] ?? name;
}

export function yesNo(value: boolean): string {
  return value ? 'Ja' : 'Nee';
}

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}

export function maskedBsn(lastFour: string): string {
  return `*****${lastFour}`;
}

/** The side of the referral the user is on, if any. */
export function partyOf(user: User): Party | undefined {
  const kind = user.organisation.kind;
  return kind === 'municipality' || kind === 'provider' ? kind : undefined;
}

