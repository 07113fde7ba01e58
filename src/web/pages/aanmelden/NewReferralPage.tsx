import { useCallback, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router-dom';
import { useCreateParticipant, useToday } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ReferralFields } from '../../components/ReferralFields';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useForm } from '../../lib/useForm';
import { NotAllowed } from '../NotAllowed';
import { ParticipantFields } from './ParticipantFields';
import {
  emptyNewReferral,
  newReferralFields,
  summaryTarget,
  toNewParticipant,
  validateReferralField,
  type NewReferralField,
  type NewReferralValues,
} from './participantForm';
import { can } from '../../lib/permissions';

/** /aanmelden: a consultant registers a new participant and refers them to a provider (R-REF-1). */
export function NewReferralPage() {
  useDocumentTitle('Nieuwe aanmelding');
  const user = useUser();
  if (!can(user, 'referral.create')) return <NotAllowed title="Nieuwe aanmelding" />;
  return <NewReferralForm />;
}

function NewReferralForm() {
  const navigate = useNavigate();
  const today = useToday().data;
  const create = useCreateParticipant();
  const validate = useCallback(
    (name: NewReferralField, values: NewReferralValues) => validateReferralField(name, values, today),
    [today],
  );
  const form = useForm<NewReferralField>(emptyNewReferral, newReferralFields, validate, summaryTarget);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending || !form.validateAll()) return;
    create.mutate(toNewParticipant(form.values), {
      onSuccess: (participant) => void navigate(`/inburgeraars/${encodeURIComponent(participant.id)}`),
      onError: (error) => form.applyServerError(error),
    });
  };

  return (
    <>
      <Heading level={1}>Nieuwe aanmelding</Heading>
      <Paragraph>
        Leg de gegevens van de inburgeraar vast en meld aan bij een gecontracteerde aanbieder. Velden zonder
        “(niet verplicht)” zijn verplicht.
      </Paragraph>
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <form noValidate onSubmit={submit} aria-label="Nieuwe aanmelding" className="koers-form">
        <ParticipantFields form={form} />
        <ReferralFields
          providerId={form.values.providerId}
          productCode={form.values.productCode}
          errors={form.errors}
          onChange={form.update}
          onBlur={form.blur}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
            Aanmelden
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
