import {
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
import { useGroups, type Group } from '../../api/groups';
import type { User } from '../../api/types';
import { useUser } from '../../components/AppLayout';
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
  return (
    <Table>
      <TableCaption className="koers-visually-hidden">Groepen</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">Niveau</TableHeaderCell>
          <TableHeaderCell scope="col">Locatie</TableHeaderCell>
          <TableHeaderCell scope="col">Docent</TableHeaderCell>
          <TableHeaderCell scope="col">Deelnemers / maximum</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sorted.map((g) => (
          <TableRow key={g.id}>
            <TableHeaderCell scope="row">
              <RouterLink to={`/groepen/${encodeURIComponent(g.id)}`}>{g.name}</RouterLink>
            </TableHeaderCell>
            <TableCell>{labelOf(levelBandLabels, g.levelBand)}</TableCell>
            <TableCell>{g.location}</TableCell>
            <TableCell>{teacherText(g, user)}</TableCell>
            <TableCell>
              {g.memberCount} / {g.sizeLimit}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
