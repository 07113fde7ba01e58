// R-GRP-2: the coordinator changes one lesson (date, start time, minutes, kind), or lets it lapse
// ("vervallen": cancelled by the provider, 000 §4.1 3j) and can undo that. Both after a confirmation
// for the lapse; errors next to the fields, focus on the summary or on the result.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useChangeLesson, type Lesson, type LessonChange, type LessonKind } from '../../api/groups';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { describeError } from '../../components/QueryStatus';
import { lessonKindLabels } from '../../lib/attendanceLabels';
import { isValidIsoDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';

const fields = ['date', 'startTime', 'minutes', 'kind'] as const;
type Field = (typeof fields)[number];
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const kindOptions = Object.entries(lessonKindLabels) as [LessonKind, string][];

function validate(name: Field, v: Record<Field, string>): string | undefined {
  switch (name) {
    case 'date':
      return isValidIsoDate(v.date) ? undefined : 'Vul de datum van de les in.';
    case 'startTime':
      return TIME.test(v.startTime) ? undefined : 'Vul de begintijd in als uu:mm, bijvoorbeeld 09:00.';
    case 'minutes': {
      if (!/^\d+$/.test(v.minutes.trim())) return 'Vul de duur in minuten in, als heel getal.';
      const n = Number(v.minutes);
      if (n < 1) return 'De les duurt minstens 1 minuut.';
      if (n > 600) return 'De les duurt hoogstens 600 minuten.';
      return undefined;
    }
    case 'kind':
      return v.kind in lessonKindLabels ? undefined : 'Kies de soort les.';
  }
}

const valuesOf = (lesson: Lesson): Record<Field, string> => ({
  date: lesson.date,
  startTime: lesson.startTime.slice(0, 5),
  minutes: String(lesson.minutes),
  kind: lesson.kind,
});

/** Only the fields that differ from the lesson as it is. */
function changesOf(lesson: Lesson, v: Record<Field, string>): LessonChange {
  const was = valuesOf(lesson);
  const change: LessonChange = {};
  if (v.date !== was.date) change.date = v.date;
  if (v.startTime !== was.startTime) change.startTime = v.startTime;
  if (v.minutes.trim() !== was.minutes) change.minutes = Number(v.minutes);
  if (v.kind !== was.kind) change.kind = v.kind as LessonKind;
  return change;
}

export function LessonManage({ lesson }: { lesson: Lesson }) {
  const change = useChangeLesson(lesson.id);
  const [result, setResult] = useState({ text: '', count: 0 });
  const resultRef = useRef<HTMLParagraphElement>(null);
  const announce = useCallback((text: string) => setResult((r) => ({ text, count: r.count + 1 })), []);
  // Once the message is on the page (it is hidden while empty), focus goes to it.
  useEffect(() => {
    if (result.text !== '') resultRef.current?.focus();
  }, [result]);

  return (
    <section aria-labelledby="les-beheren" className="koers-section">
      <Heading level={2} id="les-beheren">
        Les beheren
      </Heading>
      <Paragraph ref={resultRef} role="status" tabIndex={-1} className="koers-announcement">
        {result.text}
      </Paragraph>
      <EditLesson lesson={lesson} change={change} announce={announce} />
      <CancelLesson lesson={lesson} change={change} announce={announce} />
    </section>
  );
}

interface PartProps {
  lesson: Lesson;
  change: ReturnType<typeof useChangeLesson>;
  announce: (text: string) => void;
}

function EditLesson({ lesson, change, announce }: PartProps) {
  const form = useForm<Field>(valuesOf(lesson), fields, validate);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending || !form.validateAll()) return;
    const patch = changesOf(lesson, form.values);
    if (Object.keys(patch).length === 0) {
      form.fail('Er is niets gewijzigd. Pas eerst de datum, begintijd, duur of soort les aan.');
      return;
    }
    announce('');
    change.mutate(patch, {
      onSuccess: () => announce('De les is gewijzigd.'),
      onError: (error) => form.applyServerError(error),
    });
  };

  return (
    <>
      <Heading level={3} id="les-wijzigen">
        Les wijzigen
      </Heading>
      <ErrorSummary items={form.attempt > 0 ? form.summary : []} attempt={form.attempt} id="les-wijzigen-fouten" level={4} title="De les is niet gewijzigd" />
      <form noValidate onSubmit={submit} aria-labelledby="les-wijzigen" className="koers-inline-form">
        <TextField {...form.bind('date')} label="Datum" type="date" />
        <TextField {...form.bind('startTime')} label="Begintijd" type="time" />
        <TextField {...form.bind('minutes')} label="Duur in minuten" inputMode="numeric" size={4} />
        <SelectField {...form.bind('kind')} label="Soort les" options={kindOptions} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={change.isPending}>
            Wijzigingen opslaan
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

function CancelLesson({ lesson, change, announce }: PartProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const questionRef = useRef<HTMLParagraphElement>(null);
  // The question (and a failure under it) takes focus when it appears.
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming, error]);
  const cancelled = lesson.cancelledByProvider;
  const action = cancelled ? 'Vervallen ongedaan maken' : 'Les laten vervallen';

  const ask = () => {
    setError('');
    setConfirming(true);
  };
  const back = () => {
    setConfirming(false);
    requestAnimationFrame(() => document.getElementById('les-vervallen-knop')?.focus());
  };
  const confirm = () => {
    announce('');
    change.mutate(
      { cancelledByProvider: !cancelled },
      {
        onSuccess: () => {
          setConfirming(false);
          announce(cancelled ? 'De les gaat weer door.' : 'De les is vervallen.');
        },
        onError: (e) => setError(`Niet gelukt: ${describeError(e)}`),
      },
    );
  };

  return (
    <>
      <Heading level={3} id="les-vervallen">
        {cancelled ? 'Les is vervallen' : 'Les laten vervallen'}
      </Heading>
      <Paragraph>
        {cancelled
          ? 'Deze les gaat niet door. Gaat de les toch door? Maak het vervallen dan ongedaan.'
          : 'Gaat de les niet door omdat uw organisatie hem afzegt? Laat de les dan vervallen. Er is dan geen aanwezigheid en geen verzuim voor deze les.'}
      </Paragraph>
      {confirming ? (
        <div className="koers-box" role="group" aria-labelledby="les-vervallen-vraag">
          <Paragraph id="les-vervallen-vraag" ref={questionRef} tabIndex={-1}>
            <strong>
              {cancelled
                ? 'Weet u zeker dat deze les toch doorgaat?'
                : 'Weet u zeker dat u deze les wilt laten vervallen? Ingevulde aanwezigheid telt dan niet mee.'}
            </strong>
          </Paragraph>
          {error && (
            <Paragraph role="alert" className="koers-overdue">
              {error}
            </Paragraph>
          )}
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={change.isPending} onClick={confirm}>
              {cancelled ? 'Ja, vervallen ongedaan maken' : 'Ja, les laten vervallen'}
            </Button>
            <Button appearance="secondary-action-button" onClick={back}>
              {cancelled ? 'Nee, les blijft vervallen' : 'Nee, les gaat door'}
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <ButtonGroup>
          <Button id="les-vervallen-knop" appearance="secondary-action-button" onClick={ask}>
            {action}
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}
