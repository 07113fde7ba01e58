// The demo logins (demo mode only; README lists them). One per role, two municipalities and two
// providers so the isolation between rooms can be tried by hand.
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

export const ROLE_LABELS: Record<Role, string> = {
  consultant: 'consulent',
  policyOfficer: 'beleidsmedewerker',
  providerCoordinator: 'coördinator aanbieder',
  teacher: 'docent',
  contractManager: 'contractmanager',
  participant: 'inburgeraar',
  admin: 'functioneel beheerder',
  providerSystem: 'koppeling (API-sleutel)',
};
