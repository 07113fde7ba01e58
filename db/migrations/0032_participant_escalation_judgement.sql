-- Issue #14 (R-ESC-1, 000 §5 "Cursistniveau"): the participant-level ladder's last step. Once the contract
-- manager is called in, it "beoordeelt of Opdrachtnemer conform afspraken handelt en aanvullende inzet kan
-- verlangen": its own judgement on the case — decision, grounds and date — recorded once, on the
-- pseudonymised case (the contract manager never sees the person). Append-only like the other ladder rows.
CREATE TABLE participant_escalation_judgement (
  escalation_id uuid PRIMARY KEY REFERENCES participant_escalation(id),
  judged_on date NOT NULL,
  decision text NOT NULL CHECK (decision IN ('asAgreed', 'additionalEffort')),
  grounds text NOT NULL CHECK (length(grounds) BETWEEN 1 AND 4000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE participant_escalation_judgement IS 'R-ESC-1 (000 §5): the contract manager''s judgement at the last step — the provider acts as agreed, or additional effort is required — with its grounds; once per case.';
CREATE TRIGGER participant_escalation_judgement_append_only BEFORE UPDATE OR DELETE ON participant_escalation_judgement FOR EACH ROW EXECUTE FUNCTION quality_append_only();
