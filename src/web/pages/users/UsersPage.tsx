// `/gebruikers` (issue #17): the administrator makes, finds and ends staff accounts and resets a second
// factor; a provider's coordinator does so for its own teachers. A new account gets a mailed link to
// choose its password; ending an account logs it out everywhere at once.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useCreateUser, useEndUser, useResetSecondFactor, useUserChoices, useUserList, type UserItem, type UserListQuery, type UserRole, type UserSort } from '../../api/users';
import { useUser } from '../../components/AppLayout';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { describeError, LoadError, Loading } from '../../components/QueryStatus';
import { formatTimestamp } from '../../lib/dates';
import { roleLabel } from '../../lib/labels';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useForm } from '../../lib/useForm';
import { NotAllowed } from '../NotAllowed';
import { emptyUser, isRole, roleKind, toNewUser, userFields, validateUserField } from './userForm';

const TITLE = 'Gebruikers';
const PAGE_SIZE = 25;
const SORTS: readonly UserSort[] = ['name', '-name', 'email', '-email', 'role', '-role', 'lastLoginAt', '-lastLoginAt', 'createdAt', '-createdAt'];

export function UsersPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'user.manage')) return <NotAllowed title={TITLE} />;
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        {user.role === 'admin'
          ? 'Maak accounts voor medewerkers van gemeenten, aanbieders en de regio, en beëindig ze op de dag dat iemand vertrekt.'
          : 'Maak accounts voor de docenten van uw organisatie, en beëindig ze op de dag dat iemand vertrekt.'}{' '}
        Een nieuw account krijgt een e-mail met een link om zelf een wachtwoord te kiezen.
      </Paragraph>
      <NewAccount />
      <section aria-labelledby="accounts" className="koers-section">
        <Heading level={2} id="accounts">
          Accounts
        </Heading>
        <Accounts />
      </section>
    </>
  );
}

function NewAccount() {
  const choices = useUserChoices();
  const create = useCreateUser();
  const form = useForm(emptyUser, userFields, validateUserField);
  const [made, setMade] = useState<UserItem | undefined>();
  const role = isRole(form.values.role) ? form.values.role : undefined;
  const kind = role === undefined ? undefined : roleKind[role];
  const organisations = (choices.data?.items ?? []).filter((o) => o.kind === kind).map((o) => [o.id, o.name] as [string, string]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending || !form.validateAll()) return;
    create.mutate(toNewUser(form.values), {
      onSuccess: (u) => {
        setMade(u);
        form.update(emptyUser);
      },
      onError: (error) => form.applyServerError(error),
    });
  };

  if (choices.isPending) return <Loading what="De keuzes" />;
  if (choices.isError) return <LoadError error={choices.error} />;
  return (
    <section aria-labelledby="nieuw-account" className="koers-section">
      <Heading level={2} id="nieuw-account">
        Nieuw account
      </Heading>
      <div role="status" aria-live="polite" className="koers-live">
        {made && (
          <Paragraph>
            Account gemaakt voor {made.name} ({made.email}). Er staat een e-mail met de link klaar.
          </Paragraph>
        )}
      </div>
      <ErrorSummary items={form.summary} attempt={form.attempt} id="foutoverzicht-account" level={3} />
      <form className="koers-form" onSubmit={submit} noValidate aria-labelledby="nieuw-account">
        <TextField {...form.bind('email')} label="E-mailadres" type="email" autoComplete="off" />
        <TextField {...form.bind('name')} label="Naam" autoComplete="off" />
        <SelectField
          {...form.bind('role')}
          label="Rol"
          placeholder="Kies een rol"
          options={choices.data.roles.map((r) => [r, roleLabel(r)] as [string, string])}
          onChange={(event) => form.update({ role: event.target.value, organisationId: '' })}
        />
        {kind !== undefined && kind !== 'none' && <SelectField {...form.bind('organisationId')} label="Organisatie" placeholder="Kies een organisatie" options={organisations} />}
        <TextField
          {...form.bind('idpSubject')}
          label="Inlog-id bij de eigen organisatie"
          optional
          autoComplete="off"
          description="Alleen als de gebruiker inlogt via het inlogsysteem van de eigen organisatie (OpenID Connect): het vaste id (sub) daar. Dan telt alleen dat id, niet het e-mailadres."
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={create.isPending}>
            {create.isPending ? 'Bezig…' : 'Account maken'}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Actions({ u, self }: { u: UserItem; self: boolean }) {
  const end = useEndUser();
  const reset = useResetSecondFactor();
  const [asked, setAsked] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  if (u.endedAt !== null) return <>Beëindigd {formatTimestamp(u.endedAt)}</>;
  if (self) return <>Uw eigen account</>;
  return (
    <>
      {asked ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="primary-action-button"
            onClick={() => end.mutate(u.id, { onError: (e) => setMessage(describeError(e)) })}
            disabled={end.isPending}
            aria-label={`Ja, account van ${u.name} beëindigen`}
          >
            Ja, beëindigen
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => setAsked(false)}>
            Annuleren
          </Button>
        </ButtonGroup>
      ) : (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => setAsked(true)} aria-label={`Account van ${u.name} beëindigen`}>
            Beëindigen
          </Button>
          {u.secondFactor && (
            <Button
              type="button"
              appearance="subtle-button"
              onClick={() => reset.mutate(u.id, { onSuccess: () => setMessage('Tweede factor verwijderd: bij de volgende keer inloggen stelt de gebruiker een nieuwe in.'), onError: (e) => setMessage(describeError(e)) })}
              aria-label={`Tweede factor van ${u.name} resetten`}
            >
              Tweede factor resetten
            </Button>
          )}
        </ButtonGroup>
      )}
      {asked && <span className="koers-timeline__fact">Alle sessies van deze gebruiker stoppen direct; koppelingen die deze gebruiker maakte, worden ingetrokken.</span>}
      <span role="status" className="koers-timeline__fact">
        {message}
      </span>
    </>
  );
}

