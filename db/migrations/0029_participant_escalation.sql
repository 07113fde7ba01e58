-- Issue #14 (R-ESC-1, 000 §5 "Cursistniveau"): the participant-level escalation ladder. A case is about
-- one referral (its participant, municipality and provider); its steps — signal and alignment, the
-- improvement plan with its weekly check-ins, the local management or policy meeting, the contract
-- manager — keep date, actors and decision. The contract manager sees a case from the last step on under
-- its pseudonym, never the person (src/features/participant-escalation/room.ts). Append-only.

CREATE TABLE participant_escalation (
  id uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  contract_id text NOT NULL,
  -- What the contract manager sees instead of the person: "Casus <year>-<random>", no part of any id.
  pseudonym text NOT NULL UNIQUE,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  opened_at timestamptz NOT NULL,
  opened_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE participant_escalation IS 'R-ESC-1: an escalation case about one referral (000 §5 Cursistniveau); steps, check-ins and closure in their own tables.';
CREATE INDEX participant_escalation_referral ON participant_escalation(referral_id);
CREATE INDEX participant_escalation_municipality ON participant_escalation(municipality_id);
CREATE INDEX participant_escalation_provider ON participant_escalation(provider_id);

CREATE TABLE participant_escalation_step (
  escalation_id uuid NOT NULL REFERENCES participant_escalation(id),
  sequence integer NOT NULL CHECK (sequence BETWEEN 1 AND 4),
  step text NOT NULL CHECK (step IN ('signalAndAlignment', 'improvementPlan', 'localManagement', 'contractManager')),
  decided_on date NOT NULL,
  actors text NOT NULL CHECK (length(actors) BETWEEN 1 AND 500),
  decision text NOT NULL CHECK (length(decision) BETWEEN 1 AND 4000),
  -- The improvement plan's weekly check-ins: due 1..plan_weeks weeks after decided_on.
  plan_weeks integer CHECK (plan_weeks BETWEEN 1 AND 26),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (escalation_id, sequence),
  CONSTRAINT participant_escalation_step_once UNIQUE (escalation_id, step),
  CONSTRAINT participant_escalation_step_plan CHECK ((step = 'improvementPlan') = (plan_weeks IS NOT NULL))
);
COMMENT ON TABLE participant_escalation_step IS 'R-ESC-1: a step of the case with its date, actors and decision; in order, once each.';

CREATE TABLE participant_escalation_check_in (
  escalation_id uuid NOT NULL REFERENCES participant_escalation(id),
  due_on date NOT NULL,
  held_on date NOT NULL,
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (escalation_id, due_on)
);
COMMENT ON TABLE participant_escalation_check_in IS 'R-ESC-1: a weekly check-in of the improvement plan held (the due dates follow from the plan step).';

CREATE TABLE participant_escalation_closure (
  escalation_id uuid PRIMARY KEY REFERENCES participant_escalation(id),
  closed_on date NOT NULL,
  grounds text NOT NULL CHECK (length(grounds) BETWEEN 1 AND 4000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE participant_escalation_closure IS 'R-ESC-1: the case closed (recovered, or resolved at a step), once.';

-- The quality register's append-only function (0026) serves here too.
CREATE TRIGGER participant_escalation_append_only BEFORE UPDATE OR DELETE ON participant_escalation FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER participant_escalation_step_append_only BEFORE UPDATE OR DELETE ON participant_escalation_step FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER participant_escalation_check_in_append_only BEFORE UPDATE OR DELETE ON participant_escalation_check_in FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER participant_escalation_closure_append_only BEFORE UPDATE OR DELETE ON participant_escalation_closure FOR EACH ROW EXECUTE FUNCTION quality_append_only();
