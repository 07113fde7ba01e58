// Add a file to a portfolio item (R-MAP-3) under the document rules: a PDF of at most 5 MB; the server
// checks the content and masks a BSN in the name (src/features/documents/files.ts).
import { useState } from 'react';
import { FormField } from '@utrecht/component-library-react';
import { ApiError } from '../../api/client';
import { useAddPortfolioFile, type PortfolioItem } from '../../api/portfolio';
import { describedBy, FieldDescription, FieldError, FieldLabel, SelectField } from '../../components/fields';
import { useForm } from '../../lib/useForm';
import { ActionForm, requiredChoice, serverErrorsTo, useAnnounce } from '../progress/formSupport';
import { itemKindLabels } from './portfolioLabels';

type Field = 'pff-item' | 'pff-file';
const ID = 'veld-pff-file';
/** The server's limit (documents/schemas.ts MAX_DOCUMENT_BYTES); it refuses larger files with 413. */
const MAX_BYTES = 5 * 1024 * 1024;
const DESCRIPTION = 'Alleen pdf, hoogstens 5 MB. Zet geen BSN in de bestandsnaam.';

function validate(field: Field, v: Record<Field, string>): string | undefined {
  if (field === 'pff-item') return requiredChoice(v[field], 'Kies het onderdeel waar het bestand bij hoort.');
  if (v[field] === '') return 'Kies een pdf-bestand.';
  return /\.pdf$/i.test(v[field]) ? undefined : 'Het bestand moet een pdf zijn: de naam eindigt op .pdf.';
}

export function PortfolioFileForm({ items }: { items: readonly PortfolioItem[] }) {
  const upload = useAddPortfolioFile();
  const announce = useAnnounce();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<Field>({ 'pff-item': '', 'pff-file': '' }, ['pff-item', 'pff-file'], validate);
  // The server names the body `file`; the form's field is pff-file.
  const onError = serverErrorsTo(form, 'pff');
  const error = form.errors['pff-file'];
  const submit = () => {
    if (!form.validateAll() || file === null) return;
    if (file.size > MAX_BYTES) {
      form.applyServerError(new ApiError(413, { invalidParams: [{ name: 'pff-file', code: 'tooLarge', reason: 'Het bestand is groter dan 5 MB. Kies een kleiner pdf-bestand.' }] }));
      return;
    }
    upload.mutateAsync({ itemId: form.values['pff-item'], file }).then((stored) => announce(`Bestand ${stored.fileName} toegevoegd aan het portfolio.`), onError);
  };
  return (
    <ActionForm id="pff" title="Bestand toevoegen" summary={form.summary} attempt={form.attempt} submitLabel="Uploaden" busy={upload.isPending} onSubmit={submit}>
      <SelectField {...form.bind('pff-item')} label="Bij onderdeel" options={items.map((i) => [i.id, `${itemKindLabels[i.kind] ?? i.kind}: ${i.title}`] as const)} />
      <FormField
        invalid={Boolean(error)}
        label={<FieldLabel htmlFor={ID} label="Bestand (pdf)" />}
        description={<FieldDescription id={ID} description={DESCRIPTION} />}
        input={
          <input
            id={ID}
            name="pff-file"
            type="file"
            accept=".pdf,application/pdf"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(ID, DESCRIPTION, error)}
            className="koers-file-input"
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              form.setValue('pff-file', chosen?.name ?? '');
            }}
            onBlur={() => form.blur('pff-file')}
          />
        }
        errorMessage={error ? <FieldError id={ID} error={error} /> : undefined}
      />
    </ActionForm>
  );
}