function Accounts() {
  const me = useUser();
  const list = useListState<UserSort>(SORTS, 'name');
  const role = list.get('rol');
  const status = list.get('status');
  const filter: Omit<UserListQuery, 'page' | 'pageSize'> = {
    sort: list.sort,
    ...(list.q ? { q: list.q } : {}),
    ...(isRole(role) ? { role } : {}),
    ...(status === 'active' || status === 'ended' ? { status } : {}),
  };
  const users = useUserList({ ...filter, page: list.page, pageSize: PAGE_SIZE });
  const columns: Column<UserItem>[] = [
    { id: 'name', label: 'Naam', sortKey: 'name', fixed: true, rowHeader: true, cell: (u) => u.name },
    { id: 'email', label: 'E-mailadres', sortKey: 'email', cell: (u) => u.email },
    { id: 'role', label: 'Rol', sortKey: 'role', cell: (u) => roleLabel(u.role) },
    { id: 'organisation', label: 'Organisatie', cell: (u) => u.organisation?.name ?? '—' },
    { id: 'secondFactor', label: 'Tweede factor', cell: (u) => (u.secondFactor ? 'Ingesteld' : 'Niet ingesteld') },
    { id: 'lastLoginAt', label: 'Laatst ingelogd', sortKey: 'lastLoginAt', firstDescending: true, cell: (u) => (u.lastLoginAt === null ? 'Nooit' : formatTimestamp(u.lastLoginAt)) },
    { id: 'actions', label: 'Acties', fixed: true, cell: (u) => <Actions u={u} self={u.id === me.id} /> },
  ];
  const roleOptions = (Object.keys(roleKind) as UserRole[]).map((r) => [r, roleLabel(r)] as [string, string]);

  let body;
  if (users.isPending) body = <Loading what="Gebruikers" />;
  else if (users.isError) body = <LoadError error={users.error} />;
  else if (users.data.total === 0) body = <Paragraph>Er zijn geen accounts{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>;
  else {
    const { total, items } = users.data;
    body = (
      <>
        <Paragraph aria-live="polite">{total === 1 ? '1 account' : `${total} accounts`}.</Paragraph>
        <DataTable
          id="gebruikers"
          caption="Accounts"
          columns={columns}
          rows={items}
          rowKey={(u) => u.id}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as UserSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/users/export', { q: list.q, role: filter.role, status: filter.status, sort: list.sort }, format)}
          busy={users.isFetching}
        />
      </>
    );
  }
  return (
    <>
      <SearchBox key={list.q} listLabel="Accounts" label="Zoek op naam of e-mailadres" initial={list.q} onSearch={(q) => list.set({ q })} />
      <form className="koers-inline-form" aria-label="Accounts filteren" onSubmit={(event) => event.preventDefault()}>
        <SelectField name="rol" label="Rol" optional markOptional={false} placeholder="Alle rollen" options={roleOptions} value={isRole(role) ? role : ''} onChange={(event) => list.set({ filters: { rol: event.target.value } })} />
        <SelectField
          name="status"
          label="Status"
          optional
          markOptional={false}
          placeholder="Actief en beëindigd"
          options={[
            ['active', 'Actief'],
            ['ended', 'Beëindigd'],
          ]}
          value={status}
          onChange={(event) => list.set({ filters: { status: event.target.value } })}
        />
      </form>
      {body}
    </>
  );
}
