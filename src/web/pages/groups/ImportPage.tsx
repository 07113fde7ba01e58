import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, ButtonGroup, FormField, Heading, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useGroup, type GroupDetail } from '../../api/groups';
import { templateUrl, uploadAttendance, type UploadOutcome } from '../../api/imports';
import { useToday } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { describedBy, FieldDescription, FieldError, FieldLabel, TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { countsText, RefusedImport } from './ImportOutcome';
import { can } from '../../lib/permissions';

const TITLE = 'Aanwezigheid importeren';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const FILE_ID = 'veld-bestand';

/** `/groepen/:id/import`: a month of attendance from a CSV or Excel file, all rows or none (R-EXC-2, R-ATT-7). */
export function ImportPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const group = useGroup(id);
  const today = useToday();
  useDocumentTitle(group.data ? `${TITLE} - groep ${group.data.name}` : TITLE);
  if (!can(user, 'group.manage')) return <NotAllowed title={TITLE} />;
  if (group.isPending || today.isPending) return <Loading what="Groep" />;
  if (group.isError || today.isError) {
    return (
      <>
        <Heading level={1}>{TITLE}</Heading>
        <LoadError error={group.error ?? today.error} />
        <Paragraph>
          <RouterLink to="/groepen">Naar de groepen</RouterLink>
        </Paragraph>
      </>
    );
  }
  return <ImportView group={group.data} today={today.data} />;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number | null }
  | { kind: 'checking' }
  | { kind: 'done'; outcome: UploadOutcome }
  | { kind: 'failed'; message: string };

function statusText(phase: Phase): string {
  switch (phase.kind) {
    case 'uploading':
      return phase.percent === null ? 'Bezig met uploaden…' : `Bezig met uploaden… ${phase.percent}%`;
    case 'checking':
      return 'Bestand wordt gecontroleerd…';
    case 'done':
      if (phase.outcome.kind === 'imported') return `Aanwezigheid geïmporteerd. ${countsText(phase.outcome.counts)}.`;
      if (phase.outcome.kind === 'duplicate') return 'Dit bestand is al eerder geïmporteerd; er is niets veranderd.';
      return 'Het bestand is niet geïmporteerd. Er is niets opgeslagen.';
    case 'failed':
      return phase.message;
    case 'idle':
      return '';
  }
}

function uploadedPercent(phase: Phase): number | null | undefined {
  if (phase.kind === 'uploading') return phase.percent;
  if (phase.kind === 'checking' || phase.kind === 'done') return 100;
  return undefined;
}

