// Issue #11: the invoicing screens' calls (R-INV-4, R-INV-6). The provider prepares, sends and credits;
// the municipality checks each line against the facts that earned it; the contract manager reads totals.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, ItemOf, Query } from './wire';

// Every shape comes from the generated contract (schema.gen.ts), none is written by hand.
export type EarnedPage = Answer<'/api/v1/invoicing/earned', 'get'>;
export type EarnedEvent = ItemOf<EarnedPage['items']>;
export type EarnedPerMunicipality = ItemOf<EarnedPage['perMunicipality']>;
export type RunResult = Answer<'/api/v1/invoicing/runs', 'post', 201>;
export type RunSkip = ItemOf<RunResult['skipped']>;
export type InvoiceSummary = ItemOf<Answer<'/api/v1/invoices', 'get'>['items']>;
export type InvoiceDetail = Answer<'/api/v1/invoices/{invoiceId}', 'get'>;
export type InvoiceLine = ItemOf<InvoiceDetail['lines']>;
export type InvoiceKind = InvoiceSummary['kind'];
export type InvoiceStatus = InvoiceSummary['status'];
export type LineStatus = InvoiceLine['status'];
export type Evidence = Answer<'/api/v1/invoices/{invoiceId}/lines/{lineId}/evidence', 'get'>;
export type InvoiceTotals = Answer<'/api/v1/invoicing/totals', 'get'>;
export type Centre = ItemOf<Answer<'/api/v1/invoicing/centres', 'get'>['items']>;
export type RoundResult = Answer<'/api/v1/invoicing/rounds', 'post', 201>;

type EarnedApiQuery = Query<'/api/v1/invoicing/earned', 'get'>;
type InvoiceApiQuery = Query<'/api/v1/invoices', 'get'>;
export type EarnedSort = NonNullable<EarnedApiQuery['sort']>;
export type InvoiceSort = NonNullable<InvoiceApiQuery['sort']>;
export const EARNED_SORTS: readonly EarnedSort[] = ['earnedOn', '-earnedOn', 'name', '-name', 'amount', '-amount'];
export const INVOICE_SORTS: readonly InvoiceSort[] = ['-number', 'number', 'issueDate', '-issueDate', 'dueDate', '-dueDate', 'total', '-total', 'municipality', '-municipality'];

export type EarnedQuery = EarnedApiQuery & { sort: EarnedSort; page: number; pageSize: number };
export type InvoiceQuery = InvoiceApiQuery & { sort: InvoiceSort; page: number; pageSize: number };
type CheckBody = Body<'/api/v1/invoices/{invoiceId}/lines/{lineId}/check', 'post'>;
type CreditBody = Body<'/api/v1/invoices/{invoiceId}/credit', 'post'>;

export const invoicingKeys = {
  all: ['invoicing'] as const,
  earned: (query: EarnedQuery) => ['invoicing', 'earned', query] as const,
  earnedSummary: ['invoicing', 'earned', 'summary'] as const,
  invoices: (query: InvoiceQuery) => ['invoicing', 'invoices', query] as const,
  invoice: (id: string) => ['invoicing', 'invoice', id] as const,
  evidence: (invoiceId: string, lineId: string) => ['invoicing', 'evidence', invoiceId, lineId] as const,
  totals: (from: string, to: string) => ['invoicing', 'totals', from, to] as const,
  centres: ['invoicing', 'centres'] as const,
};

/** 002 eis 12: the provider's centre municipalities of half-year contracts (empty for every other contract). */
export function useCentres(enabled = true) {
  return useQuery({ queryKey: invoicingKeys.centres, queryFn: ({ signal }) => ok(koers.GET('/api/v1/invoicing/centres', { signal })), enabled });
}

/** Earned and not yet invoiced (R-INV-1), one page, with the count and amount per municipality. */
export function useEarned(query: EarnedQuery) {
  return useQuery({
    queryKey: invoicingKeys.earned(query),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/invoicing/earned', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useInvoices(query: InvoiceQuery) {
  return useQuery({
    queryKey: invoicingKeys.invoices(query),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/invoices', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: invoicingKeys.invoice(id),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/invoices/{invoiceId}', { params: { path: { invoiceId: id } }, signal })),
  });
}

/** R-INV-6: the facts that earned a line and its history; fetched when the evidence is opened. */
export function useEvidence(invoiceId: string, lineId: string, enabled: boolean) {
  return useQuery({
    queryKey: invoicingKeys.evidence(invoiceId, lineId),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/invoices/{invoiceId}/lines/{lineId}/evidence', { params: { path: { invoiceId, lineId } }, signal })),
    enabled,
  });
}

export function useInvoiceTotals(from: string, to: string) {
  return useQuery({
    queryKey: invoicingKeys.totals(from, to),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/invoicing/totals', { params: { query: { from, to } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function invoiceFileHref(invoiceId: string, format: 'pdf' | 'ubl'): string {
  return `/api/v1/invoices/${encodeURIComponent(invoiceId)}/${format}`;
}

/** Every change touches the earned list, the invoice lists and the invoice itself: all are fetched again. */
function useInvoicingMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoicingKeys.all }),
  });
}

/** 002 eis 12-13: the half-year round: a pro-forma invoice per municipality of the centre, mailed to the centre. */
export function useRound() {
  return useInvoicingMutation((body: Body<'/api/v1/invoicing/rounds', 'post'>) => ok(koers.POST('/api/v1/invoicing/rounds', { body })));
}

export function usePrepareRun() {
  return useInvoicingMutation((body: Body<'/api/v1/invoicing/runs', 'post'>) => ok(koers.POST('/api/v1/invoicing/runs', { body })));
}

export function useInvoiceStep(invoiceId: string) {
  const params = { path: { invoiceId } };
  return useInvoicingMutation((step: 'pro-forma' | 'send') =>
    ok(step === 'send' ? koers.POST('/api/v1/invoices/{invoiceId}/send', { params }) : koers.POST('/api/v1/invoices/{invoiceId}/pro-forma', { params })),
  );
}

export function useCheckLine(invoiceId: string) {
  return useInvoicingMutation((input: CheckBody & { lineId: string }) => {
    const { lineId, ...body } = input;
    return ok(koers.POST('/api/v1/invoices/{invoiceId}/lines/{lineId}/check', { params: { path: { invoiceId, lineId } }, body }));
  });
}

export function useCredit(invoiceId: string) {
  return useInvoicingMutation((body: CreditBody) => ok(koers.POST('/api/v1/invoices/{invoiceId}/credit', { params: { path: { invoiceId } }, body })));
}
