// Issue #17: the roles a staff account can be made with in Koers, and the kind of organisation each
// belongs to (the app_user_organisation check of migration 0033 says the same in the database). A
// participant's account comes from DigiD, a provider system's is an API key: neither is made by hand.
// One table for the server (src/features/users) and the web form (src/web/pages/users).
export const StaffRoles = ['consultant', 'policyOfficer', 'privacyOfficer', 'providerCoordinator', 'teacher', 'contractManager', 'admin'] as const;
export type StaffRole = (typeof StaffRoles)[number];

export const ORGANISATION_KIND_OF_ROLE: Readonly<Record<StaffRole, 'municipality' | 'provider' | 'region' | 'none'>> = {
  consultant: 'municipality',
  policyOfficer: 'municipality',
  privacyOfficer: 'municipality',
  providerCoordinator: 'provider',
  teacher: 'provider',
  contractManager: 'region',
  admin: 'none',
};
