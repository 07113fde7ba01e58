// `/contractversies` (issue #17, R-CON-10): the administrator loads the next version of a region's
// contract as YAML or JSON, sees every error by its path and what changes against the version it follows,
// and activates it from a date. Earlier versions keep the dates they cover.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { useActivateVersion, useCheckVersion, useContractVersions, type CheckedVersion, type VersionUpload } from '../../api/contractVersions';
import { useUser } from '../../components/AppLayout';
import { TextareaField } from '../../components/choiceFields';
import { SelectField, TextField } from '../../components/fields';
import { describeError, LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { formatDate } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';

const TITLE = 'Contractversies';
const kindNl = { changed: 'gewijzigd', added: 'toegevoegd', removed: 'verwijderd' } as const;

export function ContractVersionsPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'contract.manage')) return <NotAllowed title={TITLE} />;
  return <ContractVersions />;
}

function ContractVersions() {
  const list = useContractVersions();
  if (list.isPending) return <Loading what="De contracten" />;
  if (list.isError) return <LoadError error={list.error} />;
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        Laad de volgende versie van een contract (termijnen, normen, betaalschema&apos;s) als YAML of JSON, zonder nummer en data: die geeft Koers. Controleer haar, bekijk wat er verandert, en zet haar in werking vanaf een datum.
        Aanmeldingen van vóór die datum houden hun regels.
      </Paragraph>
      {list.data.items.map((c) => (
        <section key={c.id} aria-labelledby={`contract-${c.id}`} className="koers-section">
          <Heading level={2} id={`contract-${c.id}`}>
            {c.name}
          </Heading>
          <TableScroll label={`Versies van ${c.name}`}>
            <Table>
              <TableCaption className="koers-visually-hidden">Versies van {c.name}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Versie</TableHeaderCell>
                  <TableHeaderCell scope="col">Geldig vanaf</TableHeaderCell>
                  <TableHeaderCell scope="col">Geldig tot en met</TableHeaderCell>
                  <TableHeaderCell scope="col">Herkomst</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.versions.map((v) => (
                  <TableRow key={v.version}>
                    <TableHeaderCell scope="row">{v.version}</TableHeaderCell>
                    <TableCell>{formatDate(v.validFrom)}</TableCell>
                    <TableCell>{v.validTo === null ? 'open' : formatDate(v.validTo)}</TableCell>
                    <TableCell>{v.source === 'file' ? 'Contractbestand' : 'In Koers geladen'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </section>
      ))}
      <NewVersion contracts={list.data.items.map((c) => [c.id, c.name] as [string, string])} />
    </>
  );
}

function NewVersion({ contracts }: { contracts: [string, string][] }) {
  const check = useCheckVersion();
  const activate = useActivateVersion();
  const [upload, setUpload] = useState<VersionUpload>({ contractId: contracts[0]?.[0] ?? '', format: 'yaml', document: '', validFrom: '' });
  const [checked, setChecked] = useState<CheckedVersion | undefined>();
  const [problems, setProblems] = useState<{ name: string; reason: string }[]>([]);
  const [done, setDone] = useState<string | undefined>();
  const set = (patch: Partial<VersionUpload>) => {
    setUpload({ ...upload, ...patch });
    setChecked(undefined);
  };
  const fail = (error: unknown) => setProblems(isApiError(error) && error.problem.invalidParams?.length ? error.problem.invalidParams : [{ name: '', reason: describeError(error) }]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    setDone(undefined);
    check.mutate(upload, { onSuccess: setChecked, onError: fail });
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    set({ document: await file.text(), format: file.name.endsWith('.json') ? 'json' : 'yaml' });
  };
  const fieldError = (name: string) => problems.filter((p) => p.name === name).map((p) => p.reason).join(' ') || undefined;

  return (
    <section aria-labelledby="nieuwe-versie" className="koers-section">
      <Heading level={2} id="nieuwe-versie">
        Nieuwe versie laden
      </Heading>
      <form className="koers-form" onSubmit={submit} noValidate aria-labelledby="nieuwe-versie">
        <SelectField name="contract" label="Contract" options={contracts} value={upload.contractId} onChange={(e) => set({ contractId: e.target.value })} />
        <SelectField
          name="formaat"
          label="Formaat"
          options={[
            ['yaml', 'YAML'],
            ['json', 'JSON'],
          ]}
          value={upload.format}
          onChange={(e) => set({ format: e.target.value === 'json' ? 'json' : 'yaml' })}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="veld-bestand">
            Bestand (optioneel)
          </label>
          <input id="veld-bestand" className="utrecht-textbox" type="file" accept=".yaml,.yml,.json" onChange={(e) => void readFile(e)} />
        </div>
        <TextareaField name="document" label="De versie (YAML of JSON)" rows={12} value={upload.document} error={fieldError('document')} onChange={(e) => set({ document: e.target.value })} />
        <TextField name="geldig-vanaf" label="Geldig vanaf" type="date" value={upload.validFrom} error={fieldError('validFrom')} onChange={(e) => set({ validFrom: e.target.value })} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={check.isPending}>
            Controleren
          </Button>
        </ButtonGroup>
      </form>
      <div role="status" aria-live="polite" className="koers-live">
        {problems.length > 0 && (
          <Alert type="error">
            <Paragraph>De versie is niet goed ({problems.length === 1 ? '1 fout' : `${problems.length} fouten`}):</Paragraph>
            <ul>
              {problems.map((p) => (
                <li key={`${p.name}:${p.reason}`}>
                  {p.name !== '' && <code>{p.name.replace(/^document\.?/, '') || 'document'}</code>} {p.reason}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {checked && (
        <section aria-labelledby="wijzigingen" className="koers-section">
          <Heading level={3} id="wijzigingen">
            Wat verandert er in versie {checked.version}
          </Heading>
          <Paragraph>
            Versie {checked.previous.version} geldt tot en met {formatDate(checked.previous.validTo)}; versie {checked.version} geldt vanaf {formatDate(checked.validFrom)}
            {checked.validTo ? ` tot en met ${formatDate(checked.validTo)}` : ''}.
          </Paragraph>
          {checked.diff.length === 0 ? (
            <Paragraph>Er verandert niets aan de regels.</Paragraph>
          ) : (
            <TableScroll label="Wijzigingen">
              <Table>
                <TableCaption className="koers-visually-hidden">Wijzigingen</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Regel</TableHeaderCell>
                    <TableHeaderCell scope="col">Wat</TableHeaderCell>
                    <TableHeaderCell scope="col">Was</TableHeaderCell>
                    <TableHeaderCell scope="col">Wordt</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {checked.diff.map((d) => (
                    <TableRow key={d.path}>
                      <TableHeaderCell scope="row">
                        <code>{d.path}</code>
                      </TableHeaderCell>
                      <TableCell>{kindNl[d.kind]}</TableCell>
                      <TableCell>{d.before ?? '—'}</TableCell>
                      <TableCell>{d.after ?? '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          )}
          <ButtonGroup>
            <Button
              type="button"
              appearance="primary-action-button"
              disabled={activate.isPending}
              onClick={() =>
                activate.mutate(upload, {
                  onSuccess: (v) => {
                    setChecked(undefined);
                    setDone(`Versie ${v.version} is in werking vanaf ${formatDate(v.validFrom)}.`);
                  },
                  onError: fail,
                })
              }
            >
              In werking zetten vanaf {formatDate(checked.validFrom)}
            </Button>
          </ButtonGroup>
        </section>
      )}
    </section>
  );
}
