import { useEffect, useRef, useState } from 'react';
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
import { useParams } from 'react-router-dom';
import { useGroup, type GroupDetail, type GroupMember } from '../../api/groups';
import { useToday } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { TableScroll } from '../../components/TableScroll';
import { formatPercent, isBelowNorm, labelOf, levelBandLabels, literacyLabels } from '../../lib/attendanceLabels';
import { formatDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { AddMember } from './AddMember';
import { GenerateLessons } from './GenerateLessons';
import { teacherText } from './GroupsPage';
import { MoveMember, type MoveResult } from './MoveMember';
import { WeekView } from './WeekView';
import { can } from '../../lib/permissions';

const moveButtonId = (participantId: string) => `verplaatsen-${participantId}`;

/** `/groepen/:id`: members with this month's attendance (R-ATT-3) and the lessons per week. */
export function GroupPage() {
  const { id = '' } = useParams();
  const group = useGroup(id);
  useDocumentTitle(group.data ? `Groep ${group.data.name}` : 'Groep');
  if (group.isPending) return <Loading what="Groep" />;
  if (group.isError) {
    return (
      <>
        <Heading level={1}>Groep</Heading>
        <LoadError error={group.error} />
        <Paragraph>
          <RouterLink to="/groepen">Naar de groepen</RouterLink>
        </Paragraph>
      </>
    );
  }
  return <GroupView group={group.data} />;
}

function GroupView({ group }: { group: GroupDetail }) {
  const user = useUser();
  const today = useToday().data;
  const current = group.members.filter((m) => m.memberTo === null || (today !== undefined && m.memberTo > today));
  // Each member's norm is their contract's (R-ATT-3), from the server; one group can mix contracts.
  const below = current.filter((m) => isBelowNorm(m.attendanceThisMonth, m.normPercent)).length;
  const norms = [...new Set(current.map((m) => m.normPercent))];
  const normText = norms.length === 1 ? `de norm van ${String(norms[0])}%` : 'hun norm';
  const mayManage = can(user, 'group.manage');
  const [moving, setMoving] = useState<GroupMember | null>(null);
  const [moved, setMoved] = useState('');
  const movedRef = useRef<HTMLParagraphElement>(null);
  // The form and the row are gone: keyboard focus goes to the confirmation once it is shown.
  useEffect(() => {
    if (moved !== '') movedRef.current?.focus();
  }, [moved]);

  const startMove = (member: GroupMember) => {
    setMoved('');
    setMoving(member);
  };
  const onMoved = ({ member, toGroupName, on }: MoveResult) => {
    setMoving(null);
    setMoved(`${fullName(member)} is verplaatst naar groep ${toGroupName}, per ${formatDate(on)}.`);
  };
  const cancelMove = () => {
    const member = moving;
    setMoving(null);
    // Back to the button that opened the form.
    if (member) requestAnimationFrame(() => document.getElementById(moveButtonId(member.participantId))?.focus());
  };

  return (
    <>
      <Heading level={1}>Groep {group.name}</Heading>
      <DataList>
        <DataListItem>
          <DataListKey>Niveau</DataListKey>
          <DataListValue>{labelOf(levelBandLabels, group.levelBand)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Geletterdheid</DataListKey>
          <DataListValue>{labelOf(literacyLabels, group.literacy)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Locatie</DataListKey>
          <DataListValue>{group.location}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Docent</DataListKey>
          <DataListValue>{teacherText(group, user)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Deelnemers</DataListKey>
          <DataListValue>
            {current.length} van maximaal {group.sizeLimit}
          </DataListValue>
        </DataListItem>
      </DataList>

      <section aria-labelledby="deelnemers" className="koers-section">
        <Heading level={2} id="deelnemers">
          Deelnemers en aanwezigheid deze maand
        </Heading>
        {current.length === 0 ? (
          <Paragraph>Er zitten nog geen deelnemers in deze groep.</Paragraph>
        ) : (
          <>
            <Paragraph>
              {below === 0
                ? `Niemand zit deze maand onder ${normText}.`
                : `${below} ${below === 1 ? 'deelnemer zit' : 'deelnemers zitten'} deze maand onder ${normText}.`}
            </Paragraph>
            <TableScroll label={`Deelnemers van groep ${group.name}`}>
              <Table>
                <TableCaption className="koers-visually-hidden">Deelnemers van groep {group.name}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Naam</TableHeaderCell>
                    <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
                    <TableHeaderCell scope="col">In de groep sinds</TableHeaderCell>
                    <TableHeaderCell scope="col">Aanwezigheid deze maand</TableHeaderCell>
                    {mayManage && <TableHeaderCell scope="col">Actie</TableHeaderCell>}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {current.map((m) => {
                    const low = isBelowNorm(m.attendanceThisMonth, m.normPercent);
                    return (
                      <TableRow key={m.participantId} className={low ? 'koers-row--overdue' : undefined}>
                        <TableHeaderCell scope="row">
                          {can(user, 'participant.read') ? (
                            <RouterLink to={`/inburgeraars/${encodeURIComponent(m.participantId)}`}>{fullName(m)}</RouterLink>
                          ) : (
                            fullName(m)
                          )}
                        </TableHeaderCell>
                        {/* What tells two members of the same name apart (issue #10 item 5). */}
                        <TableCell>{formatDate(m.dateOfBirth)}</TableCell>
                        <TableCell>{formatDate(m.memberFrom)}</TableCell>
                        <TableCell>
                          {formatPercent(m.attendanceThisMonth)}
                          {low && <strong className="koers-overdue"> (onder {m.normPercent}%)</strong>}
                        </TableCell>
                        {mayManage && (
                          <TableCell>
                            <Button
                              id={moveButtonId(m.participantId)}
                              appearance="secondary-action-button"
                              aria-expanded={moving?.participantId === m.participantId}
                              aria-controls={moving?.participantId === m.participantId ? 'verplaatsen-formulier' : undefined}
                              onClick={() => startMove(m)}
                            >
                              Verplaatsen<VisuallyHidden> {fullName(m)}</VisuallyHidden>
                            </Button>
                          </TableCell>
                        )}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableScroll>
          </>
        )}
        <Paragraph ref={movedRef} role="status" tabIndex={-1} className="koers-announcement">
          {moved}
        </Paragraph>
        {mayManage && moving && (
          <div id="verplaatsen-formulier">
            <MoveMember key={moving.participantId} group={group} member={moving} today={today} onMoved={onMoved} onCancel={cancelMove} />
          </div>
        )}
        {mayManage && <AddMember group={group} today={today} />}
      </section>
      {today && <WeekView group={group} today={today} />}
      {mayManage && <GenerateLessons group={group} today={today} />}
      {mayManage && (
        <section aria-labelledby="importeren" className="koers-section">
          <Heading level={2} id="importeren">
            Aanwezigheid uit een bestand
          </Heading>
          <Paragraph>Lever de aanwezigheid van een hele maand aan met een CSV- of Excel-bestand.</Paragraph>
          <Paragraph>
            <RouterLink to={`/groepen/${encodeURIComponent(group.id)}/import`}>Aanwezigheid importeren</RouterLink>
          </Paragraph>
        </section>
      )}
    </>
  );
}
