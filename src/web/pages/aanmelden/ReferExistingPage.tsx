import { useCallback, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useNavigate, useParams } from 'react-router-dom';
import { useCreateReferral, useParticipant } from '../../api/queries';
import type { ParticipantDetail } from '../../api/types';
import { useUser } from '../../components/AppLayout';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadError, Loading } from '../../components/QueryStatus';
import { ReferralFields } from '../../components/ReferralFields';
import { RouterLink } from '../../components/RouterLink';
import { fullName } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useForm } from '../../lib/useForm';
import { NotAllowed } from '../NotAllowed';
import { emptyNewReferral, referralFields, validateReferralField, type ReferralField } from './participantForm';
import { can } from '../../lib/permissions';

/** /inburgeraars/:id/aanmelden: refer a known participant to (another) provider. */
export function ReferExistingPage() {
  useDocumentTitle('Nieuwe aanmelding');
  const user = useUser();
  const { id = '' } = useParams();
  const participant = useParticipant(id);

  if (!can(user, 'referral.create')) return <NotAllowed title="Nieuwe aanmelding" />;
  if (participant.isPending) return <Loading what="Inburgeraar" />;
  if (participant.isError) {
    return (
      <>
        <Heading level={1}>Nieuwe aanmelding</Heading>
        <LoadError error={participant.error} />
      </>
    );
  }
  return <ReferExistingForm participant={participant.data} />;
}

function ReferExistingForm({ participant }: { participant: ParticipantDetail }) {
  const navigate = useNavigate();
  const create = useCreateReferral();
  const validate = useCallback(
    (name: ReferralField, values: Record<ReferralField, string>) =>
      validateReferralField(name, { ...emptyNewReferral, ...values }, undefined),
    [],
  );
  const form = useForm<ReferralField>({ providerId: '', productCode: '' }, referralFields, validate);
  const detailPath = `/inburgeraars/${encodeURIComponent(participant.id)}`;
  const name = fullName(participant);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending || !form.validateAll()) return;
    create.mutate(
      { participantId: participant.id, ...form.values },
      {
        onSuccess: () => void navigate(detailPath),
        onError: (error) => form.applyServerError(error),
      },
    );
  };

  return (
    <>
      <Heading level={1}>Nieuwe aanmelding voor {name}</Heading>
      <Paragraph>
        Kies de aanbieder en het perceel. <RouterLink to={detailPath}>Terug naar {name}</RouterLink>
      </Paragraph>
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <form noValidate onSubmit={submit} aria-label={`Nieuwe aanmelding voor ${name}`} className="koers-form">
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
