// SQL of the portfolio (issue #12, migration 0022). Reads are by participant, like the participation
// store's: callers check first that the participant lies in the actor's scope (findParticipantRef);
// then every item of that participant is shown, whichever provider added it. Helpers that do not
// filter by scope themselves carry `unsafe` in their name.
import type { MapTheme } from '../../domain/participation.js';
import type { PortfolioItemKind } from '../../domain/portfolio.js';
import type { Queryable } from '../../platform/db.js';
import type { PdfParticipant } from '../documents/pdf.js';
import type { PortfolioAnnexContent, PortfolioFile, PortfolioItem } from './schemas.js';

const iso = (v: Date | string): string => new Date(v).toISOString();

interface FileRow extends Omit<PortfolioFile, 'recordedAt'> {
  itemId: string;
  recordedAt: Date | string;
}

/** Every item of the participant, oldest first, with its files (names and sizes, not the bytes). */
export async function unsafeItemsOf(q: Queryable, participantId: string): Promise<PortfolioItem[]> {
  const items = await q.query<Omit<PortfolioItem, 'files' | 'recordedAt'> & { recordedAt: Date | string }>(
    `SELECT i.id, i.participant_id AS "participantId", i.referral_id AS "referralId", pr.name AS "providerName", i.kind, i.title, i.body, i.theme,
       u.name AS "recordedBy", i.recorded_at AS "recordedAt"
     FROM portfolio_item i JOIN provider pr ON pr.id = i.provider_id JOIN app_user u ON u.id = i.recorded_by
     WHERE i.participant_id = $1 ORDER BY i.recorded_at, i.id`,
    [participantId],
  );
  const files = await q.query<FileRow>(
    `SELECT f.id, f.item_id AS "itemId", f.file_name AS "fileName", f.content_type AS "contentType", f.size_bytes AS "sizeBytes", u.name AS "recordedBy", f.recorded_at AS "recordedAt"
     FROM portfolio_file f JOIN app_user u ON u.id = f.recorded_by WHERE f.participant_id = $1 ORDER BY f.recorded_at, f.id`,
    [participantId],
  );
  return items.map((i) => ({
    ...i,
    recordedAt: iso(i.recordedAt),
    files: files.filter((f) => f.itemId === i.id).map(({ itemId: _i, ...f }) => ({ ...f, recordedAt: iso(f.recordedAt) })),
  }));
}

export interface NewItem {
  id: string;
  participantId: string;
  referralId: string;
  providerId: string;
  municipalityId: string;
  kind: PortfolioItemKind;
  title: string;
  body: string | null;
  theme: MapTheme | null;
  recordedBy: string;
  recordedAt: Date;
}

export async function insertItem(q: Queryable, i: NewItem): Promise<void> {
  await q.query(
    `INSERT INTO portfolio_item (id, participant_id, referral_id, provider_id, municipality_id, kind, title, body, theme, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [i.id, i.participantId, i.referralId, i.providerId, i.municipalityId, i.kind, i.title, i.body, i.theme, i.recordedBy, i.recordedAt],
  );
}

export interface ItemOwner {
  participantId: string;
  referralId: string;
  providerId: string;
  municipalityId: string;
}

/** Whose an item is; unscoped, the caller decides what the actor may do with it. */
export async function unsafeItemOwner(q: Queryable, itemId: string): Promise<ItemOwner | undefined> {
  const rows = await q.query<ItemOwner>(
    `SELECT participant_id AS "participantId", referral_id AS "referralId", provider_id AS "providerId", municipality_id AS "municipalityId" FROM portfolio_item WHERE id = $1`,
    [itemId],
  );
  return rows[0];
}

export interface NewFile {
  id: string;
  itemId: string;
  participantId: string;
  municipalityId: string;
  fileName: string;
  contentType: string;
  sha256: string;
  content: Buffer;
  recordedBy: string;
  recordedAt: Date;
}

export async function insertFile(q: Queryable, f: NewFile): Promise<void> {
  await q.query(
    `INSERT INTO portfolio_file (id, item_id, participant_id, municipality_id, file_name, content_type, size_bytes, sha256, content, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [f.id, f.itemId, f.participantId, f.municipalityId, f.fileName, f.contentType, f.content.length, f.sha256, f.content, f.recordedBy, f.recordedAt],
  );
}

/** One file with its bytes; unscoped, the caller checks the participant's scope. */
export async function unsafeFile(q: Queryable, fileId: string): Promise<{ participantId: string; fileName: string; contentType: string; content: Uint8Array } | undefined> {
  const rows = await q.query<{ participantId: string; fileName: string; contentType: string; content: Uint8Array }>(
    `SELECT participant_id AS "participantId", file_name AS "fileName", content_type AS "contentType", content FROM portfolio_file WHERE id = $1`,
    [fileId],
  );
  return rows[0];
}

export interface AnnexRow {
  version: number;
  content: PortfolioAnnexContent;
  recordedBy: string;
  recordedAt: string;
}

/** The current version of the Bijlage 3 part (the highest), or undefined when none was saved. */
export async function unsafeLatestAnnex(q: Queryable, participantId: string): Promise<AnnexRow | undefined> {
  const rows = await q.query<Omit<AnnexRow, 'recordedAt'> & { recordedAt: Date | string }>(
    `SELECT a.version, a.content, u.name AS "recordedBy", a.recorded_at AS "recordedAt"
     FROM portfolio_annex a JOIN app_user u ON u.id = a.recorded_by WHERE a.participant_id = $1 ORDER BY a.version DESC LIMIT 1`,
    [participantId],
  );
  const r = rows[0];
  return r === undefined ? undefined : { ...r, recordedAt: iso(r.recordedAt) };
}

export async function insertAnnex(
  q: Queryable,
  a: { id: string; participantId: string; version: number; referralId: string; providerId: string; municipalityId: string; content: PortfolioAnnexContent; recordedBy: string; recordedAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO portfolio_annex (id, participant_id, version, referral_id, provider_id, municipality_id, content, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.id, a.participantId, a.version, a.referralId, a.providerId, a.municipalityId, JSON.stringify(a.content), a.recordedBy, a.recordedAt],
  );
}

/** The contract and product of every referral of the participant: which portfolio it has (domain/portfolio.ts portfolioKind). */
export async function unsafeReferralProducts(q: Queryable, participantId: string): Promise<{ contractId: string; productCode: string }[]> {
  return q.query<{ contractId: string; productCode: string }>(`SELECT contract_id AS "contractId", product_code AS "productCode" FROM referral WHERE participant_id = $1`, [participantId]);
}

/** What the PDF says about the participant (R-PAR-2: the last four BSN digits only). */
export async function unsafePdfFacts(q: Queryable, participantId: string): Promise<{ participant: PdfParticipant; municipalityName: string } | undefined> {
  const rows = await q.query<{ participant: PdfParticipant; municipalityName: string }>(
    `SELECT json_build_object('givenName', p.given_name, 'familyName', p.family_name, 'dateOfBirth', to_char(p.date_of_birth, 'YYYY-MM-DD'),
       'clientNumber', p.client_number, 'bsnLastFour', p.bsn_last_four) AS participant, m.name AS "municipalityName"
     FROM participant p JOIN municipality m ON m.id = p.municipality_id WHERE p.id = $1`,
    [participantId],
  );
  return rows[0];
}
