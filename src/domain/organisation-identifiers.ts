// Issue #17: an organisation's identifiers changed by the administrator — a municipality's OIN, a
// provider's KvK number. They live where the rules read them, in the contract data (the OIN in the
// municipality's invoicing section: the e-invoice's buyer id and DUO's source OIN; the KvK number on the
// provider and in its invoicing section, which must agree), so the change is applied to every contract
// that names the organisation, and checked by the contract's own rules. Pure.
import { Contract } from './contract.js';

export type IdentifierChange = { kind: 'municipality'; code: string; oin: string } | { kind: 'provider'; code: string; kvkNumber: string };

export type ApplyResult = { ok: true; contracts: Contract[] } | { ok: false; field: 'oin' | 'kvkNumber'; code: 'notNamed' | 'refused'; reason: string };

/** The contracts that name the organisation, with the new identifier; the others are left out. */
export function applyIdentifier(contracts: readonly Contract[], change: IdentifierChange): ApplyResult {
  const field = change.kind === 'municipality' ? 'oin' : 'kvkNumber';
  const out: Contract[] = [];
  for (const c of contracts) {
    let touched = false;
    const next: Contract = structuredClone(c);
    if (change.kind === 'municipality') {
      for (const m of next.municipalities) {
        if (m.code !== change.code) continue;
        // The OIN is part of the invoicing section, which needs an address too: without one there is no
        // place for it that the e-invoice and DUO would read.
        if (m.invoicing === undefined) return { ok: false, field, code: 'refused', reason: `Het contract ${c.name} heeft voor deze gemeente geen factuurgegevens; de OIN hoort daarbij. Vul die eerst aan in het contractbestand.` };
        m.invoicing.oin = change.oin;
        touched = true;
      }
    } else {
      for (const p of next.providers) {
        if (p.code !== change.code) continue;
        p.kvkNumber = change.kvkNumber;
        if (p.invoicing !== undefined) p.invoicing.kvkNumber = change.kvkNumber;
        touched = true;
      }
    }
    if (!touched) continue;
    const parsed = Contract.safeParse(next);
    if (!parsed.success) return { ok: false, field, code: 'refused', reason: parsed.error.issues.map((i) => i.message).join('; ') };
    out.push(parsed.data);
  }
  if (out.length === 0) return { ok: false, field, code: 'notNamed', reason: 'Geen contract noemt deze organisatie.' };
  return { ok: true, contracts: out };
}
