// R-ESC-2: the contract manager's two decisions on a provider's case — open the next step (date,
// decision, grounds and, where the step has one, the term) and close the case with its grounds. The
// server freezes the quarter's patterns with the step and refuses a skipped step or empty grounds (422,
// shown next to the field).
import { useSystemDate } from '../../api/queries';
import { useCloseCase, useOpenStep, type EscalationProvider, type Escalations } from '../../api/contract';
import { ApiForm, orNull } from './ApiForm';
import { textCheck } from './contractLabels';

type Step = NonNullable<EscalationProvider['nextStep']>;

export function OpenStepForm({ overview, provider, step }: { overview: Escalations; provider: EscalationProvider; step: Step }) {
  const open = useOpenStep();
  const today = useSystemDate().data?.today ?? '';
  const id = `stap-${provider.provider}`;
  return (
    <details className="koers-disclosure">
      <summary>
        Volgende stap openen: {step.name}
      </summary>
      <ApiForm
        id={id}
        label={`Stap openen voor ${provider.name}: ${step.name}`}
        fields={[
          { name: 'decidedOn', label: 'Datum van het besluit', kind: 'date' },
          { name: 'decision', label: 'Besluit', kind: 'textarea', check: textCheck(10) },
          { name: 'grounds', label: 'Onderbouwing', kind: 'textarea', check: textCheck(10), description: 'Waarom deze stap; de patronen van het kwartaal worden met de stap vastgelegd.' },
          { name: 'termUntil', label: 'Termijn tot', kind: 'date', optional: !step.requiresTerm, description: step.requiresTerm ? 'Deze stap vraagt een termijn voor de verbetering.' : undefined },
        ]}
        initial={{ decidedOn: today, decision: '', grounds: '', termUntil: '' }}
        submitLabel="Stap openen"
        savedMessage={`De stap “${step.name}” is geopend voor ${provider.name}.`}
        onSubmit={(v) =>
          open.mutateAsync({ contractId: overview.contractId, provider: provider.provider, quarter: overview.quarter, step: step.step, decidedOn: v.decidedOn, decision: v.decision.trim(), grounds: v.grounds.trim(), termUntil: orNull(v.termUntil) })
        }
      />
    </details>
  );
}

export function CloseCaseForm({ caseId, providerName }: { caseId: string; providerName: string }) {
  const close = useCloseCase();
  const today = useSystemDate().data?.today ?? '';
  return (
    <details className="koers-disclosure">
      <summary>Escalatie sluiten</summary>
      <ApiForm
        id={`sluiten-${caseId}`}
        label={`Escalatie van ${providerName} sluiten`}
        fields={[
          { name: 'closedOn', label: 'Gesloten op', kind: 'date' },
          { name: 'grounds', label: 'Onderbouwing', kind: 'textarea', check: textCheck(10) },
        ]}
        initial={{ closedOn: today, grounds: '' }}
        submitLabel="Escalatie sluiten"
        savedMessage={`De escalatie van ${providerName} is gesloten.`}
        onSubmit={(v) => close.mutateAsync({ caseId, body: { closedOn: v.closedOn, grounds: v.grounds.trim() } })}
      />
    </details>
  );
}
