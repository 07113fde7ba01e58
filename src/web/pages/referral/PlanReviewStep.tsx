// The municipality decides on the submitted learning plan: approve, or return it with remarks (R-REF-6).
import { Link, Paragraph } from '@utrecht/component-library-react';
import { downloads } from '../../api/lifecycle';
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { optionId, RadioField, TextareaField } from '../../components/choiceFields';
import { formatDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { PlanView } from './PlanView';
import { StepForm, useStepCommand } from './stepSupport';

type ReviewField = 'decision' | 'remarks';
const reviewFields = ['decision', 'remarks'] as const;

function validateReview(name: ReviewField, values: Record<ReviewField, string>): string | undefined {
  if (name === 'decision') return values.decision === '' ? 'Kies of u het leerplan goedkeurt of terugstuurt.' : undefined;
  if (values.decision === 'return' && values.remarks.trim() === '') {
    return 'Vul de opmerkingen in: wat moet de aanbieder aanpassen?';
  }
  return undefined;
}

export function PlanReviewStep({ referral, approve, ret }: { referral: ReferralDetail; approve: boolean; ret: boolean }) {
  const plan = referral.learningPlans.find((p) => p.status === 'submitted') ?? referral.learningPlans[0];
  const only = approve && !ret ? 'approve' : !approve && ret ? 'return' : '';
  const form = useForm<ReviewField>({ decision: only, remarks: '' }, reviewFields, validateReview, (name) =>
    name === 'decision' ? optionId('decision', approve ? 'approve' : 'return') : 'veld-remarks',
  );
  const step = useStepCommand(referral, form);
  if (!plan) return null;

  const submit = () => {
    if (!form.validateAll()) return;
    if (form.values.decision === 'approve') {
      step.run({ type: 'planApproved', planVersion: plan.version }, `Leerplan versie ${plan.version} is goedgekeurd.`);
    } else {
      step.run(
        { type: 'planReturned', planVersion: plan.version, remarks: form.values.remarks.trim() },
        `Leerplan versie ${plan.version} is teruggestuurd naar de aanbieder.`,
      );
    }
  };

  return (
    <StepForm
      id="beoordeling"
      title="Leerplan beoordelen"
      intro={`${referral.provider.name} diende versie ${plan.version} in op ${formatDate(plan.submittedOn)} (${plan.submittedByName}).`}
      before={
        <>
          <PlanView content={plan.content} />
          <Paragraph>
            <Link href={downloads.learningPlanPdf(plan.id)}>Leerplan versie {plan.version} (pdf)</Link>
          </Paragraph>
        </>
      }
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Besluit vastleggen"
      busy={step.isPending}
      onSubmit={submit}
    >
      <RadioField
        name="decision"
        legend={`Uw besluit over leerplan versie ${plan.version}`}
        options={[
          ...(approve ? [['approve', 'Goedkeuren'] as const] : []),
          ...(ret ? [['return', 'Terugsturen met opmerkingen'] as const] : []),
        ]}
        value={form.values.decision}
        error={form.errors.decision}
        onChange={(value) => form.setValue('decision', value)}
      />
      {form.values.decision === 'return' && (
        <TextareaField
          {...form.bind('remarks')}
          label="Opmerkingen voor de aanbieder"
          description="Schrijf wat er aan het leerplan moet veranderen."
        />
      )}
    </StepForm>
  );
}
