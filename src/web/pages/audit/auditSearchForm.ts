// The audit search form's fields and checks (issue #17), kept apart from the page so they can be tested.
import { isValidBsn, normaliseBsn } from '../../../domain/bsn';
import type { AuditCriteria } from '../../api/auditSearch';

export const searchFields = ['bsn', 'clientNumber', 'userEmail', 'from', 'to', 'operation', 'status'] as const;
export type SearchField = (typeof searchFields)[number];
export const emptySearch: Record<SearchField, string> = { bsn: '', clientNumber: '', userEmail: '', from: '', to: '', operation: '', status: '' };

export function validateSearchField(name: SearchField, v: Record<SearchField, string>): string | undefined {
  const bsn = normaliseBsn(v.bsn);
  switch (name) {
    case 'bsn':
      if (bsn === '' && v.clientNumber.trim() === '' && v.userEmail.trim() === '' && v.operation === '') return 'Vul een BSN, een cliëntnummer, een gebruiker of een bewerking in.';
      if (bsn !== '' && !isValidBsn(bsn)) return 'Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef.';
      return undefined;
    case 'clientNumber':
      return bsn !== '' && v.clientNumber.trim() !== '' ? 'Zoek op BSN of op cliëntnummer, niet op allebei.' : undefined;
    case 'userEmail':
      return v.userEmail.trim() !== '' && !v.userEmail.includes('@') ? 'Vul een e-mailadres in, bijvoorbeeld naam@gemeente.nl.' : undefined;
    case 'to':
      return v.from !== '' && v.to !== '' && v.to < v.from ? 'De einddatum ligt vóór de begindatum.' : undefined;
    case 'from':
    case 'operation':
    case 'status':
      return undefined;
  }
}

export function criteriaOf(v: Record<SearchField, string>): AuditCriteria {
  const bsn = normaliseBsn(v.bsn);
  return {
    ...(bsn !== '' ? { bsn } : {}),
    ...(v.clientNumber.trim() !== '' ? { clientNumber: v.clientNumber.trim() } : {}),
    ...(v.userEmail.trim() !== '' ? { userEmail: v.userEmail.trim() } : {}),
    ...(v.from !== '' ? { from: v.from } : {}),
    ...(v.to !== '' ? { to: v.to } : {}),
    ...(v.operation !== '' ? { operation: v.operation } : {}),
    ...(v.status === 'ok' || v.status === 'error' ? { status: v.status } : {}),
  };
}
