import { useCallback, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useGenerateLessons, type Group } from '../../api/groups';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';

const fields = ['from', 'to'] as const;
type Field = (typeof fields)[number];

/** R-GRP-2: lessons from the group's weekly schedule for a period; running it twice adds nothing. */
export function GenerateLessons({ group, today }: { group: Group; today: string | undefined }) {
  const generate = useGenerateLessons();
  const [result, setResult] = useState('');
  const validate = useCallback((name: Field, v: Record<Field, string>) => {
    if (!isValidIsoDate(v[name])) return name === 'from' ? 'Vul de eerste dag in.' : 'Vul de laatste dag in.';
    if (name === 'to' && isValidIsoDate(v.from) && v.to < v.from) return 'De laatste dag ligt voor de eerste dag.';
    return undefined;
  }, []);
  const form = useForm<Field>({ from: today ?? group.activeFrom, to: group.activeTo ?? '' }, fields, validate);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (generate.isPending || !form.validateAll()) return;
    setResult('');
    generate.mutate(
      { groupId: group.id, ...form.values },
      {
        onSuccess: ({ created, lessons }) =>
          setResult(
            `${created} ${created === 1 ? 'les' : 'lessen'} gemaakt; van ${formatDate(form.values.from)} tot en met ${formatDate(form.values.to)} staan nu ${lessons.length} lessen in het rooster.`,
          ),
        onError: (error) => form.applyServerError(error),
      },
    );
  };

  return (
    <section aria-labelledby="lessen-maken" className="koers-section">
      <Heading level={2} id="lessen-maken">
        Lessen maken
      </Heading>
      <Paragraph>Maak de lessen van een periode volgens het rooster van de groep. Al gemaakte lessen blijven zoals ze zijn.</Paragraph>
      <ErrorSummary items={form.summary} attempt={form.attempt} id="lessen-fouten" level={3} />
      <form noValidate onSubmit={submit} aria-labelledby="lessen-maken" className="koers-inline-form">
        <TextField {...form.bind('from')} label="Eerste dag" type="date" />
        <TextField {...form.bind('to')} label="Laatste dag" type="date" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={generate.isPending}>
            Lessen maken
          </Button>
        </ButtonGroup>
      </form>
      <div role="status" aria-live="polite" className="koers-live">
        {result && <Paragraph>{result}</Paragraph>}
      </div>
    </section>
  );
}
