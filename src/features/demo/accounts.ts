// The demo logins (demo mode only; README lists them). One per role, two municipalities and two
// providers so the isolation between rooms can be tried by hand; Twente's three for its quality register.
import type { Role } from '../../platform/access.js';

export const DEMO_PASSWORD = 'koers-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** Organisation code: municipality, provider or region code; the participant account is linked by the generator. */
  organisation: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'consultant.hoorn@koers.demo', name: 'Sanne de Vries', role: 'consultant', organisation: 'hoorn' },
  { email: 'consultant.enkhuizen@koers.demo', name: 'Ahmed El Amrani', role: 'consultant', organisation: 'enkhuizen' },
  { email: 'beleid.hoorn@koers.demo', name: 'Pieter Bakker', role: 'policyOfficer', organisation: 'hoorn' },
  { email: 'coordinator.taalpunt@koers.demo', name: 'Fatma Yilmaz', role: 'providerCoordinator', organisation: 'taalpunt-westfriesland' },
  { email: 'coordinator.leerhuis@koers.demo', name: 'Joost Visser', role: 'providerCoordinator', organisation: 'leerhuis-noord' },
  { email: 'docent.taalpunt@koers.demo', name: 'Marieke Jansen', role: 'teacher', organisation: 'taalpunt-westfriesland' },
  { email: 'contractmanager.nwo@koers.demo', name: 'Karin Smit', role: 'contractManager', organisation: 'westfriesland' },
  { email: 'inburgeraar@koers.demo', name: 'Demo-inburgeraar', role: 'participant', organisation: 'hoorn' },
  { email: 'beheer@koers.demo', name: 'Functioneel beheer', role: 'admin', organisation: 'operator' },
];

/**
 * The participation provider's coordinator (issue #12). Loaded by the participation demo
 * (participation.ts), not the generator's staff loop, so the generator's seeded stream — and every
 * row it draws — stays as it was.
 */
export const DEMO_PARTICIPATION_COORDINATOR: DemoAccount = { email: 'coordinator.werkwijs@koers.demo', name: 'Noor Hendriks', role: 'providerCoordinator', organisation: 'werkwijs-participatie' };

/**
 * Twente's covenant (003) in the demo's quality register (issue #14): its contract manager and the
 * coordinators of its two contracted providers. Loaded by quality-register.ts with seeded ids of its own.
 */
export const DEMO_TWENTE_LOGINS = [
  { email: 'contractmanager.twente@koers.demo', name: 'Evi Brouwer', role: 'contractManager', organisation: 'twente' },
  { email: 'coordinator.taalschool@koers.demo', name: 'Daan Mulder', role: 'providerCoordinator', organisation: 'taalschool-twente' },
  { email: 'coordinator.centrumoost@koers.demo', name: 'Lotte de Boer', role: 'providerCoordinator', organisation: 'nt2-centrum-oost' },
] as const satisfies readonly DemoAccount[];

/**
 * Enschede's consultant (issue #14, R-QLT-3): refers Twente participants, so the referral form shows the
 * excluded NT2 Centrum Oost as not to be chosen. Loaded by twente-consultant.ts with its own seeded stream.
 */
export const DEMO_TWENTE_CONSULTANT: DemoAccount = { email: 'consultant.enschede@koers.demo', name: 'Bram Nijhuis', role: 'consultant', organisation: 'enschede' };

/** Hoorn's privacy officer (issue #17, R-SEC-2): searches the audit log. Loaded by privacy-officer.ts. */
export const DEMO_PRIVACY_OFFICER: DemoAccount = { email: 'privacy.hoorn@koers.demo', name: 'Ilse Vermeer', role: 'privacyOfficer', organisation: 'hoorn' };

/** Every demo login, in the order the login page and the CLI list them (the page only those loaded). */
export const DEMO_LOGINS: readonly DemoAccount[] = [...DEMO_ACCOUNTS.slice(0, 3), DEMO_PRIVACY_OFFICER, ...DEMO_ACCOUNTS.slice(3, 5), DEMO_PARTICIPATION_COORDINATOR, ...DEMO_ACCOUNTS.slice(5), ...DEMO_TWENTE_LOGINS, DEMO_TWENTE_CONSULTANT];

export const ROLE_LABELS: Record<Role, string> = {
  consultant: 'consulent',
  policyOfficer: 'beleidsmedewerker',
  privacyOfficer: 'privacyfunctionaris',
  providerCoordinator: 'coördinator aanbieder',
  teacher: 'docent',
  contractManager: 'contractmanager',
  participant: 'inburgeraar',
  admin: 'functioneel beheerder',
  providerSystem: 'koppeling (API-sleutel)',
};
