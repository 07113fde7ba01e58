-- Issue #14 (R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4): the provider quality register of the Twente covenant
-- (003 art. 4, 5, 13–16; 002 eis 66–68). Every fact a decision rests on is kept: the tables are
-- append-only (quality_append_only below) except where a row is a current register entry whose every
-- version is kept in its own history table (teacher → teacher_version). Every change is audited in its
-- transaction (src/features/quality/service.ts). Contracts are files: contract_id is the contract's code.

-- KvK data as the contract manager checked it (003 art. 4.2 "Bedrijfsgegevens"); the latest row counts.
CREATE TABLE provider_kvk_record (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  kvk_number text NOT NULL CHECK (kvk_number ~ '^[0-9]{8}$'),
  trade_name text NOT NULL CHECK (length(trade_name) BETWEEN 1 AND 200),
  legal_form text CHECK (length(legal_form) <= 100),
  address text CHECK (length(address) <= 300),
  checked_on date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE provider_kvk_record IS 'R-QLT-1: the provider''s Chamber of Commerce data as checked on a day; append-only, the latest row is current.';
CREATE INDEX provider_kvk_record_provider ON provider_kvk_record(provider_id, recorded_at);

-- The Blik op Werk quality mark (003 art. 5.1–5.2, 14.3).
CREATE TABLE quality_mark (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  since date NOT NULL,
  valid_until date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  CONSTRAINT quality_mark_dates CHECK (valid_until >= since)
);
COMMENT ON TABLE quality_mark IS 'R-QLT-1: a Blik op Werk keurmerk held since a day, valid until a day; append-only (a renewal is a new row).';
CREATE INDEX quality_mark_provider ON quality_mark(provider_id, since);

CREATE TABLE quality_mark_withdrawal (
  mark_id uuid PRIMARY KEY REFERENCES quality_mark(id),
  withdrawn_on date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE quality_mark_withdrawal IS 'R-QLT-3 (003 art. 4.4, 14.3, 15): the mark suspended or withdrawn by Blik op Werk; once per mark.';

-- 003 art. 5.1 "kan haar audit overleggen": the audit reports behind a mark, by title and date.
CREATE TABLE quality_audit_report (
  id uuid PRIMARY KEY,
  mark_id uuid NOT NULL REFERENCES quality_mark(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  audited_on date NOT NULL,
  summary text CHECK (length(summary) <= 4000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE quality_audit_report IS 'R-QLT-1: an audit report of Blik op Werk behind a quality mark (003 art. 4.2, 5.1). Metadata only: the file itself is not stored yet.';
CREATE INDEX quality_audit_report_mark ON quality_audit_report(mark_id);

-- Covenant membership per contract: one row per transition (applied → admitted / excluded, 003 art. 3, 7, 14).
CREATE TABLE covenant_membership (
  id uuid PRIMARY KEY,
  contract_id text NOT NULL,
  provider_id uuid NOT NULL REFERENCES provider(id),
  sequence integer NOT NULL CHECK (sequence >= 1),
  state text NOT NULL CHECK (state IN ('applied', 'admitted', 'excluded')),
  effective_on date NOT NULL,
  grounds text NOT NULL CHECK (length(grounds) <= 4000),
  -- 003 art. 5.2: the conversation with the Projectgroep that admits a provider with a younger mark.
  conversation_on date,
  -- 003 art. 4.7, 14.4: the registered letter announcing the exclusion.
  letter_sent_on date,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  CONSTRAINT covenant_membership_sequence UNIQUE (contract_id, provider_id, sequence),
  CONSTRAINT covenant_membership_letter CHECK ((state = 'excluded') = (letter_sent_on IS NOT NULL)),
  CONSTRAINT covenant_membership_conversation CHECK (conversation_on IS NULL OR state = 'admitted')
);
COMMENT ON TABLE covenant_membership IS 'R-QLT-1: a provider''s covenant membership per contract, one row per transition with its date, grounds and letter; the highest sequence is current. Append-only.';

-- Screening (003 art. 4): items requested, findings, the provider's answers (hoor en wederhoor), the decision.
CREATE TABLE screening (
  id uuid PRIMARY KEY,
  contract_id text NOT NULL,
  provider_id uuid NOT NULL REFERENCES provider(id),
  started_on date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE screening IS 'R-QLT-1 (003 art. 4.1, 4.5, 13.7): a screening of a provider under a contract; append-only.';
CREATE INDEX screening_provider ON screening(provider_id, contract_id, started_on);

CREATE TABLE screening_item_receipt (
  id uuid PRIMARY KEY,
  screening_id uuid NOT NULL REFERENCES screening(id),
  item text NOT NULL CHECK (item IN ('kvk', 'auditReports', 'inspectionRiskCheck', 'nt2TeacherList')),
  received_on date NOT NULL,
  note text CHECK (length(note) <= 2000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  CONSTRAINT screening_item_receipt_once UNIQUE (screening_id, item)
);
COMMENT ON TABLE screening_item_receipt IS 'R-QLT-1 (003 art. 4.2): a requested item received; the items requested are the contract''s (versions[].quality.screening.items).';

CREATE TABLE screening_finding (
  id uuid PRIMARY KEY,
  screening_id uuid NOT NULL REFERENCES screening(id),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  found_on date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE screening_finding IS 'R-QLT-1 (003 art. 4.3): a risk or particularity found, made known to the provider; append-only.';
CREATE INDEX screening_finding_screening ON screening_finding(screening_id);

CREATE TABLE screening_response (
  id uuid PRIMARY KEY,
  finding_id uuid NOT NULL REFERENCES screening_finding(id),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  responded_on date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE screening_response IS 'R-QLT-1 (003 art. 4.5 hoor en wederhoor): the provider''s answer to a finding; more than one may follow, none is lost.';
CREATE INDEX screening_response_finding ON screening_response(finding_id, recorded_at);

CREATE TABLE screening_decision (
  screening_id uuid PRIMARY KEY REFERENCES screening(id),
  outcome text NOT NULL CHECK (outcome IN ('noRisks', 'improvementsAgreed', 'exclusion')),
  grounds text NOT NULL CHECK (length(grounds) BETWEEN 1 AND 4000),
  decided_on date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE screening_decision IS 'R-QLT-1: the contract manager''s decision on a screening, once, after every finding has the provider''s answer.';

-- The teacher register (R-QLT-2): the provider keeps it; every save is a version.
CREATE TABLE teacher (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  registered_on date NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE teacher IS 'R-QLT-2: a teacher in a provider''s register (staff, not a participant); its facts are in teacher_version.';
CREATE INDEX teacher_provider ON teacher(provider_id);

CREATE TABLE teacher_version (
  teacher_id uuid NOT NULL REFERENCES teacher(id),
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  qualification text NOT NULL CHECK (qualification IN ('certified', 'inTraining', 'otherSpecialist')),
  alfa_specialised boolean NOT NULL,
  vog_on date,
  -- The teacher no longer works for the provider's Koers participants: kept, not counted.
  left_on date,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (teacher_id, version)
);
COMMENT ON TABLE teacher_version IS 'R-QLT-2 (003 art. 5.3–5.5, 002 eis 66, 68): a teacher''s qualification, alfa specialisation and VOG date; append-only, the highest version is current.';

-- R-QLT-4 (003 art. 1.4, 16): customer satisfaction results and class visits.
CREATE TABLE satisfaction_result (
  id uuid PRIMARY KEY,
  contract_id text NOT NULL,
  provider_id uuid NOT NULL REFERENCES provider(id),
  surveyed_on date NOT NULL,
  conducted_by text NOT NULL CHECK (conducted_by IN ('blikOpWerk', 'municipality')),
  score numeric(4,1) CHECK (score BETWEEN 0 AND 10),
  respondents integer CHECK (respondents >= 0),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE satisfaction_result IS 'R-QLT-4 (003 art. 16.1): a customer satisfaction survey''s result (Blik op Werk''s, or the municipality''s own); no answer of a person.';
CREATE INDEX satisfaction_result_provider ON satisfaction_result(provider_id, contract_id);

CREATE TABLE class_visit (
  id uuid PRIMARY KEY,
  contract_id text NOT NULL,
  provider_id uuid NOT NULL REFERENCES provider(id),
  visited_on date NOT NULL,
  announced boolean NOT NULL,
  findings text NOT NULL CHECK (length(findings) BETWEEN 1 AND 4000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE class_visit IS 'R-QLT-4 (003 art. 1.4): an (un)announced class visit and what it found; no participant named.';
CREATE INDEX class_visit_provider ON class_visit(provider_id, contract_id);

CREATE FUNCTION quality_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER provider_kvk_record_append_only BEFORE UPDATE OR DELETE ON provider_kvk_record FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER quality_mark_append_only BEFORE UPDATE OR DELETE ON quality_mark FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER quality_mark_withdrawal_append_only BEFORE UPDATE OR DELETE ON quality_mark_withdrawal FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER quality_audit_report_append_only BEFORE UPDATE OR DELETE ON quality_audit_report FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER covenant_membership_append_only BEFORE UPDATE OR DELETE ON covenant_membership FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER screening_append_only BEFORE UPDATE OR DELETE ON screening FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER screening_item_receipt_append_only BEFORE UPDATE OR DELETE ON screening_item_receipt FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER screening_finding_append_only BEFORE UPDATE OR DELETE ON screening_finding FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER screening_response_append_only BEFORE UPDATE OR DELETE ON screening_response FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER screening_decision_append_only BEFORE UPDATE OR DELETE ON screening_decision FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER teacher_version_append_only BEFORE UPDATE OR DELETE ON teacher_version FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER satisfaction_result_append_only BEFORE UPDATE OR DELETE ON satisfaction_result FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER class_visit_append_only BEFORE UPDATE OR DELETE ON class_visit FOR EACH ROW EXECUTE FUNCTION quality_append_only();

-- R-QLT-2, R-QLT-3: signals to the region's contract manager (a quality mark too young, expired or
-- withdrawn; a teacher-norm breach). The consultant's and the provider's work lists never show them
-- (signalInScope in src/platform/access.ts names the addressee).
ALTER TABLE signal DROP CONSTRAINT IF EXISTS signal_addressee_check;
ALTER TABLE signal ADD CONSTRAINT signal_addressee_check CHECK (addressee IN ('municipality', 'provider', 'contractManager'));
