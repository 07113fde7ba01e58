// Issue #11, R-INV-4 and R-INV-6: the lines of one invoice, per participant. The municipality approves
// or disputes each line; both sides open the evidence of a line ("Onderbouwing"); the provider selects
// disputed lines to credit them.
import { useState } from 'react';
import { Button, ButtonGroup, Checkbox, FormLabel } from '@utrecht/component-library-react';
import { useCheckLine, type InvoiceDetail, type InvoiceLine } from '../../api/invoicing';
import { DataTable, type Column } from '../../components/DataTable';
import { describeError } from '../../components/QueryStatus';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate } from '../../lib/dates';
import { DisputeDialog } from './DisputeDialog';
import { EvidenceDialog } from './EvidenceDialog';
import { formatCents, formatMonth, lineStatusLabel, vatLabel } from './format';

interface LinesProps {
  invoice: InvoiceDetail;
  /** The municipality may approve and dispute the lines still to check. */
  mayCheck: boolean;
  /** The provider may select disputed lines to credit; the selection is the page's. */
  selection?: { selected: readonly string[]; toggle: (lineId: string) => void };
  announce: (message: string) => void;
}

type Open = { kind: 'evidence' | 'dispute'; line: InvoiceLine } | null;

function lineName(line: InvoiceLine): string {
  return `${line.participantName}, ${line.productName}`;
}

function CheckButtons({ invoiceId, line, onDispute, announce }: { invoiceId: string; line: InvoiceLine; onDispute: () => void; announce: (message: string) => void }) {
  const check = useCheckLine(invoiceId);
  const approve = () => {
    if (check.isPending) return;
    check.mutateAsync({ lineId: line.id, decision: 'approved' }).then(
      () => announce(`De regel van ${lineName(line)} is goedgekeurd.`),
      (error: unknown) => announce(`De regel van ${lineName(line)} is niet goedgekeurd: ${describeError(error)}`),
    );
  };
  return (
    <ButtonGroup>
      <Button appearance="secondary-action-button" busy={check.isPending} onClick={approve}>
        Goedkeuren<VisuallyHidden> ({lineName(line)})</VisuallyHidden>
      </Button>
      <Button appearance="secondary-action-button" onClick={onDispute}>
        Betwisten<VisuallyHidden> ({lineName(line)})</VisuallyHidden>
      </Button>
    </ButtonGroup>
  );
}

function columnsOf(props: LinesProps, setOpen: (open: Open) => void): Column<InvoiceLine>[] {
  const { invoice, mayCheck, selection, announce } = props;
  const columns: (Column<InvoiceLine> | false)[] = [
    selection !== undefined && {
      id: 'select',
      label: 'Kiezen',
      fixed: true,
      hiddenLabel: true,
      cell: (l) => {
        if (l.status !== 'disputed') return null;
        const id = `regel-kiezen-${l.id}`;
        return (
          <>
            <Checkbox id={id} checked={selection.selected.includes(l.id)} onChange={() => selection.toggle(l.id)} />
            <FormLabel htmlFor={id} type="checkbox">
              <VisuallyHidden>Kies {lineName(l)} om te crediteren</VisuallyHidden>
            </FormLabel>
          </>
        );
      },
    },
    { id: 'clientNumber', label: 'Klantnummer', cell: (l) => l.clientNumber ?? '' },
    { id: 'participant', label: 'Inburgeraar', fixed: true, rowHeader: true, cell: (l) => l.participantName },
    { id: 'startDate', label: 'Startdatum', cell: (l) => formatDate(l.startDate) },
    { id: 'product', label: 'Product', cell: (l) => l.productName },
    { id: 'deliveryMonth', label: 'Maand van levering', cell: (l) => formatMonth(l.deliveryMonth) },
    { id: 'amount', label: 'Bedrag excl. btw', cell: (l) => formatCents(l.amountCents) },
    { id: 'unitPrice', label: 'Prijs per eenheid excl. btw', cell: (l) => formatCents(l.unitPriceCents) },
    { id: 'vat', label: 'Btw', cell: (l) => vatLabel(l.vatRate, l.vatCategory) },
    { id: 'status', label: 'Status', cell: (l) => lineStatusLabel(l.status) },
    { id: 'disputeReason', label: 'Reden van betwisting', cell: (l) => l.disputeReason ?? '' },
    {
      id: 'actions',
      label: 'Acties',
      fixed: true,
      hiddenLabel: true,
      cell: (l) => (
        <div className="koers-line-actions">
          {mayCheck && l.status === 'toCheck' && <CheckButtons invoiceId={invoice.id} line={l} onDispute={() => setOpen({ kind: 'dispute', line: l })} announce={announce} />}
          <Button appearance="subtle-button" onClick={() => setOpen({ kind: 'evidence', line: l })}>
            Onderbouwing<VisuallyHidden> ({lineName(l)})</VisuallyHidden>
          </Button>
        </div>
      ),
    },
  ];
  return columns.filter((c): c is Column<InvoiceLine> => c !== false);
}

export function InvoiceLines(props: LinesProps) {
  const { invoice, announce } = props;
  const [open, setOpen] = useState<Open>(null);
  return (
    <>
      <DataTable
        id="factuurregels"
        caption={`Regels van ${invoice.numberText}`}
        columns={columnsOf(props, setOpen)}
        rows={invoice.lines}
        rowKey={(l) => l.id}
      />
      {open?.kind === 'evidence' && <EvidenceDialog invoiceId={invoice.id} line={open.line} onClose={() => setOpen(null)} />}
      {open?.kind === 'dispute' && (
        <DisputeDialog
          invoiceId={invoice.id}
          line={open.line}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            announce(message);
          }}
        />
      )}
    </>
  );
}
