-- Issue #10 item 2: a resolved signal says why (src/domain/signal-cause.ts SignalResolution): the awaited
-- step or fact happened ('answered'), or the facts no longer call for it ('noLongerCalledFor', e.g. a
-- referral step no longer owed). Signals resolved before this migration keep NULL: the reason was not kept.
ALTER TABLE signal ADD COLUMN resolution text CHECK (resolution IN ('answered', 'noLongerCalledFor'));
ALTER TABLE signal ADD CONSTRAINT signal_resolution_only_when_resolved CHECK (resolution IS NULL OR status = 'resolved');
COMMENT ON COLUMN signal.resolution IS 'Why the signal was resolved: answered or noLongerCalledFor (NULL before migration 0016).';
