// The mail outbox (issue #3 item 6, ARCHITECTURE §2.8-2.9). A mail is a row written with the same
// transaction handle as the change that caused it: a rollback takes the mail with it, and a commit keeps
// it even if the process dies before anything is sent. src/platform/mailer.ts delivers the rows.
//
// What goes into a mail is shown to admins in the outbox list and leaves the system by SMTP, so a mail
// holds no BSN and no participant name: only the municipality's client number or the referral id, the
// step, the due date and a link path (the reader logs in to see the rest).
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.js';

/** A file sent with a mail (migration 0018): the PDF of an invoice (issue #11). No BSN, no person name in the name. */
export interface OutboxAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface OutboxMail {
  /**
   * The identity of the mail, e.g. the signal identity plus the kind of mail. The same key enqueued
   * again (the signal engine re-runs, a request is retried) adds nothing.
   */
  dedupeKey: string;
  municipalityId: string | null;
  recipients: readonly string[];
  subject: string;
  body: string;
  /** Files, in this order, stored with each recipient's row (outbox_attachment). */
  attachments?: readonly OutboxAttachment[];
}

/**
 * Writes one outbox row per recipient, keyed `${dedupeKey}:${recipient}`, and returns how many rows
 * are new. Pass the business transaction: the mail then commits or rolls back with the change.
 */
export async function enqueueMail(tx: Queryable, mail: OutboxMail): Promise<number> {
  // Addresses are compared case-insensitively by everyone who sends mail; doing the same here keeps
  // "A@x.nl" and "a@x.nl" from making two rows (and two mails) for one person.
  const recipients = [...new Set(mail.recipients.map((r) => r.trim().toLowerCase()).filter((r) => r !== ''))];
  if (recipients.length === 0) return 0;
  const values: unknown[] = [];
  const add = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const municipality = add(mail.municipalityId);
  const subject = add(mail.subject);
  const body = add(mail.body);
  const tuples = recipients.map((r) => `(${add(randomUUID())}, ${add(`${mail.dedupeKey}:${r}`)}, ${municipality}::uuid, ${add(r)}, ${subject}, ${body})`);
  // One statement for all recipients. A concurrent transaction enqueueing the same key waits on the
  // unique index and then does nothing, so two racing engine runs still make one row.
  const inserted = await tx.query(
    `INSERT INTO outbox (id, dedupe_key, municipality_id, recipient, subject, body)
     VALUES ${tuples.join(', ')}
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    values,
  );
  // Only the rows this call made get the files: a repeated key adds no second copy.
  const files = mail.attachments ?? [];
  for (const row of inserted as { id: string }[]) {
    for (const [position, f] of files.entries()) {
      await tx.query(`INSERT INTO outbox_attachment (outbox_id, position, file_name, content_type, content) VALUES ($1, $2, $3, $4, $5)`, [row.id, position, f.fileName, f.contentType, f.content]);
    }
  }
  return inserted.length;
}

/**
 * The addresses a party's mail goes to: the consultants of a municipality, or the provider
 * coordinators of a provider. Sorted, so the rows of one mail are written in a stable order.
 */
export async function recipientsFor(q: Queryable, party: 'municipality' | 'provider', organisationId: string): Promise<string[]> {
  const rows =
    party === 'municipality'
      ? await q.query<{ email: string }>(`SELECT email FROM app_user WHERE role = 'consultant' AND municipality_id = $1 ORDER BY email`, [organisationId])
      : await q.query<{ email: string }>(`SELECT email FROM app_user WHERE role = 'providerCoordinator' AND provider_id = $1 ORDER BY email`, [organisationId]);
  return rows.map((r) => r.email);
}
