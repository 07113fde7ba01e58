import { Alert, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../api/client';

export function Loading({ what }: { what: string }) {
  return (
    <Paragraph role="status" aria-live="polite">
      {what} laden…
    </Paragraph>
  );
}

export function describeError(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 403 || error.status === 404) return 'Dit is niet gevonden, of u heeft er geen toegang toe.';
    if (error.status === 429) return 'Te veel verzoeken, probeer het over een minuut opnieuw.';
    if (error.status >= 500) return 'Er ging iets mis op de server. Probeer het later opnieuw.';
    return error.problem.detail ?? error.problem.title ?? 'Er ging iets mis.';
  }
  return 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';
}

export function LoadError({ error }: { error: unknown }) {
  return <Alert type="error">{describeError(error)}</Alert>;
}
