// Issue #13 (R-MI-6): "recipients are notified" — one mail per submission to the recipients the
// obligation names (R-CON-8): the region's contract managers ('contractManager'), the consultants of the
// instance's municipality or, for a region report, of every municipality of the contract
// ('municipalities'), of the centre municipalities ('centreMunicipalities', 002). Through the outbox in
// the submission's transaction; no BSN and no person's name: the report, the period, the provider (an
// organisation) and a link path.
import type { Contract } from '../../domain/contract.js';
import { findVersionInForce } from '../../domain/contract.js';
import type { InstanceKey } from '../../domain/reports/submission.js';
import type { Queryable } from '../../platform/db.js';
import { enqueueMail } from '../../platform/outbox.js';
import { organisationId } from '../organisations/store.js';
import type { InstanceView } from './instances.js';
import { unsafeRecipientAddresses } from './submission-store.js';

const dutch = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The municipality codes whose consultants receive the report. */
export function recipientMunicipalities(contract: Contract, key: InstanceKey, recipients: readonly string[]): string[] {
  const all = key.municipality === null ? contract.municipalities.map((m) => m.code) : [key.municipality];
  const out = new Set<string>();
  if (recipients.includes('municipalities')) for (const m of all) out.add(m);
  if (recipients.includes('centreMunicipalities')) {
    for (const m of contract.municipalities) if (m.invoicing?.centre === m.code && (key.municipality === null || key.municipality === m.code)) out.add(m.code);
  }
  return [...out];
}

/** Enqueues the mail of a submission (or correction); returns the rows written. */
export async function notifySubmission(tx: Queryable, contract: Contract, key: InstanceKey, view: InstanceView, sequence: number, today: string): Promise<number> {
  // R-CON-10: the version in force at the period's end, by the one lookup.
  const version = findVersionInForce(contract, view.period.end);
  const recipients = version?.reports?.find((r) => r.report === key.kind && (r.scope === 'region') === (key.municipality === null))?.recipients ?? [];
  const addresses = await unsafeRecipientAddresses(tx, recipients.includes('contractManager') ? contract.region.code : null, recipientMunicipalities(contract, key, recipients));
  const what = sequence === 1 ? 'ingediend' : `gecorrigeerd (correctie ${String(sequence - 1)})`;
  return enqueueMail(tx, {
    dedupeKey: `report-submitted:${view.id}:${String(sequence)}`,
    municipalityId: key.municipality === null ? null : organisationId('municipality', key.municipality),
    recipients: addresses,
    subject: `Koers: ${view.kindName} ${view.period.id} ${what} — ${view.scopeName}`,
    body: `${view.providerName} heeft de ${view.kindName.toLowerCase()} over ${view.period.id} (${view.scopeName}) ${what} op ${dutch(today)}.\nBekijk de rapportage: /rapportages/${encodeURIComponent(view.id)}`,
  });
}
