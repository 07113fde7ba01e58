// `/deelname/:id` (issue #12): one participant's participation — hours per kind, the MAP practical
// part, the 200-hour meetings, the activities, the MAP themes and the participation ladder. The
// participation or MAP provider of the participant registers and corrects; everyone else who sees the
// participant (the language provider, the consultant) reads the same page without buttons: the server
// refuses their writes anyway (docs/architecture.md, "Participation").
import { useCallback, useRef, useState } from 'react';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';
import { useActivities, useParticipationRow, useParticipationSummary, type ParticipationRow } from '../../api/participation';
import { useUser } from '../../components/AppLayout';
import { SelectField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AnnounceContext, ProgressForm } from '../progress/formSupport';
import { ActivityForm } from './ActivityForm';
import { activityKindLabels, hoursText } from './labels';
import { LadderSection } from './LadderSection';
import { EndConversationSection } from './EndConversationSection';
import { MapSection } from './MapSection';
import { PortfolioSection } from './PortfolioSection';

export function ParticipantParticipationPage() {
  const { id = '' } = useParams();
  const row = useParticipationRow(id);
  const name = row.data ? fullName(row.data) : '';
  useDocumentTitle(name ? `Deelname van ${name}` : 'Deelname');
  if (row.isPending) return <Loading what="Deelname" />;
  if (row.isError || row.data === null) {
    return (
      <>
        <Heading level={1}>Deelname</Heading>
        {row.isError ? <LoadError error={row.error} /> : <Paragraph>Deze inburgeraar heeft geen aanmelding voor participatie of de MAP die u kunt zien.</Paragraph>}
        <Paragraph>
          <RouterLink to="/deelname">Terug naar Deelname</RouterLink>
        </Paragraph>
      </>
    );
  }
  return <ParticipationFile row={row.data} />;
}

function ParticipationFile({ row }: { row: ParticipationRow }) {
  const user = useUser();
  // Only the provider of this participation or MAP referral writes (the server decides; this hides the buttons).
  const mayWrite = can(user, 'participation.write') && user.organisation.kind === 'provider' && user.organisation.name === row.providerName;
  // The MAP end conversation's outcome is the municipality's (src/features/map-end-conversation/service.ts).
  const mayDecide = can(user, 'progress.decide') && user.organisation.kind === 'municipality';
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const announce = useCallback((message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => statusRef.current?.focus());
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      <Heading level={1}>Deelname van {fullName(row)}</Heading>
      <Paragraph>
        {row.productName} bij {row.providerName}
        {row.startedOn === null ? ', nog niet gestart' : `, gestart op ${formatDate(row.startedOn)}`}. Klantnummer {row.clientNumber ?? 'onbekend'}, {row.municipalityName}.
      </Paragraph>
      <Paragraph>
        <RouterLink to="/deelname">Terug naar Deelname</RouterLink>
      </Paragraph>
      {!mayWrite && <Paragraph>U kunt deze gegevens lezen. Alleen {row.providerName} legt ze vast.</Paragraph>}
      <div role="status" aria-live="polite" ref={statusRef} tabIndex={-1} className="koers-live">
        {announcement && <Paragraph>{announcement}</Paragraph>}
      </div>
      <HoursSection participantId={row.participantId} />
      <ActivitiesSection row={row} mayWrite={mayWrite} />
      {row.productKind === 'map' && <MapSection participantId={row.participantId} referralId={row.referralId} mayWrite={mayWrite} />}
      {row.productKind === 'map' && <EndConversationSection participantId={row.participantId} referralId={row.referralId} mayPrepare={mayWrite} mayDecide={mayDecide} />}
      <LadderSection participantId={row.participantId} referralId={row.referralId} mayWrite={mayWrite} />
      <PortfolioSection participantId={row.participantId} referralId={row.referralId} mayWrite={mayWrite} providerName={row.providerName} />
    </AnnounceContext.Provider>
  );
}

