// R-MI-6: the provider writes the qualitative sections of its report (labels from the report's entered
// items, e.g. 001 Bijlage 5 item 17), saves them as a draft (optimistic lock: lockVersion) and submits
// after a confirmation. A report submitted before takes a correction, with its reason. The server's
// Dutch messages (entered.<key>, correctionReason) land next to their fields and in the summary.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useSaveDraft, useSubmitInstance, type InstanceDetail } from '../../api/reportInstances';
import { TextareaField } from '../../components/choiceFields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { Dialog } from '../invoicing/Dialog';

const REASON = 'correctionReason';
const MAX = 20_000;

export function EnteredForm({ detail, onDone }: { detail: InstanceDetail; onDone: (message: string) => void }) {
  const id = detail.instance.id;
  const save = useSaveDraft(id);
  const submit = useSubmitInstance(id);
  const [lockVersion, setLockVersion] = useState(detail.draft?.lockVersion ?? 0);
  const [confirming, setConfirming] = useState(false);
  const resubmit = detail.submissions.length > 0;
  const keys = detail.entered.map((e) => `entered.${e.key}`);
  const order = resubmit ? [...keys, REASON] : keys;
  const start = detail.draft?.entered ?? detail.submittedEntered ?? {};
  const initial = Object.fromEntries([...detail.entered.map((e) => [`entered.${e.key}`, start[e.key] ?? '']), [REASON, '']]) as Record<string, string>;
  const labelOf = (name: string) => detail.entered.find((e) => `entered.${e.key}` === name)?.label ?? name;
  const form = useForm<string>(initial, order, (name, values) => {
    const value = (values[name] ?? '').trim();
    if (value.length > MAX) return `Schrijf hoogstens ${MAX.toLocaleString('nl-NL')} tekens.`;
    if (value === '') return name === REASON ? 'Schrijf waarom u een correctie indient.' : `Vul “${labelOf(name)}” in.`;
    return undefined;
  });
  const busy = save.isPending || submit.isPending;
  const entered = () => Object.fromEntries(detail.entered.map((e) => [e.key, form.values[`entered.${e.key}`] ?? '']));

  const store = async () => {
    const saved = await save.mutateAsync({ entered: entered(), lockVersion });
    setLockVersion(saved.lockVersion);
    return saved.lockVersion;
  };

  const onSave = () => {
    if (busy) return;
    store().then(() => onDone('Het concept is opgeslagen.'), form.applyServerError);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll()) return;
    setConfirming(true);
  };

  const confirm = () => {
    setConfirming(false);
    const reason = form.values[REASON]?.trim() ?? '';
    store()
      .then((version) => submit.mutateAsync({ lockVersion: version, ...(resubmit ? { correctionReason: reason } : {}) }))
      .then(() => onDone(resubmit ? 'De correctie is ingediend. De ontvangers krijgen bericht.' : 'De rapportage is ingediend. De ontvangers krijgen bericht.'), form.applyServerError);
  };

  const action = resubmit ? 'Correctie indienen' : 'Indienen';
  return (
    <section aria-labelledby="aanvullen" className="koers-section">
      <Heading level={2} id="aanvullen">
        {resubmit ? 'Een correctie indienen' : 'Aanvullen en indienen'}
      </Heading>
      {!detail.instance.periodEnded && <Paragraph>De periode loopt tot en met {formatDate(detail.instance.period.end)}. U kunt nu een concept opslaan; indienen kan na afloop van de periode.</Paragraph>}
      {resubmit && <Paragraph>De ingediende rapportage blijft bewaard. Een correctie wordt een nieuwe versie, met de reden erbij.</Paragraph>}
      <ErrorSummary items={form.summary} attempt={form.attempt} level={3} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="aanvullen" className="koers-form">
        {detail.entered.map((e) => (
          <TextareaField key={e.key} {...form.bind(`entered.${e.key}`)} label={e.label} rows={6} />
        ))}
        {resubmit && <TextareaField {...form.bind(REASON)} label="Reden van de correctie" />}
        <ButtonGroup>
          {detail.instance.periodEnded && (
            <Button type="submit" appearance="primary-action-button" busy={submit.isPending}>
              {action}
            </Button>
          )}
          <Button type="button" appearance="secondary-action-button" busy={save.isPending} onClick={onSave}>
            Concept opslaan
          </Button>
        </ButtonGroup>
      </form>
      {confirming && (
        <Dialog title={`${detail.instance.kindName} ${detail.instance.period.id} ${resubmit ? 'corrigeren' : 'indienen'}?`} onClose={() => setConfirming(false)} closeLabel="Annuleren">
          <Paragraph>
            De cijfers en uw tekst worden vastgelegd zoals ze nu zijn, met een inhoudshash. Daarna verandert de ingediende versie niet meer. De ontvangers ({detail.instance.recipients.join(', ')}) krijgen
            bericht.
          </Paragraph>
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" onClick={confirm}>
              Ja, {action.toLowerCase()}
            </Button>
          </ButtonGroup>
        </Dialog>
      )}
    </section>
  );
}