function ImportView({ group, today }: { group: GroupDetail; today: string }) {
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ month?: string; file?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<() => void>(() => undefined);
  useEffect(() => () => abort.current(), []);

  const busy = phase.kind === 'uploading' || phase.kind === 'checking';
  const monthOk = MONTH.test(month);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = { file: file === null ? 'Kies een CSV- of Excel-bestand (.csv of .xlsx).' : file.size === 0 ? 'Het gekozen bestand is leeg.' : undefined };
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.file !== undefined || file === null) {
      setPhase({ kind: 'idle' });
      return;
    }
    setPhase({ kind: 'uploading', percent: 0 });
    const upload = uploadAttendance(file, {
      onProgress: (percent) => setPhase((p) => (p.kind === 'uploading' ? { kind: 'uploading', percent } : p)),
      onSent: () => setPhase({ kind: 'checking' }),
    });
    abort.current = upload.abort;
    upload.done.then(
      (outcome) => {
        setPhase({ kind: 'done', outcome });
        if (outcome.kind === 'imported') {
          void queryClient.invalidateQueries({ queryKey: ['group', group.id] });
          void queryClient.invalidateQueries({ queryKey: ['participant'] });
        }
      },
      (error: unknown) => setPhase({ kind: 'failed', message: error instanceof Error ? error.message : 'Het uploaden is mislukt.' }),
    );
  };

  const onMonth = (event: ChangeEvent<HTMLInputElement>) => {
    setMonth(event.target.value);
    setErrors((e) => ({ ...e, month: MONTH.test(event.target.value) ? undefined : 'Vul een maand in, bijvoorbeeld 2026-12.' }));
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setErrors((e) => ({ ...e, file: undefined }));
  };

  // The share of the file sent: stays at 100% once the whole file is with the server (while it checks,
  // and with its answer); null while the browser cannot tell; hidden before an upload and after a failure.
  const sent = uploadedPercent(phase);
  const summary: SummaryItem[] = errors.file ? [{ targetId: FILE_ID, message: errors.file }] : [];
  const status = statusText(phase);
  const fileDescription = 'Een CSV-bestand of Excel-bestand (.xlsx) volgens het sjabloon, hoogstens 20 MB.';

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        Groep <RouterLink to={`/groepen/${encodeURIComponent(group.id)}`}>{group.name}</RouterLink>
      </Paragraph>
      <Paragraph>
        Download het sjabloon van een maand, vul de afwezigheid in en lever het bestand weer aan. Het bestand wordt helemaal of helemaal niet opgeslagen: bevat één regel een fout,
        dan wordt niets opgeslagen en ziet u welke regels u moet verbeteren.
      </Paragraph>

      <section aria-labelledby="sjabloon" className="koers-section">
        <Heading level={2} id="sjabloon">
          Sjabloon
        </Heading>
        <div className="koers-inline-form">
          <TextField name="maand" label="Maand" type="month" value={month} onChange={onMonth} error={errors.month} description="De lessen van deze maand staan in het sjabloon." />
        </div>
        {monthOk ? (
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href={templateUrl(group.id, month, 'csv')} download>
              Sjabloon downloaden (CSV)
            </a>
            {' · '}
            <a className="utrecht-link utrecht-link--html-a" href={templateUrl(group.id, month, 'xlsx')} download>
              Sjabloon downloaden (Excel)
            </a>
          </Paragraph>
        ) : (
          <Paragraph>Kies een maand om het sjabloon te downloaden.</Paragraph>
        )}
      </section>

      <section aria-labelledby="bestand-aanleveren" className="koers-section">
        <Heading level={2} id="bestand-aanleveren">
          Bestand aanleveren
        </Heading>
        <ErrorSummary items={summary} attempt={attempt} id="import-formulier" level={3} />
        <form noValidate onSubmit={submit} aria-labelledby="bestand-aanleveren">
          <FormField
            invalid={Boolean(errors.file)}
            label={<FieldLabel htmlFor={FILE_ID} label="Bestand met aanwezigheid" />}
            description={<FieldDescription id={FILE_ID} description={fileDescription} />}
            input={
              <input
                id={FILE_ID}
                name="bestand"
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                required
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={describedBy(FILE_ID, fileDescription, errors.file)}
                onChange={onFile}
                className="koers-file"
              />
            }
            errorMessage={errors.file ? <FieldError id={FILE_ID} error={errors.file} /> : undefined}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy || undefined}>
              Importeren
            </Button>
          </ButtonGroup>
        </form>
        {sent !== undefined ? (
          <div className="koers-upload">
            <label htmlFor="import-voortgang">Voortgang uploaden</label>{' '}
            <progress id="import-voortgang" max={100} value={sent ?? undefined}>
              {sent === null ? undefined : `${sent}%`}
            </progress>{' '}
            {sent !== null && <span aria-hidden="true">{sent}%</span>}
          </div>
        ) : null}
        <div role="status" aria-live="polite" className="koers-live">
          {status && phase.kind !== 'done' && phase.kind !== 'failed' && <Paragraph>{status}</Paragraph>}
          {phase.kind === 'done' && phase.outcome.kind !== 'refused' && <Paragraph className="koers-import-result">{status}</Paragraph>}
        </div>
        {phase.kind === 'failed' && (
          <div role="alert">
            <Paragraph>{phase.message}</Paragraph>
          </div>
        )}
        {phase.kind === 'done' && phase.outcome.kind === 'refused' && <RefusedImport outcome={phase.outcome} attempt={attempt} />}
      </section>
    </>
  );
}
