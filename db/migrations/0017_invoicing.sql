-- Issue #11: invoicing storage. Billable events are derived from the registered facts (R-INV-1) and
-- stored once; a provider's collective invoice per municipality (R-INV-4) is made of lines that each
-- reference one event; the municipality checks each line (R-INV-6) and a credit note reverses lines so
-- a corrected line can be invoiced again. Amounts are integer cents (excl. VAT). The guarantees live in
-- the database, so two app servers on one PostgreSQL cannot break them (docs/architecture.md
-- "Invoicing storage").

CREATE TABLE billable_event (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  route text NOT NULL,
  product_code text NOT NULL,
  earned_on date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  vat_category text NOT NULL CHECK (vat_category IN ('S', 'Z', 'E', 'AE', 'O')),
  vat_rate numeric(5, 2) NOT NULL CHECK (vat_rate >= 0 AND vat_rate <= 100),
  contract_id text NOT NULL,
  contract_version integer NOT NULL,
  fact_kind text NOT NULL,
  fact_id uuid,
  recorded_at timestamptz NOT NULL,
  CONSTRAINT billable_event_once UNIQUE (participant_id, route, product_code),
  CHECK (vat_category <> 'S' OR vat_rate > 0),
  CHECK (vat_category = 'S' OR vat_rate = 0)
);
COMMENT ON TABLE billable_event IS 'R-INV-1: a product a participant has earned under the payment schedule of the contract version in force (R-CON-6). Each (participant, route, product) is billable once: the constraint billable_event_once, so a re-run or a second server records nothing twice.';
COMMENT ON COLUMN billable_event.product_code IS 'The product of the payment schedule (R-CON-6) that this event earns, e.g. the period product after month 3.';
COMMENT ON COLUMN billable_event.amount_cents IS 'The contracted amount excl. VAT in cents (002 eis 14: only contracted tariffs), fixed when earned so a later tariff version never rewrites it.';
COMMENT ON COLUMN billable_event.vat_category IS 'UNCL5305 VAT category for the e-invoice (R-INV-5): S standard rate, E exempt (the learning route), Z zero, AE reverse charge, O not subject.';
COMMENT ON COLUMN billable_event.fact_kind IS 'R-INV-6: the kind of registered fact that earned it (e.g. progress report, route end, PIP result, month end), for the evidence click.';
COMMENT ON COLUMN billable_event.fact_id IS 'R-INV-6: the row of that fact (progress_report, route_event, ...); NULL when the trigger is a date alone (end of month N).';
CREATE INDEX billable_event_to_invoice ON billable_event(provider_id, municipality_id, earned_on);

CREATE TABLE invoice (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  number integer NOT NULL CHECK (number > 0),
  kind text NOT NULL CHECK (kind IN ('invoice', 'creditNote')),
  status text NOT NULL CHECK (status IN ('prepared', 'proForma', 'sent')),
  issue_date date NOT NULL,
  due_date date NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  total_excl_vat_cents bigint NOT NULL CHECK (total_excl_vat_cents >= 0),
  total_vat_cents bigint NOT NULL CHECK (total_vat_cents >= 0),
  total_incl_vat_cents bigint NOT NULL,
  credits_invoice_id uuid REFERENCES invoice(id),
  credit_reason text,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES app_user(id),
  CONSTRAINT invoice_number_once UNIQUE (provider_id, number),
  CHECK (total_incl_vat_cents = total_excl_vat_cents + total_vat_cents),
  CHECK (period_start <= period_end AND due_date >= issue_date),
  CHECK ((kind = 'creditNote') = (credits_invoice_id IS NOT NULL)),
  CHECK ((kind = 'creditNote') = (credit_reason IS NOT NULL))
);
COMMENT ON TABLE invoice IS 'R-INV-4: a provider''s collective invoice (verzamelfactuur) to one municipality, or a credit note that reverses lines of one (R-INV-6). Invoices and credit notes share the provider''s one number series.';
COMMENT ON COLUMN invoice.number IS 'Per provider 1, 2, 3, ... without gap or double: taken from invoice_number_counter in the transaction that creates the invoice; unique by invoice_number_once.';
COMMENT ON COLUMN invoice.status IS 'prepared (made, not shown to the municipality), proForma (the pro-forma round of 002 eis 12), sent.';
COMMENT ON COLUMN invoice.total_vat_cents IS 'Per VAT category and rate: the rate applied to the sum of the lines and rounded once (EN 16931 BR-CO-17), summed; not the sum of rounded line amounts.';
COMMENT ON COLUMN invoice.credits_invoice_id IS 'For a credit note: the invoice whose lines it reverses (UBL BillingReference).';
COMMENT ON COLUMN invoice.created_by IS 'The user who prepared it; NULL when a scheduled run did.';
CREATE INDEX invoice_municipality ON invoice(municipality_id, provider_id, issue_date);

