-- Issue #11: a mail in the outbox may carry files — the PDF of a sent invoice (001 Bijlage 4: PDF only,
-- at most one PDF per mail, at most 5 MB). Written in the transaction of the outbox row it belongs to
-- (src/platform/outbox.ts), so a rolled-back send takes its PDF with it; the sender
-- (src/platform/mailer.ts) attaches them in their order.

CREATE TABLE outbox_attachment (
  outbox_id uuid NOT NULL REFERENCES outbox(id),
  position integer NOT NULL CHECK (position >= 0),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (outbox_id, position)
);
COMMENT ON TABLE outbox_attachment IS 'Files attached to an outbox mail (issue #11: the invoice PDF), in their order. Like the mail body they hold no BSN; an invoice PDF names participants by the municipality''s client number only.';
COMMENT ON COLUMN outbox_attachment.file_name IS 'The name the receiver sees, e.g. factuur-ECHT-NEDERLANDS-2026-nr00002.pdf: no BSN, no person name.';
COMMENT ON COLUMN outbox_attachment.content IS 'The file itself; a sent invoice''s PDF is checked against the municipality''s maximum (maxPdfBytes) before it is written.';
