-- Mail outbox (issue #3 item 6, ARCHITECTURE §2.8-2.9): a signal the contract marks for mail is
-- written here in the transaction of the change that raised it, and a background sender delivers it.

CREATE TABLE outbox (
  id uuid PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  municipality_id uuid REFERENCES municipality(id),
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  sent_at timestamptz,
  last_error text,
  -- 'sent' and sent_at go together, so the admin list never shows a sent mail without a time.
  CONSTRAINT outbox_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

COMMENT ON TABLE outbox IS
  'Transactional outbox for mail (ARCHITECTURE §2.9). A row is inserted in the same transaction as the '
  'business change, so a rollback takes the mail with it and a commit keeps it even when the process dies '
  'before sending. Delivery is at-least-once: a sender claims rows (pending -> sending, SKIP LOCKED, so '
  'each row goes to one of several app instances), sends, then marks sent; a claim older than 5 minutes '
  'is taken over, so a crash between SMTP accept and the sent mark resends. Every attempt carries the same '
  'Message-ID (<sha256(dedupe_key)@koers>), so the receiver recognises a resend as the same message. '
  'Mails hold no BSN and no participant name: only the municipality''s client number or the referral id, '
  'the step, the due date and a link path; the table is shown to admins.';
COMMENT ON COLUMN outbox.dedupe_key IS
  'Identity of the mail per recipient: <signal identity>:<recipient>. Enqueueing again is a no-op (ON CONFLICT DO NOTHING), so re-running the signal engine never doubles a mail.';
COMMENT ON COLUMN outbox.municipality_id IS 'The municipality the mail concerns (Citus distribution key, ARCHITECTURE §2.10); null for mail about no municipality.';
COMMENT ON COLUMN outbox.status IS
  'pending: waiting (or waiting for a retry); sending: claimed by a sender at claimed_at; sent: accepted by the SMTP server; failed: gave up after 5 attempts.';
COMMENT ON COLUMN outbox.attempts IS 'Number of claims. Each claim increments it, so (id, attempts) identifies one claim: a slow sender cannot undo a newer claim''s outcome.';
COMMENT ON COLUMN outbox.claimed_at IS 'When the row was last claimed; a sending row whose claim is older than 5 minutes belongs to a sender that died, and pending rows wait for their retry back-off from here.';
COMMENT ON COLUMN outbox.last_error IS 'The SMTP error of the last failed attempt (shortened), for the admin.';

-- The sender's claim: the oldest waiting rows.
CREATE INDEX outbox_waiting ON outbox (created_at) WHERE status IN ('pending','sending');
-- The admin list: newest first, optionally by status.
CREATE INDEX outbox_list ON outbox (status, created_at DESC);
CREATE INDEX outbox_created ON outbox (created_at DESC);