CREATE TABLE invoice_line (
  id uuid PRIMARY KEY,
  invoice_id uuid NOT NULL REFERENCES invoice(id),
  event_id uuid NOT NULL REFERENCES billable_event(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  status text NOT NULL CHECK (status IN ('toCheck', 'approved', 'disputed', 'credited', 'reversal')),
  dispute_reason text,
  credited_by_line uuid UNIQUE REFERENCES invoice_line(id),
  CHECK ((status = 'credited') = (credited_by_line IS NOT NULL)),
  CHECK (status <> 'disputed' OR dispute_reason IS NOT NULL)
);
COMMENT ON TABLE invoice_line IS 'R-INV-4: one line per billable event on an invoice; on a credit note the line that reverses it (status reversal). R-INV-1: an event is on at most one live line, by the partial unique index invoice_line_live_event.';
COMMENT ON COLUMN invoice_line.status IS 'R-INV-6: toCheck, approved or disputed by the municipality; credited once a credit note reversed it; reversal for the line on the credit note.';
COMMENT ON COLUMN invoice_line.amount_cents IS 'The event''s amount excl. VAT in cents, copied when invoiced; on a credit note the amount reversed (positive, as in a UBL CreditNote).';
COMMENT ON COLUMN invoice_line.credited_by_line IS 'The reversal line on the credit note that credited this line.';
-- A credited line and its reversal no longer count: only then may a new line invoice the same event again.
CREATE UNIQUE INDEX invoice_line_live_event ON invoice_line(event_id) WHERE status NOT IN ('credited', 'reversal');
CREATE INDEX invoice_line_invoice ON invoice_line(invoice_id);

CREATE TABLE invoice_line_change (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  line_id uuid NOT NULL REFERENCES invoice_line(id),
  status text NOT NULL,
  reason text,
  changed_by uuid REFERENCES app_user(id),
  changed_at timestamptz NOT NULL
);
COMMENT ON TABLE invoice_line_change IS 'R-INV-6: every status a line has had (made, approved, disputed with the reason, credited), append-only, so the history stays when the line changes.';
COMMENT ON COLUMN invoice_line_change.seq IS 'The order of the changes, also when two share a timestamp.';
CREATE INDEX invoice_line_change_line ON invoice_line_change(line_id, seq);
-- Same second wall as audit_event and attendance_version: the history is never rewritten, even by the owner.
CREATE FUNCTION invoice_line_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'invoice_line_change is append-only';
END $$;
CREATE TRIGGER invoice_line_change_no_update BEFORE UPDATE OR DELETE ON invoice_line_change
  FOR EACH ROW EXECUTE FUNCTION invoice_line_change_append_only();

CREATE TABLE invoice_number_counter (
  provider_id uuid PRIMARY KEY REFERENCES provider(id),
  next_number integer NOT NULL CHECK (next_number > 0)
);
COMMENT ON TABLE invoice_number_counter IS 'R-INV-4: the next invoice number per provider. Taking a number updates this row, so the row lock orders concurrent runs and a rolled-back transaction gives its number back: no gap, no double.';
