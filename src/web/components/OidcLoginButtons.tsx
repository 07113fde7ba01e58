// Login through an identity provider (issue #9): "Inloggen met DigiD" for participants and "Inloggen via
// uw organisatie" for professionals, for the logins the server has configured (GET /api/v1/oidc/providers;
// none → nothing shown). The buttons are links: the browser goes to the server, which sends it on to
// the identity provider. A refused login comes back as /inloggen?oidc-fout=<code>, explained here.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, ButtonGroup, ButtonLink, Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import type { OidcRefusal } from '../../features/oidc/refusals';
import { koers, ok } from '../api/client';

const refusalMessages: Record<OidcRefusal, string> = {
  noTransaction: 'Het inloggen duurde te lang, of deze inlogpoging is al gebruikt. Probeer het opnieuw.',
  cancelled: 'Het inloggen is afgebroken. Probeer het opnieuw als u wilt inloggen.',
  invalidResponse: 'Het antwoord van de inlogdienst klopte niet. Probeer het opnieuw.',
  acrTooLow:
    'U logde in op een te laag beveiligingsniveau. Log opnieuw in met een extra controle, zoals de DigiD app of een sms-code.',
  unknownUser: 'Er is in Koers geen account met het e-mailadres dat uw organisatie doorgaf. Vraag de beheerder van Koers in uw organisatie om een account.',
  unknownParticipant: 'Wij kunnen u niet vinden in Koers. Neem contact op met uw gemeente.',
  unavailable: 'De inlogdienst is nu niet bereikbaar. Probeer het later opnieuw.',
};

function refusalMessage(code: string | null): string | undefined {
  if (code === null) return undefined;
  return code in refusalMessages ? refusalMessages[code as OidcRefusal] : 'Het inloggen is niet gelukt. Probeer het opnieuw.';
}

export function OidcLoginButtons() {
  const providers = useQuery({
    queryKey: ['oidc-providers'],
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/oidc/providers', { signal }), { expectUnauthorized: true }),
  });
  const [params] = useSearchParams();
  const refusal = refusalMessage(params.get('oidc-fout'));
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal !== undefined) alertRef.current?.focus();
  }, [refusal]);

  const items = providers.data?.items ?? [];
  const digid = items.find((p) => p.id === 'digid');
  const staff = items.find((p) => p.id === 'staff');

  return (
    <>
      {refusal !== undefined && (
        <Alert ref={alertRef} type="error" tabIndex={-1} className="koers-error-summary">
          <Heading level={2}>Inloggen is niet gelukt</Heading>
          <Paragraph>{refusal}</Paragraph>
        </Alert>
      )}
      {items.length > 0 && (
        <section aria-labelledby="oidc-login" className="koers-section">
          <Heading level={2} id="oidc-login">
            Op een andere manier inloggen
          </Heading>
          {digid !== undefined && <Paragraph>Bent u inburgeraar? Log dan in met DigiD.</Paragraph>}
          {staff !== undefined && <Paragraph>Werkt u bij een gemeente of aanbieder? Log dan in via uw eigen organisatie.</Paragraph>}
          <ButtonGroup>
            {digid !== undefined && (
              <ButtonLink href={digid.loginUrl} appearance="primary-action-button">
                Inloggen met DigiD
              </ButtonLink>
            )}
            {staff !== undefined && (
              <ButtonLink href={staff.loginUrl} appearance="secondary-action-button">
                Inloggen via uw organisatie
              </ButtonLink>
            )}
          </ButtonGroup>
        </section>
      )}
    </>
  );
}
