// R-REF-6: every version of the learning plan with its decision and PDF; the newest is shown in full.
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { downloads } from '../../api/lifecycle';
import type { LearningPlan } from '../../api/lifecycleTypes';
import { formatDate } from '../../lib/dates';
import { planStatusLabels } from '../../lib/lifecycleLabels';
import { PlanView } from './PlanView';

function decision(plan: LearningPlan): string {
  if (plan.status === 'submitted') return 'Nog niet beoordeeld.';
  const verb = plan.status === 'approved' ? 'Goedgekeurd' : 'Teruggestuurd';
  return `${verb}${plan.decidedOn ? ` op ${formatDate(plan.decidedOn)}` : ''}${plan.decidedByName ? ` door ${plan.decidedByName}` : ''}.`;
}

function Version({ plan, newest }: { plan: LearningPlan; newest: boolean }) {
  const headingId = `leerplan-versie-${plan.version}`;
  return (
    <section aria-labelledby={headingId} className="koers-plan-version">
      <Heading level={3} id={headingId}>
        Versie {plan.version}: {planStatusLabels[plan.status] ?? plan.status}
      </Heading>
      <Paragraph>
        Ingediend op {formatDate(plan.submittedOn)} door {plan.submittedByName}. {decision(plan)}
      </Paragraph>
      {plan.remarks && (
        <Paragraph>
          Opmerkingen van de gemeente: <span className="koers-remarks">{plan.remarks}</span>
        </Paragraph>
      )}
      {newest ? (
        <PlanView content={plan.content} />
      ) : (
        <details className="koers-details">
          <summary>Inhoud van versie {plan.version} tonen</summary>
          <PlanView content={plan.content} />
        </details>
      )}
      <Paragraph>
        <Link href={downloads.learningPlanPdf(plan.id)}>Leerplan versie {plan.version} (pdf)</Link>
      </Paragraph>
    </section>
  );
}

export function LearningPlans({ plans }: { plans: LearningPlan[] }) {
  const sorted = [...plans].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="leerplan" className="koers-section">
      <Heading level={2} id="leerplan">
        Leerplan
      </Heading>
      {sorted.length === 0 ? (
        <Paragraph>Er is nog geen leerplan ingediend.</Paragraph>
      ) : (
        sorted.map((plan, index) => <Version key={plan.id} plan={plan} newest={index === 0} />)
      )}
    </section>
  );
}