function HoursSection({ participantId }: { participantId: string }) {
  const summary = useParticipationSummary(participantId);
  let body;
  if (summary.isPending) body = <Loading what="Uren" />;
  else if (summary.isError) body = <LoadError error={summary.error} />;
  else {
    const s = summary.data;
    const kinds = Object.entries(s.byActivityKind).filter(([, m]) => m > 0);
    body = (
      <>
        <Paragraph>
          In totaal <strong>{hoursText(s.totalMinutes)} uur</strong>: participatie {hoursText(s.byHourKind.participation)} uur, stage {hoursText(s.byHourKind.internship)} uur, MAP-praktijkdeel{' '}
          {hoursText(s.mapPractical.minutes)} / {hoursText(s.mapPractical.requiredMinutes)} uur{s.mapPractical.met ? ' (de norm is gehaald)' : ''}.
        </Paragraph>
        {s.meetingsDue.length > 0 && (
          <Paragraph>
            Overleg met de gemeente per 200 uur: {s.meetingsDue.map((m) => `${m.n * 200} uur bereikt op ${formatDate(m.reachedOn)}`).join('; ')}.
          </Paragraph>
        )}
        {kinds.length > 0 && (
          <Table>
            <TableCaption>Uren per soort activiteit</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Uren</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {kinds.map(([kind, minutes]) => (
                <TableRow key={kind}>
                  <TableHeaderCell scope="row">{activityKindLabels[kind] ?? kind}</TableHeaderCell>
                  <TableCell>{hoursText(minutes)} uur</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {s.localFacilities.length > 0 && <Paragraph>Verbonden met: {s.localFacilities.join(', ')}.</Paragraph>}
      </>
    );
  }
  return (
    <section aria-labelledby="uren" className="koers-section">
      <Heading level={2} id="uren">
        Uren
      </Heading>
      {body}
    </section>
  );
}

function ActivitiesSection({ row, mayWrite }: { row: ParticipationRow; mayWrite: boolean }) {
  const activities = useActivities(row.participantId);
  const [correcting, setCorrecting] = useState('');
  let body;
  if (activities.isPending) body = <Loading what="Activiteiten" />;
  else if (activities.isError) body = <LoadError error={activities.error} />;
  else if (activities.data.items.length === 0) body = <Paragraph>Nog geen activiteiten vastgelegd.</Paragraph>;
  else {
    body = (
      <div className="koers-table-scroll" role="group" aria-label="Activiteiten" tabIndex={0}>
        <Table>
          <TableCaption className="koers-visually-hidden">Activiteiten</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Organisatie of plaats</TableHeaderCell>
              <TableHeaderCell scope="col">Van</TableHeaderCell>
              <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
              <TableHeaderCell scope="col">Uren</TableHeaderCell>
              <TableHeaderCell scope="col">Vastgelegd door</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {activities.data.items.map((a) => (
              <TableRow key={a.id}>
                <TableHeaderCell scope="row">{activityKindLabels[a.kind] ?? a.kind}</TableHeaderCell>
                <TableCell>
                  {a.organisation}
                  {a.localFacilityName !== null && a.localFacilityName !== a.organisation ? ` (${a.localFacilityName})` : ''}
                </TableCell>
                <TableCell>{formatDate(a.startDate)}</TableCell>
                <TableCell>{formatDate(a.endDate)}</TableCell>
                <TableCell>{hoursText(a.minutes)}</TableCell>
                <TableCell>
                  {a.recordedBy}, {a.providerName}
                  {a.version > 1 ? ` (versie ${a.version})` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    );
  }
  const own = (activities.data?.items ?? []).filter((a) => a.providerName === row.providerName);
  const chosen = own.find((a) => a.id === correcting);
  return (
    <section aria-labelledby="activiteiten" className="koers-section">
      <Heading level={2} id="activiteiten">
        Activiteiten
      </Heading>
      {body}
      {mayWrite && (
        <ProgressForm label="Activiteit vastleggen">
          <ActivityForm participantId={row.participantId} referralId={row.referralId} />
        </ProgressForm>
      )}
      {mayWrite && own.length > 0 && (
        <ProgressForm label="Activiteit verbeteren">
          <SelectField
            name="corr-choice"
            label="Welke activiteit?"
            options={own.map((a) => [a.id, `${activityKindLabels[a.kind] ?? a.kind} bij ${a.organisation}, ${formatDate(a.startDate)}`] as const)}
            value={correcting}
            onChange={(event) => setCorrecting(event.target.value)}
            optional
            markOptional={false}
          />
          {chosen && <ActivityForm key={`${chosen.id}:${chosen.version}`} participantId={row.participantId} referralId={row.referralId} activity={chosen} />}
        </ProgressForm>
      )}
    </section>
  );
}
