-- Documents per participant (R-REF-7): what is exchanged between municipality and provider — for now
-- the signed learning plan; progress and final reports later. The referral and learning-plan PDFs are
-- generated on request from their rows and are not stored here.

CREATE TABLE document (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid REFERENCES referral(id),
  kind text NOT NULL CHECK (kind IN ('signedLearningPlan','report','other')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id),
  CONSTRAINT document_size_matches CHECK (octet_length(content) = size_bytes)
);
COMMENT ON TABLE document IS 'R-REF-7: a file exchanged about a participant, always downloadable by its municipality. Personal data: every upload, list and download is audited (R-SEC-2).';
COMMENT ON COLUMN document.content IS 'The file itself, at most 5 MiB (the upload route''s bodyLimit; size_bytes checks it again). bytea keeps a document in the transaction of its audit line and lifecycle step and in the one backup; it moves to an S3-compatible object store (keeping sha256 as the integrity check) once volumes make the database heavy.';
COMMENT ON COLUMN document.file_name IS 'The uploader''s file name, cleaned (no path, no control characters, a BSN in it masked): shown in lists and used in Content-Disposition.';
COMMENT ON COLUMN document.sha256 IS 'Hex SHA-256 of content: integrity check now, and the key check when content moves to an object store.';
COMMENT ON COLUMN document.referral_id IS 'The referral the document belongs to (null for a document about the participant in general).';
CREATE INDEX document_participant ON document(participant_id, created_at);
-- The referral's document list (GET /api/v1/referrals/:id/documents) looks documents up by referral.
CREATE INDEX document_referral ON document(referral_id, created_at);
