// The participant-level ladder's forms (issue #14, R-ESC-1): the next step with date, actors and decision
// (the improvement plan with its weeks of monitoring), a check-in held, and the closure with grounds; the
// contract manager's judgement at the last step (000 §5).
// ApiForm checks them on blur and submit and puts the server's Dutch reasons next to the field.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useCloseEscalation, useHoldCheckIn, useJudgeEscalation, useTakeStep, type EscalationCase } from '../../api/participantEscalation';
import { useSystemDate } from '../../api/queries';
import { formatDate } from '../../lib/dates';
import { ApiForm, type FieldSpec } from '../contract/ApiForm';
import { openCheckIns, STEP_NAME } from './escalationList';

const MAX_PLAN_WEEKS = 26; // as the server's (src/domain/escalation/participant-ladder.ts); it refuses more in Dutch too
// Whoever records a step the contract manager will read is asked to leave the person out (docs/complaints.md).
const NO_PERSON = 'De contractmanager leest dit zonder naam: noem de inburgeraar niet.';

const weeksCheck = (v: string) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PLAN_WEEKS ? undefined : `Vul een aantal weken in van 1 tot en met ${String(MAX_PLAN_WEEKS)}.`);

export function StepForm({ escalation }: { escalation: EscalationCase }) {
  const today = useSystemDate().data?.today ?? '';
  const take = useTakeStep(escalation.id);
  const step = escalation.nextStep;
  if (step === null) return null;
  const plan = step === 'improvementPlan';
  type F = 'decidedOn' | 'actors' | 'decision' | 'planWeeks';
  const fields: FieldSpec<F>[] = [
    { name: 'decidedOn', label: 'Datum van de stap', kind: 'date', description: `Niet na ${formatDate(today)} en niet voor de vorige stap.` },
    { name: 'actors', label: 'Betrokkenen', description: 'Wie waren erbij: organisaties en functies.' },
    { name: 'decision', label: 'Besluit', kind: 'textarea', description: NO_PERSON },
    ...(plan ? [{ name: 'planWeeks' as const, label: 'Weken monitoring', kind: 'number' as const, description: 'Elke week na het verbeterplan één monitoringsmoment.', check: weeksCheck }] : []),
  ];
  return (
    <section aria-labelledby="volgende-stap" className="koers-section">
      <Heading level={2} id="volgende-stap">
        Volgende stap: {STEP_NAME[step]}
      </Heading>
      <ApiForm
        id="escalatie-stap"
        label={`Stap vastleggen: ${STEP_NAME[step]}`}
        fields={fields}
        initial={{ decidedOn: today, actors: '', decision: '', planWeeks: plan ? '4' : '' }}
        submitLabel="Stap vastleggen"
        savedMessage="De stap is vastgelegd."
        onSubmit={(v) => take.mutateAsync({ step, decidedOn: v.decidedOn, actors: v.actors, decision: v.decision, planWeeks: plan ? Number(v.planWeeks) : null })}
      />
    </section>
  );
}

export function CheckInForm({ escalation }: { escalation: EscalationCase }) {
  const today = useSystemDate().data?.today ?? '';
  const hold = useHoldCheckIn(escalation.id);
  const due = openCheckIns(escalation);
  if (due.length === 0) return null;
  const options = due.map((k) => [k.dueOn, `${formatDate(k.dueOn)}${k.overdue ? ' (te laat)' : ''}`] as const);
  return (
    <section aria-labelledby="monitoring-houden" className="koers-section">
      <Heading level={2} id="monitoring-houden">
        Monitoring houden
      </Heading>
      <ApiForm
        id="escalatie-monitoring"
        label="Monitoring houden"
        fields={[
          { name: 'dueOn', label: 'Monitoringsmoment', kind: 'select', options },
          { name: 'heldOn', label: 'Gehouden op', kind: 'date' },
          { name: 'note', label: 'Wat leverde de monitoring op', kind: 'textarea', description: NO_PERSON },
        ]}
        initial={{ dueOn: due[0]?.dueOn ?? '', heldOn: today, note: '' }}
        submitLabel="Houden"
        savedMessage="De monitoring is vastgelegd."
        onSubmit={(v) => hold.mutateAsync({ dueOn: v.dueOn, heldOn: v.heldOn, note: v.note })}
      />
    </section>
  );
}

export function CloseForm({ escalation }: { escalation: EscalationCase }) {
  const today = useSystemDate().data?.today ?? '';
  const close = useCloseEscalation(escalation.id);
  return (
    <details className="koers-disclosure koers-record-form">
      <summary>Escalatie afsluiten</summary>
      <Paragraph>Een afgesloten escalatie neemt geen stappen meer; open monitoringsmomenten vervallen.</Paragraph>
      <ApiForm
        id="escalatie-afsluiten"
        label="Escalatie afsluiten"
        fields={[
          { name: 'closedOn', label: 'Afgesloten op', kind: 'date' },
          { name: 'grounds', label: 'Onderbouwing', kind: 'textarea', description: NO_PERSON },
        ]}
        initial={{ closedOn: today, grounds: '' }}
        submitLabel="Afsluiten"
        savedMessage="De escalatie is afgesloten."
        onSubmit={(v) => close.mutateAsync({ closedOn: v.closedOn, grounds: v.grounds })}
      />
    </details>
  );
}

const JUDGEMENTS = [
  ['asAgreed', 'Aanbieder handelt conform afspraken'],
  ['additionalEffort', 'Aanvullende inzet verlangd van de aanbieder'],
] as const;

/** 000 §5: called in at the last step, the contract manager judges whether the provider acts as agreed — once. */
export function JudgementForm({ escalation }: { escalation: EscalationCase }) {
  const today = useSystemDate().data?.today ?? '';
  const judge = useJudgeEscalation(escalation.id);
  const calledIn = escalation.steps.find((s) => s.step === 'contractManager');
  if (calledIn === undefined || escalation.judgement !== null || escalation.closedOn !== null) return null;
  return (
    <section aria-labelledby="oordeel-vastleggen" className="koers-section">
      <Heading level={2} id="oordeel-vastleggen">
        Oordeel van de contractmanager
      </Heading>
      <Paragraph>U beoordeelt of de aanbieder conform afspraken handelt en of aanvullende inzet nodig is (000 §5). Het oordeel wordt één keer vastgelegd.</Paragraph>
      <ApiForm
        id="oordeel"
        label="Oordeel vastleggen"
        fields={[
          { name: 'decision', label: 'Oordeel', kind: 'select', options: JUDGEMENTS },
          { name: 'judgedOn', label: 'Datum van het oordeel', kind: 'date', description: `Niet voor ${formatDate(calledIn.decidedOn)} en niet na ${formatDate(today)}.` },
          { name: 'grounds', label: 'Onderbouwing', kind: 'textarea' },
        ]}
        initial={{ decision: '', judgedOn: today, grounds: '' }}
        submitLabel="Oordeel vastleggen"
        savedMessage="Het oordeel is vastgelegd."
        onSubmit={(v) => judge.mutateAsync({ judgedOn: v.judgedOn, decision: v.decision as (typeof JUDGEMENTS)[number][0], grounds: v.grounds })}
      />
    </section>
  );
}
