// `/bewaartermijnen` (issue #17, R-SEC-4): the administrator sees the retention terms in force, what a purge
// would remove now (the dry run changes nothing) and the purge log — counts per kind, never the data.
import { useRef } from 'react';
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
} from '@utrecht/component-library-react';
import { useRetentionDryRun, useRetentionLog, type RetentionCounts, type RetentionTerms } from '../../api/retention';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';

const TITLE = 'Bewaartermijnen';

const KINDS: readonly { kind: keyof RetentionCounts; label: string }[] = [
  { kind: 'participant', label: 'Inburgeraars geanonimiseerd' },
  { kind: 'document', label: 'Documenten verwijderd' },
  { kind: 'session', label: 'Verlopen sessies verwijderd' },
  { kind: 'loginThrottle', label: 'Inlogtellers verwijderd' },
  { kind: 'auditEvent', label: 'Logregels verwijderd' },
  { kind: 'outboxMail', label: 'E-mails leeggemaakt' },
  { kind: 'passwordReset', label: 'Herstelkoppelingen verwijderd' },
  { kind: 'oidcLogin', label: 'Onvoltooide inlogpogingen verwijderd' },
  { kind: 'participantHeldFiscal', label: 'Bewaard voor de fiscale termijn' },
];

const TERMS: readonly { key: keyof RetentionTerms; label: string; unit: string }[] = [
  { key: 'participantYears', label: 'Gegevens van de inburgeraar, na afsluiting van de route', unit: 'jaar' },
  { key: 'documentYears', label: 'Documenten, na afsluiting van de route', unit: 'jaar' },
  { key: 'fiscalYears', label: 'Gefactureerde gegevens (fiscale bewaarplicht), na het einde van het jaar', unit: 'jaar' },
  { key: 'auditYears', label: 'Logregels', unit: 'jaar' },
  { key: 'sessionDays', label: 'Verlopen sessies', unit: 'dagen' },
  { key: 'loginThrottleDays', label: 'Inlogtellers, na laatste gebruik', unit: 'dagen' },
  { key: 'outboxDays', label: 'Verzonden e-mails (ontvanger, onderwerp en tekst)', unit: 'dagen' },
];

export function RetentionPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'retention.manage')) return <NotAllowed title={TITLE} />;
  return <Retention />;
}

function Retention() {
  const log = useRetentionLog();
  const dryRun = useRetentionDryRun();
  const resultRef = useRef<HTMLElement>(null);
  const check = () => {
    if (dryRun.isPending) return;
    dryRun.mutate(undefined, { onSuccess: () => requestAnimationFrame(() => resultRef.current?.focus()) });
  };

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>Eens per dag verwijdert of anonimiseert Koers wat zijn bewaartermijn voorbij is, in delen. Het opschoonlogboek telt per soort wat er weg is, nooit de gegevens zelf.</Paragraph>
      <section aria-labelledby="termijnen" className="koers-section">
        <Heading level={2} id="termijnen">
          Termijnen
        </Heading>
        {log.isPending ? <Loading what="Termijnen" /> : log.isError ? <LoadError error={log.error} /> : <TermsTable terms={log.data.terms} />}
      </section>
      <section aria-labelledby="proef" className="koers-section">
        <Heading level={2} id="proef">
          Proefrun
        </Heading>
        <Paragraph>Een proefrun telt wat er nu weg zou gaan en verandert niets.</Paragraph>
        <Button type="button" appearance="secondary-action-button" busy={dryRun.isPending} onClick={check}>
          Proefrun uitvoeren
        </Button>
        <section ref={resultRef} tabIndex={-1} aria-live="polite" aria-label="Uitkomst van de proefrun">
          {dryRun.isError && <LoadError error={dryRun.error} />}
          {dryRun.data && <CountsTable caption={`Wat een opschoning op ${formatDate(dryRun.data.today)} zou doen`} rows={[{ key: 'proef', label: 'Nu', counts: dryRun.data.counts }]} />}
        </section>
      </section>
      <section aria-labelledby="logboek" className="koers-section">
        <Heading level={2} id="logboek">
          Opschoonlogboek
        </Heading>
        {log.isPending ? (
          <Loading what="Opschoonlogboek" />
        ) : log.isError ? (
          <LoadError error={log.error} />
        ) : log.data.items.length === 0 ? (
          <Paragraph>Er is nog niet opgeschoond.</Paragraph>
        ) : (
          <CountsTable
            caption="De laatste 50 opschoningen"
            rows={log.data.items.map((r) => ({ key: r.id, label: `${formatTimestamp(r.startedAt)} (${r.trigger === 'scheduled' ? 'dagelijks' : 'door beheerder'})`, counts: r.counts }))}
          />
        )}
      </section>
    </>
  );
}

function TermsTable({ terms }: { terms: RetentionTerms }) {
  return (
    <Table>
      <TableCaption className="koers-visually-hidden">Bewaartermijnen per soort gegevens</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Soort gegevens</TableHeaderCell>
          <TableHeaderCell scope="col">Termijn</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {TERMS.map((t) => (
          <TableRow key={t.key}>
            <TableHeaderCell scope="row">{t.label}</TableHeaderCell>
            <TableCell>
              {terms[t.key]} {t.unit}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function CountsTable({ caption, rows }: { caption: string; rows: readonly { key: string; label: string; counts: RetentionCounts }[] }) {
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Opschoning</TableHeaderCell>
          {KINDS.map((k) => (
            <TableHeaderCell scope="col" key={k.kind}>
              {k.label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
            {KINDS.map((k) => (
              <TableCell key={k.kind}>{r.counts[k.kind]}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
