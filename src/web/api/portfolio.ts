// The portfolio (issue #12, R-MAP-3): items with their files, the 001 Bijlage 3 part with its
// completeness, and the whole portfolio as one PDF.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok, rawBody } from './client';
import type { Answer, Body, ItemOf } from './wire';

export type PortfolioItem = ItemOf<Answer<'/api/v1/participants/{id}/portfolio-items', 'get'>['items']>;
export type PortfolioItemInput = Body<'/api/v1/participants/{id}/portfolio-items', 'post'>;
export type PortfolioAnnex = Answer<'/api/v1/participants/{id}/portfolio-annex', 'get'>;
export type PortfolioAnnexInput = Body<'/api/v1/participants/{id}/portfolio-annex', 'put'>;

const onParticipant = (id: string) => ({ path: { id } });
// Under ['participation', id]: a participation write (a MAP theme) and a portfolio write refresh each other's reads.
const key = (id: string) => ['participation', id, 'portfolio'] as const;

export const portfolioDownloads = {
  pdf: (participantId: string) => `/api/v1/participants/${encodeURIComponent(participantId)}/portfolio.pdf`,
  file: (fileId: string) => `/api/v1/portfolio-files/${encodeURIComponent(fileId)}`,
};

export const usePortfolioItems = (id: string) =>
  useQuery({ queryKey: [...key(id), 'items'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/portfolio-items', { params: onParticipant(id), signal })) });
export const usePortfolioAnnex = (id: string) =>
  useQuery({ queryKey: [...key(id), 'annex'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/portfolio-annex', { params: onParticipant(id), signal })) });

function usePortfolioCommand<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  // The Deelname list shows "Portfolio compleet": it is under ['participation'] too.
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['participation'] }) });
}

export const useAddPortfolioItem = (participantId: string) =>
  usePortfolioCommand((body: PortfolioItemInput) => ok(koers.POST('/api/v1/participants/{id}/portfolio-items', { params: onParticipant(participantId), body })));

export const useSavePortfolioAnnex = (participantId: string) =>
  usePortfolioCommand((body: PortfolioAnnexInput) => ok(koers.PUT('/api/v1/participants/{id}/portfolio-annex', { params: onParticipant(participantId), body })));

export const useAddPortfolioFile = () =>
  usePortfolioCommand(({ itemId, file }: { itemId: string; file: File }) =>
    ok(
      koers.POST('/api/v1/portfolio-items/{id}/files', {
        params: { path: { id: itemId }, header: { 'x-file-name': encodeURIComponent(file.name) } },
        headers: { 'Content-Type': 'application/pdf' },
        // The PDF itself is the body, as with the signed learning plan (api/lifecycle.ts).
        bodySerializer: () => rawBody(file),
        body: file as never,
      }),
    ),
  );
