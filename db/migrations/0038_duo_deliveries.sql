-- Issue #15 (R-EXC-4): the rest of the deliveries to DUO through the outbox of 0030_duo.sql. Besides the
-- PIP: its deletion, the Inburgeringsaanbod, the MAP end-conversation date, the PVT signing date, the
-- Z-route completion and the hours followed (Gevolgde Uren, cumulative, one PUT per calendar month), and
-- the provider's data owed to DUO (002 eis 26), which the municipality sends. The kind names the DUO
-- operation (src/features/duo/melding.ts). A delivery on behalf of a provider names it (provider_id): the
-- Inburgeringsaanbod's institution is resolved from it when the row is sent, and the file and the queue
-- name the provider. DUO's further facts (Leerbaarheidstoets, Vrijstelling, Ontheffing, the current
-- PIP) are kept in duo_fact like the others.

ALTER TABLE duo_delivery DROP CONSTRAINT duo_delivery_api_check;
ALTER TABLE duo_delivery ADD CONSTRAINT duo_delivery_api_check
  CHECK (api IN ('PIP','PIP_DELETE','Inburgeringsaanbod','MAP','PVT','Zroute','UrenTaalles','UrenParticipatie'));
ALTER TABLE duo_delivery ADD COLUMN provider_id uuid REFERENCES provider(id);
COMMENT ON COLUMN duo_delivery.provider_id IS 'The provider whose fact this delivery carries (002 eis 26: provider data owed to DUO goes via the municipality); null for the municipality''s own facts.';
CREATE INDEX duo_delivery_provider ON duo_delivery(provider_id, created_at) WHERE provider_id IS NOT NULL;

ALTER TABLE duo_fact DROP CONSTRAINT duo_fact_kind_check;
ALTER TABLE duo_fact ADD CONSTRAINT duo_fact_kind_check
  CHECK (kind IN ('inburgeringsplicht','inburgeringstermijn','examenresultaten','leerbaarheidstoets','vrijstellingen','ontheffingen','pip'));

-- A notification about a person Koers does not know is kept with the municipality it was sent to, so the
-- functional administrator sees it on DUO-berichten (no BSN kept: DUO's berichtId and the event only).
CREATE INDEX duo_notification_unknown ON duo_notification(received_at DESC) WHERE participant_id IS NULL;
