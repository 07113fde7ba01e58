// R-GRP-1: the coordinator places a participant referred to the provider in this group, from a date and
// with the literacy stated (003 art. 9.9). The server refuses a full group or one where literacy would mix.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { ApiError, isApiError } from '../../api/client';
import { useAddMember, type GroupDetail, type Literacy } from '../../api/groups';
import { useReferrals } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { literacyLabels } from '../../lib/attendanceLabels';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { useForm } from '../../lib/useForm';

const fields = ['referralId', 'placeFrom', 'placeLiteracy'] as const;
type Field = (typeof fields)[number];
const serverField: Record<string, Field> = { referralId: 'referralId', participantId: 'referralId', from: 'placeFrom', literacy: 'placeLiteracy' };
const literacyOptions = Object.entries(literacyLabels) as [Literacy, string][];

function withFormFields(error: unknown): unknown {
  if (!isApiError(error) || !error.problem.invalidParams) return error;
  const invalidParams = error.problem.invalidParams.map((p) => ({ ...p, name: serverField[p.name] ?? p.name }));
  return new ApiError(error.status, { ...error.problem, invalidParams });
}

function validate(name: Field, v: Record<Field, string>): string | undefined {
  if (name === 'referralId' && v.referralId === '') return 'Kies de aanmelding van de deelnemer.';
  if (name === 'placeFrom' && !isValidIsoDate(v.placeFrom)) return 'Vul de eerste dag in de groep in.';
  if (name === 'placeLiteracy' && !(v.placeLiteracy in literacyLabels)) return 'Kies of de deelnemer alfabeet is.';
  return undefined;
}

export function AddMember({ group, today }: { group: GroupDetail; today: string | undefined }) {
  const referrals = useReferrals();
  const add = useAddMember(group.id);
  const [done, setDone] = useState('');
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done !== '') doneRef.current?.focus();
  }, [done]);

  const inGroup = new Set(group.members.filter((m) => m.memberTo === null).map((m) => m.participantId));
  // Referrals to this provider, acknowledged, of participants not yet in this group.
  const candidates = (referrals.data ?? [])
    .filter((r) => r.provider.id === group.providerId && r.status !== 'referred' && !inGroup.has(r.participant.id))
    .sort((a, b) => fullName(a.participant).localeCompare(fullName(b.participant), 'nl'));
  const start = today !== undefined && today > group.activeFrom ? today : group.activeFrom;
  const form = useForm<Field>({ referralId: '', placeFrom: start, placeLiteracy: group.literacy }, fields, useCallback(validate, []));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending || !form.validateAll()) return;
    const referral = candidates.find((r) => r.id === form.values.referralId);
    if (!referral) return;
    setDone('');
    add.mutate(
      { participantId: referral.participant.id, referralId: referral.id, from: form.values.placeFrom, literacy: form.values.placeLiteracy as Literacy },
      {
        onSuccess: () => {
          form.setValue('referralId', '');
          setDone(`${fullName(referral.participant)} is geplaatst in groep ${group.name}, vanaf ${formatDate(form.values.placeFrom)}.`);
        },
        onError: (error) => form.applyServerError(withFormFields(error)),
      },
    );
  };

  return (
    <section aria-labelledby="plaatsen-titel" className="koers-section">
      <Heading level={3} id="plaatsen-titel">
        Deelnemer plaatsen
      </Heading>
      <Paragraph ref={doneRef} role="status" tabIndex={-1} className="koers-announcement">
        {done}
      </Paragraph>
      <ErrorSummary items={form.attempt > 0 ? form.summary : []} attempt={form.attempt} id="plaatsen-fouten" level={4} title="Plaatsen is niet gelukt" />
      {referrals.isSuccess && candidates.length === 0 ? (
        <Paragraph>Er is geen aanmelding bij uw organisatie van iemand die nog niet in deze groep zit.</Paragraph>
      ) : (
        <form noValidate onSubmit={submit} aria-labelledby="plaatsen-titel" className="koers-inline-form">
          <SelectField
            {...form.bind('referralId')}
            label="Aanmelding"
            // The date of birth tells two of the same name apart (issue #10 item 5).
            options={candidates.map((r) => [r.id, `${fullName(r.participant)} (geboren ${formatDate(r.participant.dateOfBirth)}, ${r.product.name})`] as const)}
            placeholder="Kies een aanmelding"
          />
          <TextField {...form.bind('placeFrom')} label="Vanaf" type="date" />
          <SelectField {...form.bind('placeLiteracy')} label="Geletterdheid" options={literacyOptions} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={add.isPending}>
              Plaatsen
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
