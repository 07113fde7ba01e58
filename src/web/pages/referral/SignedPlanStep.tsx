// R-REF-7: the provider uploads the learning plan as the participant signed it (a PDF).
import { useState } from 'react';
import { FormField } from '@utrecht/component-library-react';
import { ApiError } from '../../api/client';
import { useUploadSignedPlan } from '../../api/lifecycle';
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { describedBy, FieldDescription, FieldError, FieldLabel } from '../../components/fields';
import { useForm } from '../../lib/useForm';
import { StepForm, useStepDone, useStepErrorHandler } from './stepSupport';

const ID = 'veld-signedPlan';
/** The server's limit (documents/schemas.ts MAX_DOCUMENT_BYTES); it refuses larger files with 413. */
const MAX_BYTES = 5 * 1024 * 1024;

function validateFile(_name: 'signedPlan', values: { signedPlan: string }): string | undefined {
  const name = values.signedPlan;
  if (name === '') return 'Kies het ondertekende leerplan (een pdf-bestand).';
  if (!/\.pdf$/i.test(name)) return 'Het bestand moet een pdf zijn: de naam eindigt op .pdf.';
  return undefined;
}

export function SignedPlanStep({ referral }: { referral: ReferralDetail }) {
  const upload = useUploadSignedPlan(referral);
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<'signedPlan'>({ signedPlan: '' }, ['signedPlan'], validateFile);
  const done = useStepDone();
  const onError = useStepErrorHandler(form);
  const approved = referral.learningPlans.find((p) => p.status === 'approved');
  const error = form.errors.signedPlan;
  const description = `Alleen pdf. Upload ${approved ? `versie ${approved.version} van het leerplan` : 'het goedgekeurde leerplan'} met de handtekening van de inburgeraar.`;

  const submit = () => {
    if (!form.validateAll() || !file || upload.isPending) return;
    if (file.size > MAX_BYTES) {
      form.applyServerError(
        new ApiError(413, { invalidParams: [{ name: 'signedPlan', code: 'tooLarge', reason: 'Het bestand is groter dan 5 MB. Kies een kleiner pdf-bestand.' }] }),
      );
      return;
    }
    // As in useStepCommand: the form unmounts once the new state arrives, so no mutate callbacks.
    upload.mutateAsync(file).then((document) => done(`Het ondertekende leerplan ${document.fileName} is geüpload.`), onError);
  };

  return (
    <StepForm
      id="ondertekend"
      title="Ondertekend leerplan uploaden"
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Uploaden"
      busy={upload.isPending}
      onSubmit={submit}
    >
      <FormField
        invalid={Boolean(error)}
        label={<FieldLabel htmlFor={ID} label="Ondertekend leerplan (pdf)" />}
        description={<FieldDescription id={ID} description={description} />}
        input={
          <input
            id={ID}
            name="signedPlan"
            type="file"
            accept=".pdf,application/pdf"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(ID, description, error)}
            className="koers-file-input"
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              form.setValue('signedPlan', chosen?.name ?? '');
            }}
            onBlur={() => form.blur('signedPlan')}
          />
        }
        errorMessage={error ? <FieldError id={ID} error={error} /> : undefined}
      />
    </StepForm>
  );
}
