// `/inburgeraars/:id/voortgang` (issue #5): a participant's progress for the provider and the
// municipality: status with reasons, forecast, levels and tests, reports, scaling, exams and route.
// The server decides who may do what; the page only hides what the role cannot use.
import { useCallback, useRef, useState } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';
import { useProgress, type Overview } from '../../api/progress';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { fullName } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ExamsSection } from './ExamsSection';
import { ForecastSection } from './ForecastSection';
import { AnnounceContext } from './formSupport';
import { LevelsSection } from './LevelsSection';
import { ReportsSection } from './ReportsSection';
import { RouteSection } from './RouteSection';
import { ScalingSection } from './ScalingSection';
import { StatusSection } from './StatusSection';
import './progress.css';
import { can } from '../../lib/permissions';

export function ProgressPage() {
  const { id = '' } = useParams();
  const progress = useProgress(id);
  const name = progress.data ? fullName(progress.data.participant) : '';
  useDocumentTitle(name ? `Voortgang van ${name}` : 'Voortgang');

  if (progress.isPending) return <Loading what="Voortgang" />;
  if (progress.isError) {
    return (
      <>
        <Heading level={1}>Voortgang</Heading>
        <LoadError error={progress.error} />
        <Paragraph>
          <RouterLink to="/inburgeraars">Naar de lijst van inburgeraars</RouterLink>
        </Paragraph>
      </>
    );
  }
  return <ProgressFile overview={progress.data} />;
}

function ProgressFile({ overview }: { overview: Overview }) {
  const user = useUser();
  const write = can(user, 'progress.write');
  const decide = can(user, 'progress.decide');
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const announce = useCallback((message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => statusRef.current?.focus());
  }, []);
  const { participant } = overview;

  return (
    <AnnounceContext.Provider value={announce}>
      <Heading level={1}>Voortgang van {fullName(participant)}</Heading>
      <Paragraph>
        <RouterLink to={`/inburgeraars/${encodeURIComponent(participant.id)}`}>Terug naar het dossier van {fullName(participant)}</RouterLink>
      </Paragraph>
      <div role="status" aria-live="polite" ref={statusRef} tabIndex={-1} className="koers-live">
        {announcement && <Paragraph>{announcement}</Paragraph>}
      </div>
      <StatusSection overview={overview} mayOverride={write} />
      <ForecastSection overview={overview} />
      <LevelsSection overview={overview} mayWrite={write} />
      <ReportsSection overview={overview} mayWrite={write} />
      <ScalingSection overview={overview} mayRequest={write} mayDecide={decide} />
      <ExamsSection overview={overview} mayWrite={write} />
      <RouteSection overview={overview} mayRecord={write || decide} municipality={decide} />
    </AnnounceContext.Provider>
  );
}
