import {
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
import { useGroup, type GroupDetail } from '../../api/groups';
import { useToday } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { canManageGroups, formatPercent, isBelowNorm, labelOf, levelBandLabels, literacyLabels, NORM_PERCENT } from '../../lib/attendanceLabels';
import { formatDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { GenerateLessons } from './GenerateLessons';
import { teacherText } from './GroupsPage';
import { WeekView } from './WeekView';

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
  const below = current.filter((m) => isBelowNorm(m.attendanceThisMonth)).length;

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
                ? `Niemand zit deze maand onder de norm van ${NORM_PERCENT}%.`
                : `${below} ${below === 1 ? 'deelnemer zit' : 'deelnemers zitten'} deze maand onder de norm van ${NORM_PERCENT}%.`}
            </Paragraph>
            <Table>
              <TableCaption className="koers-visually-hidden">Deelnemers van groep {group.name}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Naam</TableHeaderCell>
                  <TableHeaderCell scope="col">In de groep sinds</TableHeaderCell>
                  <TableHeaderCell scope="col">Aanwezigheid deze maand</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {current.map((m) => {
                  const low = isBelowNorm(m.attendanceThisMonth);
                  return (
                    <TableRow key={m.participantId} className={low ? 'koers-row--overdue' : undefined}>
                      <TableHeaderCell scope="row">
                        {user.role === 'providerCoordinator' ? (
                          <RouterLink to={`/inburgeraars/${encodeURIComponent(m.participantId)}`}>{fullName(m)}</RouterLink>
                        ) : (
                          fullName(m)
                        )}
                      </TableHeaderCell>
                      <TableCell>{formatDate(m.memberFrom)}</TableCell>
                      <TableCell>
                        {formatPercent(m.attendanceThisMonth)}
                        {low && <strong className="koers-overdue"> (onder {NORM_PERCENT}%)</strong>}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </>
        )}
      </section>
      {today && <WeekView group={group} today={today} />}
      {canManageGroups(user) && <GenerateLessons group={group} today={today} />}
      {canManageGroups(user) && (
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
