-- Issue #12: the portfolio (R-MAP-3). Evidence, reflections and assignments per participant with their
-- files, and for MAP / B1-route participation the part of 001 Bijlage 3 (the general client profile and
-- per MAP theme what was learned and put into practice). Written by the participation or MAP provider the
-- participant is referred to (src/features/participation/service.ts writeRoom decides who); read by
-- everyone who sees the participant. Nothing here is ever updated: an item, a file and a version of the
-- Bijlage 3 part are each a registered fact (src/features/portfolio/service.ts).

CREATE TABLE portfolio_item (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  kind text NOT NULL CHECK (kind IN ('evidence','reflection','assignment')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text CHECK (body IS NULL OR length(body) <= 5000),
  theme text CHECK (theme IS NULL OR theme IN ('careerOrientation','employeeCompetences','realisticJobImage','jobChances','professionalCompetences','network','findingWork','workCulture')),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL
);
COMMENT ON TABLE portfolio_item IS 'Portfolio-onderdeel (R-MAP-3): evidence (bewijsstuk), reflection or assignment, with the MAP theme it belongs to when any. Append-only: an item is a registered fact, never overwritten.';
CREATE INDEX portfolio_item_participant ON portfolio_item(participant_id, recorded_at);

CREATE TABLE portfolio_file (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES portfolio_item(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL,
  CONSTRAINT portfolio_file_size_matches CHECK (octet_length(content) = size_bytes)
);
COMMENT ON TABLE portfolio_file IS 'A file with a portfolio item, under the document rules (R-REF-7, src/features/documents/files.ts): a PDF by its content, at most 5 MiB, the name cleaned and any BSN in it masked (R-PAR-2). Append-only.';
CREATE INDEX portfolio_file_item ON portfolio_file(item_id);

CREATE TABLE portfolio_annex (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  version integer NOT NULL CHECK (version >= 1),
  referral_id uuid NOT NULL REFERENCES referral(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  content jsonb NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (participant_id, version)
);
COMMENT ON TABLE portfolio_annex IS '001 Bijlage 3 for MAP / B1-route participation (R-MAP-3): the general client profile (CV, work-fit, diploma valuation: yes / no / in progress with a note) and per MAP theme what was learned and what was put into practice with which learning goals. Versioned: each save adds version + 1 and the highest counts; earlier versions stay.';
COMMENT ON COLUMN portfolio_annex.content IS 'The whole part as the API''s PortfolioAnnexContent (src/features/portfolio/schemas.ts): validated by zod before it is stored.';
