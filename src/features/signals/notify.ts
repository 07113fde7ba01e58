// Mail for the steps and events a contract marks (issue #3 item 6; 001 §1.1: the acknowledgement is
// also signalled to the municipality by mail). Queued in the outbox in the same transaction as the
// signal or step, so a rollback takes the mail with it and a crash after the commit cannot lose it.
// A mail names no participant and no BSN: the municipality's client number and a link suffice.
import { actorOf, type Party } from '../../domain/lifecycle.js';
import type { LifecycleEvent, StepName } from '../../domain/step-names.js';
import type { PendingStep } from '../../domain/steps.js';
import { versionOf, type ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { enqueueMail, recipientsFor } from '../../platform/outbox.js';

/** What a mail needs of its referral (the referrals feature's timeline row has it all). */
export interface MailReferral {
  id: string;
  lockVersion: number;
  municipalityId: string;
  providerId: string;
  participantId: string;
  contractId: string;
  contractVersion: number;
}

const stepText: Record<StepName, string> = {
  acknowledgement: 'ontvangst van de aanmelding bevestigen',
  intakeInvitation: 'uitnodigen voor de intake',
  intakeResult: 'uitkomst van de intake vastleggen',
  noShowFollowUp: 'nieuwe intake afspreken na een no-show',
  learningPlan: 'leerplan opstellen',
  learningPlanApproval: 'leerplan beoordelen',
  learningPlanResubmission: 'aangepast leerplan indienen',
  signedPlan: 'ondertekend leerplan uploaden',
  start: 'starten met het leerplan',
  startClassStart: 'opstartklas laten starten',
  startClassEnd: 'opstartklas afronden',
};

const eventText: Record<LifecycleEvent, string> = {
  acknowledged: 'De aanbieder heeft de ontvangst van de aanmelding bevestigd.',
  intakeInvited: 'De aanbieder heeft uitgenodigd voor de intake.',
  intakeHeld: 'De intake is gehouden.',
  intakeNoShow: 'De inburgeraar is niet verschenen op de intake. Spreek een nieuwe intake af.',
  newIntakeAgreed: 'De gemeente heeft een nieuw intakemoment afgesproken. Nodig de inburgeraar opnieuw uit voor de intake.',
  planSubmitted: 'Er staat een leerplan klaar om te beoordelen.',
  planReturned: 'De gemeente heeft het leerplan teruggestuurd met opmerkingen.',
  planApproved: 'De gemeente heeft het leerplan goedgekeurd.',
  planSigned: 'Het ondertekende leerplan is geüpload.',
  startClassStarted: 'De opstartklas is gestart.',
  started: 'De inburgeraar is gestart met het leerplan.',
};

async function clientRef(tx: Queryable, t: MailReferral): Promise<string> {
  const rows = await tx.query<{ clientNumber: string | null }>('SELECT client_number AS "clientNumber" FROM participant WHERE id = $1', [t.participantId]);
  return rows[0]?.clientNumber ?? `aanmelding ${t.id.slice(0, 8)}`;
}

const orgOf = (t: MailReferral, party: Party) => (party === 'municipality' ? t.municipalityId : t.providerId);
const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** A pending step passed its due date: mail the party that must act, once (the key is the signal identity). */
export async function notifyBreach(tx: Queryable, contracts: ContractRegistry, t: MailReferral, step: PendingStep): Promise<void> {
  if (versionOf(contracts, t)?.mail?.onBreach.includes(step.step) !== true) return;
  const ref = await clientRef(tx, t);
  await enqueueMail(tx, {
    dedupeKey: `breach:referral.${step.step}:${t.id}:${step.period}`,
    municipalityId: t.municipalityId,
    recipients: await recipientsFor(tx, step.party, orgOf(t, step.party)),
    subject: `Koers: te laat — ${stepText[step.step]} (${ref})`,
    body: `De termijn om te ${stepText[step.step]} is verstreken op ${dutch(step.dueDate)}.\nInburgeraar: ${ref}.\nBekijk de aanmelding: /aanmeldingen/${t.id}`,
  });
}

/** A step happened that the contract wants mailed to the other party. */
export async function notifyEvent(tx: Queryable, contracts: ContractRegistry, t: MailReferral, event: LifecycleEvent, occurredOn: string): Promise<void> {
  if (versionOf(contracts, t)?.mail?.onEvent.includes(event) !== true) return;
  const to: Party = actorOf[event] === 'provider' ? 'municipality' : 'provider';
  const ref = await clientRef(tx, t);
  await enqueueMail(tx, {
    dedupeKey: `event:${event}:${t.id}:${t.lockVersion}`,
    municipalityId: t.municipalityId,
    recipients: await recipientsFor(tx, to, orgOf(t, to)),
    subject: `Koers: ${eventText[event]} (${ref})`,
    body: `${eventText[event]}\nDatum: ${dutch(occurredOn)}. Inburgeraar: ${ref}.\nBekijk de aanmelding: /aanmeldingen/${t.id}`,
  });
}
