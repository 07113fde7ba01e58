// Issue #11, R-INV-4: the provider coordinator's *Declareren*: what the facts earned and is not invoiced
// yet (with the step to prepare an invoice), and its invoices by state: prepared, pro forma, sent,
// disputed, credit notes. Two parts, each its own address, so each list keeps its state in the address.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { useUser } from '../../components/AppLayout';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { can } from '../../lib/permissions';
import { HalfYearRound } from './HalfYearRound';
import { InvoiceList, type InvoiceView } from './InvoiceList';
import { ToInvoice } from './ToInvoice';

const TITLE = 'Declareren';

const views: readonly InvoiceView[] = [
  { value: '', label: 'Alle facturen', query: {} },
  { value: 'voorbereid', label: 'Voorbereid', query: { status: 'prepared', kind: 'invoice' } },
  { value: 'pro-forma', label: 'Pro forma', query: { status: 'proForma', kind: 'invoice' } },
  { value: 'verstuurd', label: 'Verstuurd', query: { status: 'sent', kind: 'invoice' } },
  { value: 'betwist', label: 'Met betwiste regels', query: { lineStatus: 'disputed' } },
  { value: 'creditnotas', label: 'Creditnota’s', query: { kind: 'creditNote' } },
];

const emptyTexts: Record<string, string> = {
  '': 'U heeft nog geen facturen.',
  voorbereid: 'Geen voorbereide facturen.',
  'pro-forma': 'Geen pro-formafacturen.',
  verstuurd: 'Geen verstuurde facturen.',
  betwist: 'Geen facturen met betwiste regels.',
  creditnotas: 'Geen creditnota’s.',
};

export function DeclarerenPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  const [search] = useSearchParams();
  if (!can(user, 'invoice.prepare')) return <NotAllowed title={TITLE} />;
  const part = search.get('weergave') === 'facturen' ? 'facturen' : 'te-declareren';
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>Koers berekent elke factuurregel uit de geregistreerde feiten. Bereid per gemeente een verzamelfactuur voor, controleer hem en verstuur hem.</Paragraph>
      <nav aria-label="Onderdelen van Declareren">
        <ul className="koers-bucket-summary">
          <li>
            <RouterLink to="/declareren" aria-current={part === 'te-declareren' ? 'page' : undefined}>
              Te declareren
            </RouterLink>
          </li>
          <li>
            <RouterLink to="/declareren?weergave=facturen" aria-current={part === 'facturen' ? 'page' : undefined}>
              Facturen
            </RouterLink>
          </li>
        </ul>
      </nav>
      {part === 'te-declareren' ? (
        <>
          <ToInvoice />
          <HalfYearRound />
        </>
      ) : (
        <section aria-labelledby="facturen" className="koers-section">
          <Heading level={2} id="facturen">
            Facturen
          </Heading>
          <InvoiceList id="facturen-aanbieder" views={views} showProvider={false} showMunicipality empty={(v) => emptyTexts[v.value] ?? 'Geen facturen.'} />
        </section>
      )}
    </>
  );
}
