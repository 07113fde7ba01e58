// The steps this user may record now (`possibleEvents`, decided by the server), each as a small form.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useRefreshReferral } from '../../api/lifecycle';
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { AcknowledgeStep, IntakeResultStep, InviteStep } from './IntakeSteps';
import { LearningPlanStep } from './LearningPlanStep';
import { NewIntakeStep } from './NewIntakeStep';
import { PlanReviewStep } from './PlanReviewStep';
import { SignedPlanStep } from './SignedPlanStep';
import { DateStep } from './StartSteps';
import { StepContext, type StepHandlers } from './stepSupport';

function stepForms(referral: ReferralDetail): ReactNode[] {
  const can = (event: ReferralDetail['possibleEvents'][number]) => referral.possibleEvents.includes(event);
  const forms: ReactNode[] = [];
  if (can('acknowledged')) forms.push(<AcknowledgeStep key="acknowledged" referral={referral} />);
  if (can('newIntakeAgreed')) forms.push(<NewIntakeStep key="newIntakeAgreed" referral={referral} />);
  if (can('intakeInvited')) forms.push(<InviteStep key="intakeInvited" referral={referral} />);
  if (can('intakeHeld') || can('intakeNoShow')) {
    forms.push(<IntakeResultStep key="intake" referral={referral} held={can('intakeHeld')} noShow={can('intakeNoShow')} />);
  }
  if (can('planSubmitted')) forms.push(<LearningPlanStep key="planSubmitted" referral={referral} />);
  if (can('planApproved') || can('planReturned')) {
    forms.push(<PlanReviewStep key="review" referral={referral} approve={can('planApproved')} ret={can('planReturned')} />);
  }
  if (can('planSigned')) forms.push(<SignedPlanStep key="planSigned" referral={referral} />);
  if (can('startClassStarted')) forms.push(<DateStep key="startClassStarted" referral={referral} type="startClassStarted" />);
  if (can('started')) forms.push(<DateStep key="started" referral={referral} type="started" />);
  return forms;
}

export function ReferralActions({ referral }: { referral: ReferralDetail }) {
  const [announcement, setAnnouncement] = useState('');
  const [conflict, setConflict] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const refresh = useRefreshReferral(referral.id);

  const announce = (message: string) => {
    setAnnouncement(message);
    // The form disappears with the new state; keep keyboard focus on the confirmation.
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const handlers = useMemo<StepHandlers>(
    () => ({
      done: (message) => {
        setConflict(null);
        announce(message);
      },
      conflict: (message) => {
        setAnnouncement('');
        setConflict(message);
        requestAnimationFrame(() => conflictRef.current?.focus());
      },
    }),
    [],
  );

  const reload = () => {
    if (refreshing) return;
    setRefreshing(true);
    void refresh().finally(() => {
      setRefreshing(false);
      setConflict(null);
      announce('De aanmelding is vernieuwd. Controleer de gegevens en probeer het opnieuw.');
    });
  };

  const forms = stepForms(referral);

  return (
    <section aria-labelledby="vastleggen" className="koers-section">
      <Heading level={2} id="vastleggen">
        Vastleggen
      </Heading>
      <Paragraph ref={statusRef} role="status" tabIndex={-1} className="koers-announcement">
        {announcement}
      </Paragraph>
      {conflict && (
        <Alert ref={conflictRef} type="error" tabIndex={-1} className="koers-error-summary">
          <Paragraph>{conflict}</Paragraph>
          <ButtonGroup>
            <Button appearance="secondary-action-button" busy={refreshing} onClick={reload}>
              Pagina vernieuwen
            </Button>
          </ButtonGroup>
        </Alert>
      )}
      {forms.length === 0 ? (
        <Paragraph>U hoeft nu niets vast te leggen in deze aanmelding.</Paragraph>
      ) : (
        // Keyed by lockVersion: after a refresh the forms start again from what the server now holds.
        <StepContext.Provider value={handlers}>
          <div key={referral.lockVersion}>{forms}</div>
        </StepContext.Provider>
      )}
    </section>
  );
}
