// Issue #11, R-INV-1 and R-INV-4: what the facts earned and is not on an invoice yet, per municipality,
// with the step to prepare the invoice; below it the earned products themselves.
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEarned, type EarnedPerMunicipality, type RunResult } from '../../api/invoicing';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { TableScroll } from '../../components/TableScroll';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { EarnedList } from './EarnedList';
import { formatCents, skipReasonLabel } from './format';
import { invoicePath } from './InvoiceList';
import { PrepareInvoice } from './PrepareInvoice';

interface Outcome {
  result: RunResult;
  municipalityName: string;
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  const { result, municipalityName } = outcome;
  const { invoice, skipped } = result;
  return (
    <>
      {invoice ? (
        <Paragraph>
          Factuur <RouterLink to={invoicePath(invoice.id)}>{invoice.numberText}</RouterLink> is voorbereid voor {municipalityName}: {formatCents(invoice.totalInclVatCents)} inclusief btw. Controleer
          hem en verstuur hem dan pro forma of definitief.
        </Paragraph>
      ) : (
        <Paragraph>Er was voor {municipalityName} tot en met die datum niets te factureren. Er is geen factuur gemaakt.</Paragraph>
      )}
      {skipped.length > 0 && (
        <>
          <Paragraph>
            {skipped.length === 1 ? '1 aanmelding is' : `${skipped.length} aanmeldingen zijn`} overgeslagen:
          </Paragraph>
          <UnorderedList>
            {skipped.map((s) => (
              <UnorderedListItem key={s.referralId}>
                <RouterLink to={`/aanmeldingen/${encodeURIComponent(s.referralId)}`}>Aanmelding</RouterLink>: {skipReasonLabel(s.reason)}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </>
  );
}

export function ToInvoice() {
  // The totals per municipality, whatever the list below searches: one row is enough to get them.
  const summary = useEarned({ sort: 'earnedOn', page: 1, pageSize: 1 });
  const [chosen, setChosen] = useState<EarnedPerMunicipality | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const cancel = () => {
    const id = chosen?.municipalityId;
    setChosen(null);
    requestAnimationFrame(() => (id ? buttons.current.get(id)?.focus() : undefined));
  };
  const done = (result: RunResult, municipalityName: string) => {
    setChosen(null);
    setOutcome({ result, municipalityName });
  };
  // The form is gone; the keyboard goes on from the outcome. After the commit that shows it (an effect),
  // not in an animation frame that can come before React has rendered the change.
  useEffect(() => {
    if (outcome !== null) statusRef.current?.focus();
  }, [outcome]);

  let body;
  if (summary.isPending) body = <Loading what="Te declareren" />;
  else if (summary.isError) body = <LoadError error={summary.error} />;
  else if (summary.data.perMunicipality.length === 0) body = <Paragraph>Er is niets verdiend dat nog niet gefactureerd is.</Paragraph>;
  else
    body = (
      <TableScroll label="Te declareren per gemeente">
        <Table>
          <TableCaption className="koers-visually-hidden">Te declareren per gemeente</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
              <TableHeaderCell scope="col">Producten</TableHeaderCell>
              <TableHeaderCell scope="col">Bedrag excl. btw</TableHeaderCell>
              <TableHeaderCell scope="col">
                <VisuallyHidden>Actie</VisuallyHidden>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.data.perMunicipality.map((m) => (
              <TableRow key={m.municipalityId}>
                <TableHeaderCell scope="row">{m.municipalityName}</TableHeaderCell>
                <TableCell>{m.count}</TableCell>
                <TableCell>{formatCents(m.amountCents)}</TableCell>
                <TableCell>
                  <Button
                    ref={(el) => {
                      if (el) buttons.current.set(m.municipalityId, el);
                      else buttons.current.delete(m.municipalityId);
                    }}
                    appearance="secondary-action-button"
                    aria-expanded={chosen?.municipalityId === m.municipalityId}
                    onClick={() => {
                      setOutcome(null);
                      setChosen(m);
                    }}
                  >
                    Factuur voorbereiden<VisuallyHidden> voor {m.municipalityName}</VisuallyHidden>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    );

  return (
    <>
      <section aria-labelledby="te-declareren" className="koers-section">
        <Heading level={2} id="te-declareren">
          Te declareren
        </Heading>
        <Paragraph>Verdiend volgens de geregistreerde feiten en nog niet op een factuur, per gemeente.</Paragraph>
        <div ref={statusRef} role="status" tabIndex={-1} className="koers-announcement koers-wrap-anywhere">
          {outcome && <OutcomeText outcome={outcome} />}
        </div>
        {body}
        {chosen && <PrepareInvoice key={chosen.municipalityId} municipality={chosen} onDone={done} onCancel={cancel} />}
      </section>
      <section aria-labelledby="verdiend" className="koers-section">
        <Heading level={2} id="verdiend">
          Verdiende producten
        </Heading>
        <EarnedList />
      </section>
    </>
  );
}
