// Add a portfolio item (R-MAP-3): evidence, a reflection or an assignment, with its MAP theme when any.
// Checked on blur and on submit; the server's refusals land next to their fields.
import { useAddPortfolioItem, type PortfolioItemInput } from '../../api/portfolio';
import { TextareaField } from '../../components/choiceFields';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../lib/useForm';
import { ActionForm, requiredChoice, requiredText, serverErrorsTo, useAnnounce } from '../progress/formSupport';
import { mapThemeLabels } from './labels';
import { itemKindLabels } from './portfolioLabels';

type Field = 'pf-kind' | 'pf-title' | 'pf-body' | 'pf-theme';
const fields: readonly Field[] = ['pf-kind', 'pf-title', 'pf-body', 'pf-theme'];
const empty: Record<Field, string> = { 'pf-kind': '', 'pf-title': '', 'pf-body': '', 'pf-theme': '' };

function validate(field: Field, v: Record<Field, string>): string | undefined {
  switch (field) {
    case 'pf-kind':
      return requiredChoice(v[field], 'Kies de soort: bewijsstuk, reflectie of opdracht.');
    case 'pf-title':
      return requiredText(v[field], 'Vul een titel in.') ?? (v[field].trim().length > 200 ? 'Hoogstens 200 tekens.' : undefined);
    case 'pf-body':
      return v[field].length > 5000 ? 'Hoogstens 5000 tekens.' : undefined;
    case 'pf-theme':
      return undefined;
  }
}

export function PortfolioItemForm({ participantId, referralId }: { participantId: string; referralId: string }) {
  const add = useAddPortfolioItem(participantId);
  const announce = useAnnounce();
  const form = useForm<Field>(empty, fields, validate);
  const onError = serverErrorsTo(form, 'pf');
  const submit = () => {
    if (!form.validateAll()) return;
    const v = form.values;
    const body: PortfolioItemInput = {
      referralId,
      kind: v['pf-kind'] as PortfolioItemInput['kind'],
      title: v['pf-title'].trim(),
      body: v['pf-body'].trim() === '' ? null : v['pf-body'],
      theme: v['pf-theme'] === '' ? null : (v['pf-theme'] as NonNullable<PortfolioItemInput['theme']>),
    };
    add.mutateAsync(body).then(() => {
      form.update(empty);
      announce(`${itemKindLabels[body.kind] ?? body.kind} toegevoegd aan het portfolio: ${body.title}.`);
    }, onError);
  };
  return (
    <ActionForm id="pf" title="Onderdeel toevoegen" summary={form.summary} attempt={form.attempt} submitLabel="Toevoegen" busy={add.isPending} onSubmit={submit}>
      <SelectField {...form.bind('pf-kind')} label="Soort" options={Object.entries(itemKindLabels)} />
      <TextField {...form.bind('pf-title')} label="Titel" autoComplete="off" />
      <TextareaField {...form.bind('pf-body')} label="Tekst" optional description="De reflectie, de opdracht, of wat het bewijsstuk laat zien." />
      <SelectField {...form.bind('pf-theme')} label="MAP-onderdeel" optional placeholder="Geen" options={Object.entries(mapThemeLabels)} />
    </ActionForm>
  );
}
