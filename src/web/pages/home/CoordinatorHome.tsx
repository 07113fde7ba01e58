// The coordinator's home (issue #10 item 5): new referrals (to acknowledge, intake to plan), the
// provider's due steps counted per kind (the work list's provider-side signals, R-SIG-1) with the way to
// the work list, this week's lessons of the provider's groups, and for a provider with participation or
// MAP participants their day (ParticipationDay, issue #12).
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
import { useLessonsBetween, useSignalCounts, type SignalCount } from '../../api/home';
import { useToday } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { TableScroll } from '../../components/TableScroll';
import { formatDate } from '../../lib/dates';
import { signalCauseLabel } from '../../lib/labels';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { LessonTable } from './LessonTable';
import { ParticipationDay } from './ParticipationDay';
import { weekOf } from './week';

const buckets = [
  ['overdue', 'Te laat'],
  ['thisWeek', 'Deze week'],
  ['later', 'Later'],
] as const;
const total = (c: SignalCount) => c.overdue + c.thisWeek + c.later;
const countOf = (items: SignalCount[], cause: string) => items.filter((c) => c.cause === cause).reduce((n, c) => n + total(c), 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function NewReferrals({ items }: { items: SignalCount[] }) {
  const toAcknowledge = countOf(items, 'referral.acknowledgement');
  const toInvite = countOf(items, 'referral.intakeInvitation');
  return (
    <section aria-labelledby="nieuwe-aanmeldingen" className="koers-section">
      <Heading level={2} id="nieuwe-aanmeldingen">
        Nieuwe aanmeldingen
      </Heading>
      <ul className="koers-summary-list">
        <li>{plural(toAcknowledge, 'aanmelding wacht', 'aanmeldingen wachten')} op bevestiging van ontvangst.</li>
        <li>{plural(toInvite, 'inburgeraar wacht', 'inburgeraars wachten')} op een uitnodiging voor de intake.</li>
      </ul>
      <Paragraph>
        <RouterLink to="/aanmeldingen">Alle aanmeldingen</RouterLink>
      </Paragraph>
    </section>
  );
}

function DueSteps({ items }: { items: SignalCount[] }) {
  const own = items.filter((c) => c.addressee === 'provider');
  const sum = (key: 'overdue' | 'thisWeek' | 'later') => own.reduce((n, c) => n + c[key], 0);
  const overdue = sum('overdue');
  return (
    <section aria-labelledby="stappen" className="koers-section">
      <Heading level={2} id="stappen">
        Stappen met een termijn
      </Heading>
      {own.length === 0 ? (
        <Paragraph>Er staan geen stappen voor uw organisatie open.</Paragraph>
      ) : (
        <>
          <Paragraph>{overdue === 0 ? 'Niets is te laat.' : `${plural(overdue, 'stap is', 'stappen zijn')} te laat.`}</Paragraph>
          {/* Each count opens the work list with that bucket (the work list's `urgentie` filter). */}
          <ul className="koers-summary-list" aria-label="Naar de werklijst per termijn">
            {buckets.map(([key, title]) => (
              <li key={key}>
                <RouterLink to={`/werklijst?urgentie=${key}`}>
                  {title}: {plural(sum(key), 'stap', 'stappen')}
                </RouterLink>
              </li>
            ))}
          </ul>
          <TableScroll label={'Openstaande stappen per soort'}>
            <Table>
              <TableCaption>Openstaande stappen per soort</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Wat moet er gebeuren</TableHeaderCell>
                  <TableHeaderCell scope="col">Te laat</TableHeaderCell>
                  <TableHeaderCell scope="col">Deze week</TableHeaderCell>
                  <TableHeaderCell scope="col">Later</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {own.map((c) => (
                  <TableRow key={c.cause}>
                    <TableHeaderCell scope="row">{signalCauseLabel(c.cause, c.step)}</TableHeaderCell>
                    <TableCell>{c.overdue}</TableCell>
                    <TableCell>{c.thisWeek}</TableCell>
                    <TableCell>{c.later}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </>
      )}
      <Paragraph>
        <RouterLink to="/werklijst">Naar de werklijst</RouterLink>: elke stap met de inburgeraar en de uiterste datum.
      </Paragraph>
    </section>
  );
}

export function CoordinatorHome() {
  useDocumentTitle('Overzicht');
  const user = useUser();
  const today = useToday();
  const counts = useSignalCounts();
  const week = today.data ? weekOf(today.data) : undefined;
  const lessons = useLessonsBetween(week?.from, week?.to);

  let work;
  if (counts.isPending) work = <Loading what="Stappen" />;
  else if (counts.isError) work = <LoadError error={counts.error} />;
  else
    work = (
      <>
        <NewReferrals items={counts.data.items} />
        <DueSteps items={counts.data.items} />
        {can(user, 'participation.read') && <ParticipationDay />}
      </>
    );

  let lessonsBody;
  if (today.isPending || lessons.isPending) lessonsBody = <Loading what="Lessen" />;
  else if (today.isError) lessonsBody = <LoadError error={today.error} />;
  else if (lessons.isError) lessonsBody = <LoadError error={lessons.error} />;
  else
    lessonsBody = (
      <LessonTable
        caption={`Lessen van ${formatDate(week?.from)} tot en met ${formatDate(week?.to)}`}
        lessons={lessons.data}
        today={today.data}
        empty="Deze week zijn er geen lessen."
      />
    );

  return (
    <>
      <Heading level={1}>Overzicht</Heading>
      {today.data && <Paragraph>Wat er voor uw organisatie klaarstaat, op {formatDate(today.data)}.</Paragraph>}
      {work}
      <section aria-labelledby="lessen-deze-week" className="koers-section">
        <Heading level={2} id="lessen-deze-week">
          Lessen deze week
        </Heading>
        {lessonsBody}
      </section>
    </>
  );
}
