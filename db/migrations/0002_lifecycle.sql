-- Referral to start (issue #3, R-REF-2, R-REF-3, R-REF-4, R-REF-6): the whole lifecycle with dated
-- events, learning-plan versions with approval, optimistic locking, and signals for every pending step.

ALTER TABLE referral DROP CONSTRAINT referral_status_check;
ALTER TABLE referral DROP CONSTRAINT referral_check;
ALTER TABLE referral ADD CONSTRAINT referral_status_check CHECK (status IN (
  'referred','acknowledged','intakeInvited','intakeNoShow','intakeHeld','planSubmitted','planReturned','planApproved','planSigned','running'));
ALTER TABLE referral ADD CONSTRAINT referral_acknowledged_check CHECK ((status = 'referred') = (acknowledged_at IS NULL));

ALTER TABLE referral
  ADD COLUMN lock_version integer NOT NULL DEFAULT 0,
  ADD COLUMN intake_date date,
  ADD COLUMN intake_location text,
  ADD COLUMN intake_held_on date,
  ADD COLUMN intake_no_show_on date,
  ADD COLUMN regular_start_in_time boolean,
  ADD COLUMN plan_version integer NOT NULL DEFAULT 0,
  ADD COLUMN plan_submitted_on date,
  ADD COLUMN plan_returned_on date,
  ADD COLUMN plan_approved_on date,
  ADD COLUMN plan_signed_on date,
  ADD COLUMN start_class_started_on date,
  ADD COLUMN started_on date;
COMMENT ON COLUMN referral.lock_version IS 'Optimistic locking: every lifecycle step names the version it saw; a stale one gets 409.';
COMMENT ON COLUMN referral.regular_start_in_time IS 'R-REF-4: the provider''s judgement at intake that the regular start fits the start term; false obliges a start class.';
COMMENT ON COLUMN referral.plan_version IS 'Number of the latest submitted learning-plan version (0: none yet).';

CREATE TABLE referral_event (
  id uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  type text NOT NULL,
  occurred_on date NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid NOT NULL REFERENCES app_user(id),
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON TABLE referral_event IS 'R-REF-2: every step of the lifecycle, dated, with its actor. Never updated or deleted: the timeline.';
CREATE INDEX referral_event_referral ON referral_event(referral_id, occurred_at);

-- Backfill the timeline of referrals made before this migration.
INSERT INTO referral_event (id, referral_id, municipality_id, type, occurred_on, occurred_at, actor_user_id, details)
SELECT gen_random_uuid(), r.id, r.municipality_id, 'referred', r.referred_on, r.referred_at, r.referred_by, '{}'::jsonb FROM referral r;
INSERT INTO referral_event (id, referral_id, municipality_id, type, occurred_on, occurred_at, actor_user_id, details)
SELECT gen_random_uuid(), r.id, r.municipality_id, 'acknowledged', r.acknowledged_on, r.acknowledged_at, COALESCE(r.acknowledged_by, r.referred_by), '{}'::jsonb
FROM referral r WHERE r.acknowledged_at IS NOT NULL;

CREATE TABLE learning_plan (
  id uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted','returned','approved')),
  content jsonb NOT NULL,
  submitted_on date NOT NULL,
  submitted_at timestamptz NOT NULL,
  submitted_by uuid NOT NULL REFERENCES app_user(id),
  decided_on date,
  decided_at timestamptz,
  decided_by uuid REFERENCES app_user(id),
  remarks text,
  CONSTRAINT learning_plan_version UNIQUE (referral_id, version),
  CHECK ((status = 'submitted') = (decided_at IS NULL))
);
COMMENT ON TABLE learning_plan IS 'Leerplan (R-REF-6): each change is a new version; approval or return records who and when.';

-- Signals become the pending steps of R-SIG-1: addressed to a party, with a due date; the
-- engine records when a step became overdue (breached_on) so a breach mail goes out once.
ALTER TABLE signal ADD COLUMN breached_on date;
ALTER TABLE signal ADD COLUMN product_code text;
ALTER TABLE signal ADD COLUMN acknowledged_on date;
ALTER TABLE signal ADD COLUMN acknowledged_by uuid REFERENCES app_user(id);
UPDATE signal SET cause = 'referral.acknowledgement', breached_on = raised_on WHERE cause = 'referral.acknowledgementOverdue';
UPDATE signal s SET product_code = r.product_code FROM referral r WHERE s.subject_type = 'referral' AND s.subject_id = r.id;
COMMENT ON COLUMN signal.breached_on IS 'The date the engine first saw the due date passed; null while the step is merely pending.';
