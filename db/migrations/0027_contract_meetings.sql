-- Issue #14 (R-CM-1, R-ESC-2): contract meetings with their agenda, minutes and action items, and the
-- contract-level escalation ladder. No participant anywhere: the contract manager runs all of this
-- without seeing a person (000 §5 "niet om individuele inburgeraars"). Facts are never lost: a change is a
-- new version or event row, and the rows that hold facts are append-only (triggers below). Providers
-- and municipalities are named by their contract codes, as report_submission names its municipality.

CREATE TABLE contract_meeting (
  id uuid PRIMARY KEY,
  contract_id text NOT NULL,
  -- GLOSSARY "meeting": execution (uitvoeringsoverleg), contract (contractmanagementgesprek), progress (voortgangsoverleg).
  meeting_type text NOT NULL CHECK (meeting_type IN ('execution', 'contract', 'progress')),
  -- The quarter the meeting is about (the contract management meeting discusses the quarter before it).
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  region_id uuid NOT NULL REFERENCES region(id),
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE contract_meeting IS 'R-CM-1: a meeting of a contract about a quarter (000 §3); its date and parties are versions in contract_meeting_version.';
CREATE INDEX contract_meeting_contract ON contract_meeting(contract_id, quarter);

CREATE TABLE contract_meeting_version (
  meeting_id uuid NOT NULL REFERENCES contract_meeting(id),
  version integer NOT NULL CHECK (version >= 1),
  held_on date NOT NULL,
  -- The parties: the providers and municipalities (contract codes) taking part; the contract manager always.
  provider_codes text[] NOT NULL,
  municipality_codes text[] NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (meeting_id, version)
);
COMMENT ON TABLE contract_meeting_version IS 'R-CM-1: the date and parties of a meeting; a change is a new version, the highest is current.';
CREATE INDEX contract_meeting_version_providers ON contract_meeting_version USING gin (provider_codes);

CREATE TABLE contract_meeting_agenda_item (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES contract_meeting(id),
  position integer NOT NULL,
  -- Where it came from: a proposal of Koers (reports, kpi, compliance, ladder, action) or 'own'.
  source text NOT NULL CHECK (source IN ('reports', 'kpi', 'compliance', 'ladder', 'action', 'own')),
  source_key text,
  title text NOT NULL,
  detail text NOT NULL,
  added_at timestamptz NOT NULL,
  added_by uuid NOT NULL REFERENCES app_user(id),
  -- Taken off the agenda: kept, with who and when.
  removed_at timestamptz,
  removed_by uuid REFERENCES app_user(id),
  CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
COMMENT ON TABLE contract_meeting_agenda_item IS 'R-CM-1: an agenda item, proposed by Koers or added; removal is recorded, never a delete.';
CREATE INDEX contract_meeting_agenda_meeting ON contract_meeting_agenda_item(meeting_id);
CREATE UNIQUE INDEX contract_meeting_agenda_source ON contract_meeting_agenda_item(meeting_id, source_key) WHERE source_key IS NOT NULL AND removed_at IS NULL;

CREATE TABLE contract_meeting_minutes (
  meeting_id uuid NOT NULL REFERENCES contract_meeting(id),
  version integer NOT NULL CHECK (version >= 1),
  text text NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (meeting_id, version)
);
COMMENT ON TABLE contract_meeting_minutes IS 'R-CM-1: the minutes; every save is a new version, the highest is current.';

CREATE TABLE contract_meeting_action (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES contract_meeting(id),
  description text NOT NULL,
  -- The owner: the contract manager, or a provider of the contract (its code).
  owner_kind text NOT NULL CHECK (owner_kind IN ('contractManager', 'provider')),
  owner_code text,
  due_on date NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id),
  CHECK ((owner_kind = 'provider') = (owner_code IS NOT NULL))
);
COMMENT ON TABLE contract_meeting_action IS 'R-CM-1: an action item with owner and due date; done or reopened as events in contract_meeting_action_event.';
CREATE INDEX contract_meeting_action_meeting ON contract_meeting_action(meeting_id);

CREATE TABLE contract_meeting_action_event (
  action_id uuid NOT NULL REFERENCES contract_meeting_action(id),
  sequence integer NOT NULL CHECK (sequence >= 1),
  kind text NOT NULL CHECK (kind IN ('done', 'reopened')),
  on_date date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (action_id, sequence)
);
COMMENT ON TABLE contract_meeting_action_event IS 'R-CM-1: an action marked done or reopened; the last event decides.';

CREATE TABLE escalation_case (
  id uuid PRIMARY KEY,
  contract_id text NOT NULL,
  provider_code text NOT NULL,
  region_id uuid NOT NULL REFERENCES region(id),
  opened_at timestamptz NOT NULL,
  -- Closed once, with its grounds (the improvement seen); a new case may then start at the first step.
  closed_on date,
  closed_grounds text,
  closed_at timestamptz,
  closed_by uuid REFERENCES app_user(id),
  CHECK ((closed_on IS NULL) = (closed_grounds IS NULL) AND (closed_on IS NULL) = (closed_at IS NULL) AND (closed_on IS NULL) = (closed_by IS NULL))
);
COMMENT ON TABLE escalation_case IS 'R-ESC-2: the contract-level ladder for one provider under one contract (000 §5); never about a participant.';
CREATE UNIQUE INDEX escalation_case_open ON escalation_case(contract_id, provider_code) WHERE closed_on IS NULL;

CREATE TABLE escalation_step (
  case_id uuid NOT NULL REFERENCES escalation_case(id),
  position integer NOT NULL CHECK (position >= 1),
  step text NOT NULL CHECK (step IN ('intensifiedMeetings', 'formalWarning', 'legalSteps')),
  decided_on date NOT NULL,
  decision text NOT NULL,
  grounds text NOT NULL CHECK (length(btrim(grounds)) > 0),
  term_until date,
  -- The patterns Koers proposed the step from, frozen as shown (src/domain/contract-management/ladder.ts).
  patterns jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (case_id, position)
);
COMMENT ON TABLE escalation_step IS 'R-ESC-2: a step taken on the ladder, with date, decision, grounds and the patterns behind it; append-only.';

CREATE FUNCTION contract_management_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER contract_meeting_version_append_only BEFORE UPDATE OR DELETE ON contract_meeting_version FOR EACH ROW EXECUTE FUNCTION contract_management_append_only();
CREATE TRIGGER contract_meeting_minutes_append_only BEFORE UPDATE OR DELETE ON contract_meeting_minutes FOR EACH ROW EXECUTE FUNCTION contract_management_append_only();
CREATE TRIGGER contract_meeting_action_append_only BEFORE UPDATE OR DELETE ON contract_meeting_action FOR EACH ROW EXECUTE FUNCTION contract_management_append_only();
CREATE TRIGGER contract_meeting_action_event_append_only BEFORE UPDATE OR DELETE ON contract_meeting_action_event FOR EACH ROW EXECUTE FUNCTION contract_management_append_only();
CREATE TRIGGER escalation_step_append_only BEFORE UPDATE OR DELETE ON escalation_step FOR EACH ROW EXECUTE FUNCTION contract_management_append_only();
