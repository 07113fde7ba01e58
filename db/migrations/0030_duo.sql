-- Issue #15 (R-EXC-4): the exchange with DUO. A delivery (melding-bevestiging, e.g. the PIP of an approved
-- learning plan) is a row written in the same transaction as the change that caused it, like mail
-- (0004_outbox.sql): a rollback takes it along, a commit keeps it through a crash. Its berichtId is fixed
-- when the row is written, so every attempt is the same message and DUO stores it once (at-least-once,
-- idempotent). Senders claim rows with FOR UPDATE SKIP LOCKED (src/features/duo/deliveries.ts), so two
-- instances never send one row at the same time. Neither the BSN nor DUO's URL (which holds the BSN in its
-- path) is stored: the BSN is read from the participant when the row is sent.

CREATE TABLE duo_delivery (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  -- What caused it: one delivery per cause, so a repeated request adds nothing.
  dedupe_key text NOT NULL UNIQUE,
  api text NOT NULL CHECK (api IN ('PIP')),
  bericht_id uuid NOT NULL UNIQUE,
  body jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','received','refused','invalid','failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  sent_at timestamptz,
  -- The HTTP status of the last answer (0: no answer), and DUO's reasons (Foutmelding.fouttekst) or Koers'
  -- own problems found before sending ('invalid': never sent). Never a URL, never a BSN.
  last_status integer,
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  CONSTRAINT duo_delivery_sent_at CHECK ((status IN ('received','refused')) = (sent_at IS NOT NULL))
);
COMMENT ON TABLE duo_delivery IS 'R-EXC-4: outbox of deliveries to DUO (issue #15); berichtId fixed at enqueue, so a retry is the same message.';
CREATE INDEX duo_delivery_due ON duo_delivery(status, created_at);
CREATE INDEX duo_delivery_participant ON duo_delivery(participant_id, created_at);
CREATE INDEX duo_delivery_municipality ON duo_delivery(municipality_id, created_at);

-- What DUO says about a participant (raadpleging, or fetched after a notification): the latest answer per
-- kind, as DUO gave it (DUO's field names), with when it was fetched.
CREATE TABLE duo_fact (
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  kind text NOT NULL CHECK (kind IN ('inburgeringsplicht','inburgeringstermijn','examenresultaten')),
  -- null: DUO holds no such fact (404).
  data jsonb,
  fetched_at timestamptz NOT NULL,
  PRIMARY KEY (participant_id, kind)
);
COMMENT ON TABLE duo_fact IS 'R-EXC-4: the latest of each DUO fact about a participant, in DUO''s own shape (issue #15).';

-- Notifications received (notificering, Interactiepatronen): one row per DUO notification id, so the same
-- notification twice changes nothing.
CREATE TABLE duo_notification (
  notification_id text PRIMARY KEY,
  event_code text NOT NULL,
  participant_id uuid REFERENCES participant(id),
  municipality_id uuid REFERENCES municipality(id),
  received_at timestamptz NOT NULL
);
COMMENT ON TABLE duo_notification IS 'R-EXC-4: DUO notifications received, by DUO''s id; a repeat is recognised and changes nothing (issue #15).';
