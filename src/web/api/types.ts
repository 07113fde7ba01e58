// Shapes of the Koers API (/api/v1) as the web app reads them. Names follow GLOSSARY.md.

export type Role =
  | 'consultant'
  | 'policyOfficer'
  | 'providerCoordinator'
  | 'teacher'
  | 'contractManager'
  | 'participant'
  | 'admin';

export type OrganisationKind = 'municipality' | 'provider' | 'region' | 'operator' | 'participant';

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisation: { id: string; kind: OrganisationKind; name: string };
}

export type Route = 'b1' | 'z' | 'education_mbo' | 'education_hbo_wo' | 'b1_entree';
export type Gender = 'female' | 'male' | 'other' | 'unknown';
export type ReferralStatus =
  | 'referred'
  | 'acknowledged'
  | 'intakeInvited'
  | 'intakeNoShow'
  | 'intakeHeld'
  | 'planSubmitted'
  | 'planReturned'
  | 'planApproved'
  | 'planSigned'
  | 'running';

export interface Named {
  id: string;
  name: string;
}

export interface ParticipantSummary {
  id: string;
  givenName: string;
  familyName: string;
  bsnLastFour: string;
  municipality: Named;
  route: Route;
  clientNumber: string | null;
  latestReferralStatus: ReferralStatus | null;
  createdAt: string;
}

export interface ParticipantPage {
  items: ParticipantSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Referral {
  id: string;
  participant: { id: string; givenName: string; familyName: string };
  provider: Named;
  product: { code: string; name: string };
  status: ReferralStatus;
  referredOn: string;
  referredAt: string;
  acknowledgementDueDate: string;
  acknowledgedAt: string | null;
  contractId: string;
  contractVersion: number | string;
}

export interface ParticipantDetail {
  id: string;
  bsnMasked: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: Gender;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  countryOfBirth: string | null;
  motherTongue: string | null;
  inNetherlandsSince: string | null;
  route: Route;
  clientNumber: string | null;
  dutyStartDate: string | null;
  dutyEndDate: string | null;
  impedingHealth: boolean;
  impedingJustice: boolean;
  impedingFinances: boolean;
  municipality: Named;
  createdAt: string;
  referrals: Referral[];
}

export interface NewParticipant {
  bsn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: Gender;
  email?: string;
  phone?: string;
  street?: string;
  houseNumber?: string;
  postcode?: string;
  city?: string;
  countryOfBirth?: string;
  motherTongue?: string;
  inNetherlandsSince?: string;
  route: Route;
  clientNumber?: string;
  dutyStartDate?: string;
  dutyEndDate?: string;
  impedingHealth: boolean;
  impedingJustice: boolean;
  impedingFinances: boolean;
  referral?: { providerId: string; productCode: string };
}

export interface AuditEvent {
  id: string;
  name: string;
  status: 'ok' | 'error';
  startedAt: string;
  actorName: string;
  actorRole: string;
  organisationName: string;
}

export interface ReferralOptions {
  products: { code: string; name: string }[];
  providers: { id: string; name: string; productCodes: string[] }[];
}

export type SignalStatus = 'open' | 'acknowledged' | 'resolved';
export type Party = 'municipality' | 'provider';
export type Urgency = 'overdue' | 'thisWeek' | 'later';

export interface Signal {
  id: string;
  /** `referral.<step>`. */
  cause: string;
  step?: string | null;
  status: SignalStatus;
  addressee: Party;
  dueDate: string;
  urgency?: Urgency;
  raisedOn: string;
  resolvedOn: string | null;
  participant: { id: string; givenName: string; familyName: string } | null;
  referralId: string | null;
  provider: Named | null;
  municipality: Named | null;
  product?: { code: string; name: string } | null;
}

export interface DemoAccounts {
  items: { email: string; role: Role; roleLabel: string; organisationName: string }[];
  password: string;
}

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  invalidParams?: InvalidParam[];
}

export interface ItemList<T> {
  items: T[];
}
