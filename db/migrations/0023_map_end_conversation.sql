-- Issue #12: the MAP end conversation (R-MAP-1, R-MAP-3; 001 §3 and the format of 001 Bijlage 2).
-- Append-only: every save is a new row, the latest per participant and kind counts, nothing is updated
-- or deleted, so a registered fact is never lost. Who writes which kind is decided in
-- src/features/map-end-conversation/service.ts (docs/architecture.md, "MAP end conversation"):
--   preparation, planned — the participation or MAP provider of the participant (001 §3: "De aanbieder
--     is verantwoordelijk voor de voorbereiding");
--   held — the municipality's consultant (001 §3: "Het eindgesprek van de MAP vindt plaats tussen de
--     inburgeraar en de gemeente").

CREATE TABLE map_end_conversation (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  kind text NOT NULL CHECK (kind IN ('preparation','planned','held')),
  version integer NOT NULL CHECK (version >= 1),
  referral_id uuid REFERENCES referral(id),
  provider_id uuid REFERENCES provider(id),
  preparation jsonb,
  planned_on date,
  held_on date,
  outcome text CHECK (outcome IS NULL OR outcome IN ('sufficient','notYet')),
  reason text CHECK (reason IS NULL OR length(reason) <= 2000),
  themes_done integer CHECK (themes_done IS NULL OR themes_done BETWEEN 0 AND 8),
  practical_minutes integer CHECK (practical_minutes IS NULL OR practical_minutes >= 0),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (participant_id, kind, version),
  CHECK ((kind = 'preparation') = (preparation IS NOT NULL)),
  CHECK ((kind = 'planned') = (planned_on IS NOT NULL)),
  CHECK ((kind = 'held') = (held_on IS NOT NULL AND outcome IS NOT NULL AND themes_done IS NOT NULL AND practical_minutes IS NOT NULL)),
  CHECK (kind = 'held' OR (referral_id IS NOT NULL AND provider_id IS NOT NULL))
);
COMMENT ON TABLE map_end_conversation IS 'Eindgesprek MAP (R-MAP-1, R-MAP-3): the provider''s preparation per 001 Bijlage 2 and proposed date, the consultant''s date held and outcome; append-only, version per participant and kind.';
COMMENT ON COLUMN map_end_conversation.preparation IS '{answers: {<question id>: text}, choices: {professionalCompetences: [..], employeeCompetences: [..]}}; the ids are those of src/domain/map-end-conversation.ts.';
COMMENT ON COLUMN map_end_conversation.planned_on IS 'The date the provider proposes for the conversation.';
COMMENT ON COLUMN map_end_conversation.held_on IS 'The date the conversation was held: a plain date, one of the facts DUO receives later (issue #15).';
COMMENT ON COLUMN map_end_conversation.themes_done IS 'The MAP themes done when the outcome was recorded: the facts the outcome was judged on, kept with it.';
COMMENT ON COLUMN map_end_conversation.practical_minutes IS 'The MAP practical part''s minutes when the outcome was recorded (001 §3: at least 40 hours for sufficient).';
CREATE INDEX map_end_conversation_participant ON map_end_conversation(participant_id, kind, version DESC);
