// `/organisaties` (issue #17): every region, municipality and provider with its identifiers and the
// contracts it is in. The administrator changes a municipality's OIN or a provider's KvK number here;
// the e-invoices and DUO use the new number from then on.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { useChangeIdentifier, useOrganisations, type OrganisationItem } from '../../api/organisations';
import { useUser } from '../../components/AppLayout';
import { DataTable, type Column } from '../../components/DataTable';
import { TextField } from '../../components/fields';
import { describeError, LoadError, Loading } from '../../components/QueryStatus';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';

const TITLE = 'Organisaties';
const kindNl = { region: 'Regio', municipality: 'Gemeente', provider: 'Aanbieder' } as const;

export function OrganisationsPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'organisation.manage')) return <NotAllowed title={TITLE} />;
  return <Organisations />;
}

function Organisations() {
  const list = useOrganisations();
  const [editing, setEditing] = useState<OrganisationItem | undefined>();
  const [q, setQ] = useState('');
  if (list.isPending) return <Loading what="De organisaties" />;
  if (list.isError) return <LoadError error={list.error} />;
  const shown = list.data.items.filter((o) => q === '' || `${o.name} ${o.code} ${o.oin ?? ''} ${o.kvkNumber ?? ''}`.toLowerCase().includes(q.toLowerCase()));
  const columns: Column<OrganisationItem>[] = [
    { id: 'name', label: 'Naam', fixed: true, rowHeader: true, cell: (o) => o.name },
    { id: 'kind', label: 'Soort', cell: (o) => kindNl[o.kind] },
    { id: 'code', label: 'Code', cell: (o) => <code>{o.code}</code> },
    { id: 'oin', label: 'OIN', cell: (o) => o.oin ?? '—' },
    { id: 'kvk', label: 'KvK-nummer', cell: (o) => o.kvkNumber ?? '—' },
    { id: 'contracts', label: 'Contracten', cell: (o) => o.contracts.join(', ') },
    {
      id: 'actions',
      label: 'Wijzigen',
      fixed: true,
      cell: (o) =>
        o.kind === 'region' ? (
          '—'
        ) : (
          <Button type="button" appearance="secondary-action-button" onClick={() => setEditing(o)} aria-label={`${o.kind === 'municipality' ? 'OIN' : 'KvK-nummer'} van ${o.name} wijzigen`}>
            Wijzigen{o.changedInKoers ? ' (gewijzigd in Koers)' : ''}
          </Button>
        ),
    },
  ];
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>De regio&apos;s, gemeenten en aanbieders uit de contracten, met hun nummers. Een gewijzigde OIN of een gewijzigd KvK-nummer gebruikt Koers meteen op facturen en in berichten aan DUO.</Paragraph>
      {editing && <ChangeForm key={`${editing.kind}:${editing.code}`} org={editing} onDone={() => setEditing(undefined)} />}
      <form className="koers-inline-form" role="search" aria-label="Organisaties zoeken" onSubmit={(e) => e.preventDefault()}>
        <TextField name="zoek-organisatie" label="Zoek op naam, code of nummer" optional markOptional={false} value={q} onChange={(e) => setQ(e.target.value)} />
      </form>
      <Paragraph aria-live="polite">{shown.length === 1 ? '1 organisatie' : `${shown.length} organisaties`}.</Paragraph>
      <DataTable id="organisaties" caption="Organisaties" columns={columns} rows={shown} rowKey={(o) => `${o.kind}:${o.code}`} />
    </>
  );
}

function ChangeForm({ org, onDone }: { org: OrganisationItem; onDone: () => void }) {
  const change = useChangeIdentifier();
  const municipality = org.kind === 'municipality';
  const [value, setValue] = useState((municipality ? org.oin : org.kvkNumber) ?? '');
  const [error, setError] = useState<string | undefined>();
  const label = municipality ? 'OIN (20 cijfers)' : 'KvK-nummer (8 cijfers)';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = value.trim();
    if (!(municipality ? /^\d{20}$/ : /^\d{8}$/).test(v)) {
      setError(municipality ? 'Een OIN heeft 20 cijfers.' : 'Een KvK-nummer heeft 8 cijfers.');
      return;
    }
    change.mutate(municipality ? { kind: 'municipality', code: org.code, oin: v } : { kind: 'provider', code: org.code, kvkNumber: v }, {
      onSuccess: onDone,
      onError: (e) => setError(isApiError(e) && e.problem.invalidParams?.[0] ? e.problem.invalidParams[0].reason : describeError(e)),
    });
  };
  return (
    <section aria-labelledby="wijzig-organisatie" className="koers-section">
      <Heading level={2} id="wijzig-organisatie">
        {org.name}: {municipality ? 'OIN' : 'KvK-nummer'} wijzigen
      </Heading>
      <form className="koers-form" onSubmit={submit} noValidate aria-labelledby="wijzig-organisatie">
        <TextField name="identificatie" label={label} inputMode="numeric" autoComplete="off" value={value} error={error} onChange={(e) => setValue(e.target.value)} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={change.isPending}>
            Opslaan
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onDone}>
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
