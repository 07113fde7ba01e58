// Names for the wire shapes pages use, all taken from the generated contract (schema.gen.ts, issue #10
// item 1): none is written by hand, so the web cannot drift from the server. Names follow GLOSSARY.md.
import type { Answer, Body, ItemOf } from './wire';

export type { InvalidParam, Problem } from './client';

export type User = Answer<'/api/v1/sessions/current', 'get'>['user'];
export type Role = User['role'];
export type Permission = ItemOf<User['permissions']>;
export type OrganisationKind = User['organisation']['kind'];

export type ParticipantPage = Answer<'/api/v1/participants', 'get'>;
export type ParticipantSummary = ItemOf<ParticipantPage['items']>;
export type ParticipantDetail = Answer<'/api/v1/participants/{id}', 'get'>;
export type NewParticipant = Body<'/api/v1/participants', 'post'>;
export type Route = ParticipantDetail['route'];
export type Gender = ParticipantDetail['gender'];

export type Referral = ItemOf<Answer<'/api/v1/referrals', 'get'>['items']>;
export type ReferralStatus = Referral['status'];
export type ReferralOptions = Answer<'/api/v1/referral-options', 'get'>;
export type AuditEvent = ItemOf<Answer<'/api/v1/participants/{id}/audit-events', 'get'>['items']>;

export type Signal = ItemOf<Answer<'/api/v1/signals', 'get'>['items']>;
export type SignalStatus = Signal['status'];
export type Party = Signal['addressee'];
export type Urgency = Signal['urgency'];

export type DemoAccounts = Answer<'/api/v1/demo-accounts', 'get'>;
