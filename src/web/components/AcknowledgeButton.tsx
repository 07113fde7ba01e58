import { Button, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { useAcknowledgeReferral } from '../api/queries';
import type { Referral } from '../api/types';
import { fullName } from '../lib/labels';
import { describeError } from './QueryStatus';
import { VisuallyHidden } from './VisuallyHidden';

/** R-REF-2: the provider confirms receipt; the lists are fetched again afterwards. */
export function AcknowledgeButton({ referral, onDone }: { referral: Referral; onDone: (message: string) => void }) {
  const acknowledge = useAcknowledgeReferral();
  const who = fullName(referral.participant);
  const errorId = `bevestigen-fout-${referral.id}`;

  return (
    <>
      <Button
        appearance="primary-action-button"
        busy={acknowledge.isPending}
        aria-describedby={acknowledge.isError ? errorId : undefined}
        onClick={() => {
          if (acknowledge.isPending) return;
          acknowledge.mutate(referral.id, {
            onSuccess: () => onDone(`Ontvangst van de aanmelding van ${who} (${referral.product.name}) is bevestigd.`),
          });
        }}
      >
        Ontvangst bevestigen<VisuallyHidden> voor {who}, {referral.product.name}</VisuallyHidden>
      </Button>
      {acknowledge.isError && (
        <FormFieldErrorMessage id={errorId} role="alert">
          {describeError(acknowledge.error)}
        </FormFieldErrorMessage>
      )}
    </>
  );
}
