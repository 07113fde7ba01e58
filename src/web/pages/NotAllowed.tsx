import { Heading, Paragraph } from '@utrecht/component-library-react';
import { RouterLink } from '../components/RouterLink';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** Shown when the role cannot use a page; the server refuses the calls anyway. */
export function NotAllowed({ title }: { title: string }) {
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>U kunt deze pagina met uw rol niet gebruiken.</Paragraph>
      <Paragraph>
        <RouterLink to="/">Naar de werklijst</RouterLink>
      </Paragraph>
    </>
  );
}

export function NotFoundPage() {
  useDocumentTitle('Pagina niet gevonden');
  return (
    <>
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>Deze pagina bestaat niet. Controleer het webadres.</Paragraph>
      <Paragraph>
        <RouterLink to="/">Naar de werklijst</RouterLink>
      </Paragraph>
    </>
  );
}
