import { Button, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { useAcknowledgeSignal } from '../../api/work';
import type { Signal } from '../../api/types';
import { describeError } from '../../components/QueryStatus';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { fullName, signalLabel } from '../../lib/labels';

/** R-SIG-1: open → acknowledged ("Gezien"); the signal stays on the list until the step is taken. */
export function SeenButton({ signal, onDone }: { signal: Signal; onDone: (message: string) => void }) {
  const acknowledge = useAcknowledgeSignal();
  const what = `${signalLabel(signal)}${signal.participant ? `, ${fullName(signal.participant)}` : ''}`;
  const errorId = `gezien-fout-${signal.id}`;
  return (
    <>
      <Button
        appearance="secondary-action-button"
        busy={acknowledge.isPending}
        aria-describedby={acknowledge.isError ? errorId : undefined}
        onClick={() => {
          if (acknowledge.isPending) return;
          // The button goes away with the refetch; mutateAsync still reports back after that.
          acknowledge.mutateAsync(signal.id).then(
            () => onDone(`Gemarkeerd als gezien: ${what}.`),
            () => undefined, // shown below from acknowledge.error
          );
        }}
      >
        Gezien<VisuallyHidden>: {what}</VisuallyHidden>
      </Button>
      {acknowledge.isError && (
        <FormFieldErrorMessage id={errorId} role="alert">
          {describeError(acknowledge.error)}
        </FormFieldErrorMessage>
      )}
    </>
  );
}
