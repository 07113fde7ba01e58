// Issue #11, R-INV-6: the municipality's *Facturen*: the invoices its providers sent (or sent pro forma),
// to check line by line against the facts; approved and disputed lines; credit notes.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useUser } from '../../components/AppLayout';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { can } from '../../lib/permissions';
import { InvoiceList, type InvoiceView } from './InvoiceList';

const TITLE = 'Facturen';

const views: readonly InvoiceView[] = [
  { value: '', label: 'Te controleren', query: { lineStatus: 'toCheck' } },
  { value: 'goedgekeurd', label: 'Met goedgekeurde regels', query: { lineStatus: 'approved' } },
  { value: 'betwist', label: 'Met betwiste regels', query: { lineStatus: 'disputed' } },
  { value: 'creditnotas', label: 'Creditnota’s', query: { kind: 'creditNote' } },
  { value: 'alle', label: 'Alle facturen', query: {} },
];

const emptyTexts: Record<string, string> = {
  '': 'Er zijn geen facturen met regels om te controleren.',
  goedgekeurd: 'Geen facturen met goedgekeurde regels.',
  betwist: 'Geen facturen met betwiste regels.',
  creditnotas: 'Geen creditnota’s.',
  alle: 'Er zijn nog geen facturen ontvangen.',
};

export function FacturenPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'invoice.read')) return <NotAllowed title={TITLE} />;
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>De facturen van de aanbieders aan uw gemeente. Controleer elke regel: bij elke regel staan de feiten waarop hij berust. Keur hem goed of betwist hem met een reden.</Paragraph>
      <InvoiceList id="facturen-gemeente" views={views} showProvider showMunicipality={false} empty={(v) => emptyTexts[v.value] ?? 'Geen facturen.'} />
    </>
  );
}
