// Issue #17 (R-SEC-2): the privacy officer's search of the audit log (src/features/audit-search). POST,
// because the criteria can hold a BSN, which never goes in a URL.
import { useMutation } from '@tanstack/react-query';
import { ApiError, koers, ok, problemOf } from './client';
import type { Answer, Body } from './wire';

export type AuditSearchRequest = Body<'/api/v1/audit-search', 'post'>;
export type AuditCriteria = AuditSearchRequest['criteria'];
export type AuditSearchPage = Answer<'/api/v1/audit-search', 'post'>;
export type AuditLine = AuditSearchPage['items'][number];

export function useAuditSearch() {
  return useMutation({ mutationFn: (request: AuditSearchRequest) => ok(koers.POST('/api/v1/audit-search', { body: request })) });
}

/** Downloads every line of the search as a file: a POST, so the browser's plain link cannot do it. */
export async function downloadAuditExport(criteria: AuditCriteria, format: 'xlsx' | 'csv'): Promise<void> {
  const response = await fetch('/api/v1/audit-search/export', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ criteria, format }),
  });
  if (!response.ok) throw new ApiError(response.status, problemOf(response.status, response.statusText, await response.json().catch(() => undefined)));
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `logboek.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
