-- R-END-2 (001 §2.3.1): when the goals of a route are not reached, a talk with the municipality follows
-- before it decides whether the final product may be invoiced; the date of that talk is kept with the
-- decision.
ALTER TABLE progress_report ADD COLUMN invoice_talk_held_on date;
COMMENT ON COLUMN progress_report.invoice_talk_held_on IS 'R-END-2: the talk with the municipality before the invoicing decision; required when the goals were not reached.';
