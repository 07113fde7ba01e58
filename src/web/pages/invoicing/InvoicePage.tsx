// Issue #11: one invoice or credit note (`/facturen/:invoiceId`), for the provider that made it and the
// municipality it is addressed to (the server answers 404 to anyone else): the header of R-INV-4, the
// PDF and the SI-UBL file (R-INV-5), the lines with their evidence and the steps each side may take.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';
import { invoiceFileHref, useInvoice, type InvoiceDetail, type InvoiceSummary } from '../../api/invoicing';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { can } from '../../lib/permissions';
import { formatCents, invoiceKindLabels, invoiceStatusLabels } from './format';
import { invoicePath } from './InvoiceList';
import { InvoiceLines } from './InvoiceLines';
import { CreditForm, SendSteps } from './ProviderActions';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function Header({ invoice }: { invoice: InvoiceDetail }) {
  return (
    <section aria-labelledby="factuurgegevens" className="koers-section">
      <Heading level={2} id="factuurgegevens">
        Gegevens
      </Heading>
      <DataList className="koers-wrap-anywhere">
        <Item label="Nummer">{invoice.numberText}</Item>
        <Item label="Soort">{invoiceKindLabels[invoice.kind]}</Item>
        <Item label="Status">{invoiceStatusLabels[invoice.status]}</Item>
        <Item label="Aanbieder">{invoice.providerName}</Item>
        <Item label="Gemeente">{invoice.municipalityName}</Item>
        <Item label="Factuurdatum">{formatDate(invoice.issueDate)}</Item>
        <Item label="Vervaldatum">{formatDate(invoice.dueDate)}</Item>
        <Item label="Periode">
          {formatDate(invoice.periodStart)} tot en met {formatDate(invoice.periodEnd)}
        </Item>
        <Item label="Totaal excl. btw">{formatCents(invoice.totalExclVatCents)}</Item>
        <Item label="Btw">{formatCents(invoice.totalVatCents)}</Item>
        <Item label="Totaal incl. btw">{formatCents(invoice.totalInclVatCents)}</Item>
        {invoice.creditsInvoiceId && (
          <Item label="Crediteert">
            <RouterLink to={invoicePath(invoice.creditsInvoiceId)}>de oorspronkelijke factuur</RouterLink>
          </Item>
        )}
      </DataList>
      <Heading level={3}>Bestanden</Heading>
      <UnorderedList>
        <UnorderedListItem>
          <a className="utrecht-link" href={invoiceFileHref(invoice.id, 'pdf')} download>
            Download de pdf
          </a>
        </UnorderedListItem>
        <UnorderedListItem>
          <a className="utrecht-link" href={invoiceFileHref(invoice.id, 'ubl')} download>
            Download de e-factuur (SI-UBL 2.0, xml)
          </a>
        </UnorderedListItem>
      </UnorderedList>
    </section>
  );
}

export function InvoicePage() {
  const { invoiceId = '' } = useParams();
  const user = useUser();
  const invoice = useInvoice(invoiceId);
  const title = invoice.data ? `${invoiceKindLabels[invoice.data.kind]} ${invoice.data.numberText}` : 'Factuur';
  useDocumentTitle(title);
  if (!can(user, 'invoice.read')) return <NotAllowed title="Factuur" />;
  if (invoice.isPending) return <Loading what="Factuur" />;
  if (invoice.isError)
    return (
      <>
        <Heading level={1}>Factuur</Heading>
        <LoadError error={invoice.error} />
      </>
    );
  return <InvoiceView key={invoice.data.id} invoice={invoice.data} title={title} mayPrepare={can(user, 'invoice.prepare')} mayCheck={can(user, 'invoice.check')} />;
}

function InvoiceView({ invoice, title, mayPrepare, mayCheck }: { invoice: InvoiceDetail; title: string; mayPrepare: boolean; mayCheck: boolean }) {
  const [announcement, setAnnouncement] = useState<ReactNode>('');
  const [selected, setSelected] = useState<string[]>([]);
  const statusRef = useRef<HTMLDivElement>(null);

  const [announced, setAnnounced] = useState(0);
  const announce = (message: ReactNode) => {
    setAnnouncement(message);
    setAnnounced((n) => n + 1);
  };
  // The button pressed may be gone with the refetch; keep keyboard focus on the confirmation, once it
  // is rendered (an effect runs after the commit; an animation frame may come before it).
  useEffect(() => {
    if (announced > 0) statusRef.current?.focus();
  }, [announced]);
  const toggle = (lineId: string) => setSelected((s) => (s.includes(lineId) ? s.filter((id) => id !== lineId) : [...s, lineId]));
  const credited = (credit: InvoiceSummary) => {
    setSelected([]);
    announce(
      <>
        Creditnota <RouterLink to={invoicePath(credit.id)}>{credit.numberText}</RouterLink> is gemaakt. De gecrediteerde producten staan weer bij{' '}
        <RouterLink to="/declareren">Te declareren</RouterLink>; bereid daar een nieuwe factuur voor om ze opnieuw te factureren.
      </>,
    );
  };

  const isInvoice = invoice.kind === 'invoice';
  const disputed = invoice.lines.filter((l) => l.status === 'disputed');
  const canCredit = mayPrepare && isInvoice && invoice.status !== 'prepared' && disputed.length > 0;
  const checking = mayCheck && isInvoice && invoice.status !== 'prepared';
  const liveSelection = selected.filter((id) => disputed.some((l) => l.id === id));

  return (
    <>
      {/* An invoice number is one long word ('TAALPUNT-WESTFRIESLAND/2026/00001'): it breaks on a phone. */}
      <Heading level={1} className="koers-wrap-anywhere">
        {title}
      </Heading>
      <Paragraph>
        {invoice.providerName} aan {invoice.municipalityName}, {invoiceStatusLabels[invoice.status].toLowerCase()}. <RouterLink to={mayPrepare ? '/declareren?weergave=facturen' : '/facturen'}>Terug naar de facturen</RouterLink>
      </Paragraph>
      <div ref={statusRef} role="status" tabIndex={-1} className="koers-announcement koers-wrap-anywhere">
        {announcement}
      </div>
      <Header invoice={invoice} />
      {mayPrepare && <SendSteps invoice={invoice} announce={announce} />}
      <section aria-labelledby="regels" className="koers-section">
        <Heading level={2} id="regels">
          Regels
        </Heading>
        {checking && <Paragraph>Controleer elke regel aan de hand van de onderbouwing. Keur hem goed, of betwist hem met een reden.</Paragraph>}
        <InvoiceLines invoice={invoice} mayCheck={checking} announce={announce} {...(canCredit ? { selection: { selected: liveSelection, toggle } } : {})} />
      </section>
      {canCredit && <CreditForm invoice={invoice} selected={liveSelection} onDone={credited} />}
    </>
  );
}
