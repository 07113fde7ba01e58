// `/logboek` (issue #17, R-SEC-2): the municipality's privacy officer answers a resident's access request
// (AVG art. 15) from the audit log: who saw or changed the person's data, when, and who tried and was
// refused. By BSN or client number, by user, by period and by operation; paged; exported whole.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { downloadAuditExport, useAuditSearch, type AuditCriteria, type AuditLine, type AuditSearchPage } from '../../api/auditSearch';
import { useUser } from '../../components/AppLayout';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { describeError } from '../../components/QueryStatus';
import { formatTimestamp } from '../../lib/dates';
import { auditEventLabel, auditOperationOptions, roleLabel } from '../../lib/labels';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useForm } from '../../lib/useForm';
import { NotAllowed } from '../NotAllowed';
import { criteriaOf, emptySearch, searchFields, validateSearchField } from './auditSearchForm';

const TITLE = 'Logboek doorzoeken';
const PAGE_SIZE = 25;

const columns: Column<AuditLine>[] = [
  { id: 'startedAt', label: 'Tijdstip', fixed: true, rowHeader: true, cell: (l) => formatTimestamp(l.startedAt) },
  { id: 'operation', label: 'Bewerking', cell: (l) => auditEventLabel(l.operation) },
  { id: 'status', label: 'Uitkomst', cell: (l) => (l.status === 'ok' ? 'Uitgevoerd' : 'Geweigerd of mislukt') },
  { id: 'actor', label: 'Door', cell: (l) => (l.actorName === null ? 'Koers (automatisch)' : `${l.actorName}${l.actorRole ? ` (${roleLabel(l.actorRole)})` : ''}`) },
  { id: 'organisation', label: 'Organisatie', cell: (l) => l.organisationName ?? '—' },
  { id: 'clientNumber', label: 'Cliëntnummer', cell: (l) => l.clientNumber ?? '—' },
  { id: 'traceId', label: 'Trace-id', cell: (l) => <code>{l.traceId}</code> },
];

export function AuditSearchPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'audit.search')) return <NotAllowed title={TITLE} />;
  return <AuditSearch />;
}

function AuditSearch() {
  const search = useAuditSearch();
  const form = useForm(emptySearch, searchFields, validateSearchField);
  const [asked, setAsked] = useState<AuditCriteria | undefined>();
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState<string | undefined>();

  const run = (criteria: AuditCriteria, nextPage: number) => {
    search.mutate(
      { criteria, page: nextPage, pageSize: PAGE_SIZE },
      {
        onSuccess: () => {
          setAsked(criteria);
          setPage(nextPage);
        },
        onError: (error) => form.applyServerError(error),
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (search.isPending || !form.validateAll()) return;
    run(criteriaOf(form.values), 1);
  };

  const download = async (format: 'xlsx' | 'csv') => {
    if (asked === undefined) return;
    setExporting('Het bestand wordt gemaakt…');
    try {
      await downloadAuditExport(asked, format);
      setExporting('Het bestand is gedownload.');
    } catch (error) {
      setExporting(`Exporteren is niet gelukt: ${describeError(error)}`);
    }
  };

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        Wie heeft de gegevens van een inburgeraar van uw gemeente bekeken of gewijzigd, en wie probeerde het zonder toegang? Zoek op BSN of cliëntnummer, op gebruiker of op bewerking. Uw zoekopdracht komt zelf ook in het logboek.
      </Paragraph>
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <form className="koers-form" aria-labelledby="zoeken-kop" onSubmit={submit} noValidate>
        <Heading level={2} id="zoeken-kop">
          Zoeken
        </Heading>
        <TextField {...form.bind('bsn')} label="BSN" optional inputMode="numeric" autoComplete="off" description="Negen cijfers. Het BSN wordt niet bewaard en staat niet in het adres van deze pagina." />
        <TextField {...form.bind('clientNumber')} label="Cliëntnummer" optional autoComplete="off" />
        <TextField {...form.bind('userEmail')} label="Gebruiker (e-mailadres)" optional type="email" autoComplete="off" />
        <TextField {...form.bind('from')} label="Vanaf" optional type="date" />
        <TextField {...form.bind('to')} label="Tot en met" optional type="date" />
        <SelectField {...form.bind('operation')} label="Bewerking" optional placeholder="Alle bewerkingen" options={auditOperationOptions} />
        <SelectField
          {...form.bind('status')}
          label="Uitkomst"
          optional
          placeholder="Alle uitkomsten"
          options={[
            ['ok', 'Uitgevoerd'],
            ['error', 'Geweigerd of mislukt'],
          ]}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={search.isPending}>
            {search.isPending ? 'Zoeken…' : 'Zoeken'}
          </Button>
        </ButtonGroup>
      </form>
      {asked !== undefined && search.data !== undefined && <Results data={search.data} page={page} busy={search.isPending} onPage={(p) => run(asked, p)} onDownload={(f) => void download(f)} />}
      <div role="status" aria-live="polite" className="koers-live">
        {exporting && <Paragraph>{exporting}</Paragraph>}
      </div>
    </>
  );
}

function Results({ data, page, busy, onPage, onDownload }: { data: AuditSearchPage; page: number; busy: boolean; onPage: (page: number) => void; onDownload: (format: 'xlsx' | 'csv') => void }) {
  return (
    <section aria-labelledby="resultaat-kop" className="koers-section">
      <Heading level={2} id="resultaat-kop">
        Resultaat
      </Heading>
      <Paragraph aria-live="polite">
        {data.participant !== null ? `${data.participant.name}${data.participant.clientNumber ? ` (cliëntnummer ${data.participant.clientNumber})` : ''}: ` : ''}
        {data.total === 1 ? '1 regel' : `${data.total} regels`} in het logboek.
      </Paragraph>
      {data.total > 0 && (
        <>
          <DataTable id="logboek" caption="Regels in het logboek" columns={columns} rows={data.items} rowKey={(l) => l.id} page={page} pageSize={PAGE_SIZE} total={data.total} onPage={onPage} busy={busy} />
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" onClick={() => onDownload('xlsx')}>
              Exporteer alle {data.total} regels als Excel (XLSX)
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => onDownload('csv')}>
              Exporteer als CSV
            </Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
