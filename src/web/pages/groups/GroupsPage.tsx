import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Group } from '../../api/groups';
import { useGroupList, type GroupSort } from '../../api/managedLists';
import type { User } from '../../api/types';
import { useUser } from '../../components/AppLayout';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { labelOf, levelBandLabels } from '../../lib/attendanceLabels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { GroupForm } from './GroupForm';
import { can } from '../../lib/permissions';

const SORTS: readonly GroupSort[] = ['name', '-name', 'level', '-level', 'location', '-location', 'teacher', '-teacher', 'members', '-members', 'activeFrom', '-activeFrom'];

/** The group's teacher by name; the signed-in teacher reads "U". */
export function teacherText(group: Group, user: User): string {
  if (group.teacherUserId === null) return 'Nog geen docent';
  if (group.teacherUserId === user.id) return `U (${user.name})`;
  return group.teacherName ?? 'Toegewezen';
}

/** `/groepen`: the coordinator's groups, or the groups a teacher teaches (R-GRP-1). */
export function GroupsPage() {
  useDocumentTitle('Groepen');
  const user = useUser();
  if (!can(user, 'group.read')) return <NotAllowed title="Groepen" />;
  return (
    <>
      <Heading level={1}>Groepen</Heading>
      <GroupList user={user} />
      {can(user, 'group.manage') && <GroupForm />}
    </>
  );
}

const PAGE_SIZE = 25;

function GroupList({ user }: { user: User }) {
  // Searched, sorted and paged by the server, so the export (the same query) holds exactly the rows
  // the search finds.
  const list = useListState<GroupSort>(SORTS, 'name');
  const filter = { sort: list.sort, ...(list.q ? { q: list.q } : {}) };
  const groups = useGroupList({ ...filter, page: list.page, pageSize: PAGE_SIZE });
  const columns: Column<Group>[] = [
    { id: 'name', label: 'Naam', sortKey: 'name', fixed: true, rowHeader: true, cell: (g) => <RouterLink to={`/groepen/${encodeURIComponent(g.id)}`}>{g.name}</RouterLink> },
    { id: 'level', label: 'Niveau', sortKey: 'level', cell: (g) => labelOf(levelBandLabels, g.levelBand) },
    { id: 'location', label: 'Locatie', sortKey: 'location', cell: (g) => g.location },
    { id: 'teacher', label: 'Docent', sortKey: 'teacher', cell: (g) => teacherText(g, user) },
    { id: 'seats', label: 'Deelnemers / maximum', sortKey: 'members', firstDescending: true, cell: (g) => `${g.memberCount} / ${g.sizeLimit}` },
  ];

  let body;
  if (groups.isPending) body = <Loading what="Groepen" />;
  else if (groups.isError) body = <LoadError error={groups.error} />;
  else if (groups.data.total === 0) {
    body = <Paragraph>{list.q ? `Geen groepen gevonden voor “${list.q}”.` : user.role === 'teacher' ? 'U geeft nog geen les aan een groep.' : 'Er zijn nog geen groepen.'}</Paragraph>;
  } else {
    const { total, items } = groups.data;
    body = (
      <>
        <Paragraph aria-live="polite">
          {total === 1 ? '1 groep' : `${total} groepen`}
          {list.q ? ` gevonden voor “${list.q}”` : ''}.
        </Paragraph>
        <DataTable
          id="groepen"
          caption="Groepen"
          columns={columns}
          rows={items}
          rowKey={(g) => g.id}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as GroupSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/groups/export', { q: list.q, sort: list.sort }, format)}
          busy={groups.isFetching}
        />
      </>
    );
  }
  return (
    <>
      <SearchBox key={list.q} listLabel="Groepen" label="Zoek op naam, locatie of docent" initial={list.q} onSearch={(q) => list.set({ q })} />
      {body}
    </>
  );
}
