import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useGroups, type Group } from '../../api/groups';
import type { User } from '../../api/types';
import { useUser } from '../../components/AppLayout';
import { DataTable, type Column } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { labelOf, levelBandLabels } from '../../lib/attendanceLabels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { GroupForm } from './GroupForm';
import { can } from '../../lib/permissions';

/** API gap: a group carries only its teacher's user id, no name; the signed-in teacher is "u". */
export function teacherText(group: Group, user: User): string {
  if (group.teacherUserId === null) return 'Nog geen docent';
  return group.teacherUserId === user.id ? `U (${user.name})` : 'Toegewezen';
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

function GroupList({ user }: { user: User }) {
  const groups = useGroups();
  if (groups.isPending) return <Loading what="Groepen" />;
  if (groups.isError) return <LoadError error={groups.error} />;
  if (groups.data.length === 0) {
    return <Paragraph>{user.role === 'teacher' ? 'U geeft nog geen les aan een groep.' : 'Er zijn nog geen groepen.'}</Paragraph>;
  }
  const sorted = [...groups.data].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const columns: Column<Group>[] = [
    { id: 'name', label: 'Naam', fixed: true, rowHeader: true, cell: (g) => <RouterLink to={`/groepen/${encodeURIComponent(g.id)}`}>{g.name}</RouterLink> },
    { id: 'level', label: 'Niveau', cell: (g) => labelOf(levelBandLabels, g.levelBand) },
    { id: 'location', label: 'Locatie', cell: (g) => g.location },
    { id: 'teacher', label: 'Docent', cell: (g) => teacherText(g, user) },
    { id: 'seats', label: 'Deelnemers / maximum', cell: (g) => `${g.memberCount} / ${g.sizeLimit}` },
  ];
  return <DataTable id="groepen" caption="Groepen" columns={columns} rows={sorted} rowKey={(g) => g.id} />;
}
