// Dutch UI words (GLOSSARY.md, UI column).
import type { Gender, Role, Route, ReferralStatus, SignalStatus, User } from '../api/types';

export const roleLabels: Record<Role, string> = {
  consultant: 'consulent',
  policyOfficer: 'beleidsmedewerker',
  providerCoordinator: 'coördinator aanbieder',
  teacher: 'docent',
  contractManager: 'contractmanager',
  participant: 'inburgeraar',
  admin: 'functioneel beheerder',
};

export function roleLabel(role: string): string {
  return role in roleLabels ? roleLabels[role as Role] : role;
}

export const routeLabels: Record<Route, string> = {
  b1: 'B1-route',
  z: 'Z-route',
  education_mbo: 'Onderwijsroute mbo',
  education_hbo_wo: 'Onderwijsroute hbo/wo',
  b1_entree: 'B1-entree',
};

export const routeOptions = Object.entries(routeLabels) as [Route, string][];

export function routeLabel(route: string): string {
  return route in routeLabels ? routeLabels[route as Route] : route;
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
};

export function referralStatusLabel(status: ReferralStatus | null): string {
  return status ? referralStatusLabels[status] : 'Geen aanmelding';
}

export const signalStatusLabels: Record<SignalStatus, string> = {
  open: 'Open',
  acknowledged: 'In behandeling',
  resolved: 'Afgehandeld',
};

const signalCauseLabels: Record<string, string> = {
  'referral.acknowledgementOverdue': 'Ontvangstbevestiging van de aanmelding is te laat',
};

export function signalCauseLabel(cause: string): string {
  return signalCauseLabels[cause] ?? `Signaal (${cause})`;
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
  'signal.list': 'Signaal in de werklijst getoond',
  'access.denied': 'Toegang geweigerd',
};

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

/** R-REF-1: consultants refer. The server decides; this only hides what the role cannot use. */
export function canRefer(user: User): boolean {
  return user.role === 'consultant';
}

export function canAcknowledge(user: User): boolean {
  return user.role === 'providerCoordinator';
}

export function canSeeAuditLog(user: User): boolean {
  return user.role === 'consultant';
}

/** Contract managers and participants have no participant list (R-SEC-1, SPEC §0). */
export function canListParticipants(user: User): boolean {
  return user.organisation.kind === 'municipality' || user.organisation.kind === 'provider';
}

export function seesIncomingReferrals(user: User): boolean {
  return user.organisation.kind === 'provider';
}
