// R-LVL-2: exam registrations and attempts per part, numbered; the first two per part are paid by the
// state (002 eis 75). The coordinator registers an attempt, with its result when known, and records the
// result of an attempt of its own that is still pending.
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useRecordExam, type ExamInput, type Overview } from '../../api/progress';
import { useToday } from '../../api/queries';
import { SelectField, TextField } from '../../components/fields';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { yesNo } from '../../lib/labels';
import { useForm } from '../../lib/useForm';
import { attemptName, ExamResultForm } from './ExamResultForm';
import { ActionForm, dateProblem, requiredChoice, serverErrorsTo, useAnnounce, ProgressForm } from './formSupport';
import { examPartLabels, examPartOptions, examResultLabels, label } from './labels';

export function ExamsSection({ overview, mayWrite }: { overview: Overview; mayWrite: boolean }) {
  return (
    <section aria-labelledby="examens" className="koers-section">
      <Heading level={2} id="examens">
        Examens
      </Heading>
      {overview.exams.length === 0 ? (
        <Paragraph>Er is nog geen examen aangemeld.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="koers-visually-hidden">Examenpogingen per onderdeel</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
              <TableHeaderCell scope="col">Poging</TableHeaderCell>
              <TableHeaderCell scope="col">Niveau</TableHeaderCell>
              <TableHeaderCell scope="col">Aangemeld op</TableHeaderCell>
              <TableHeaderCell scope="col">Examendatum</TableHeaderCell>
              <TableHeaderCell scope="col">Uitslag</TableHeaderCell>
              <TableHeaderCell scope="col">Door het Rijk betaald</TableHeaderCell>
              <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.exams.map((e) => (
              <TableRow key={e.id}>
                <TableHeaderCell scope="row">{label(examPartLabels, e.part)}</TableHeaderCell>
                <TableCell>{e.attemptNumber}e poging</TableCell>
                <TableCell>{e.level}</TableCell>
                <TableCell>{formatDate(e.registeredOn)}</TableCell>
                <TableCell>{e.takenOn ? formatDate(e.takenOn) : 'Nog niet'}</TableCell>
                <TableCell>{label(examResultLabels, e.result)}</TableCell>
                <TableCell>{yesNo(e.stateFunded)}</TableCell>
                <TableCell>{e.providerName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mayWrite &&
        overview.exams
          .filter((e) => e.result === 'pending' && e.providerName === overview.provider?.name)
          .map((e) => (
            <ProgressForm key={e.id} label={`Uitslag registreren: ${attemptName(e)}`}>
              <ExamResultForm exam={e} participantId={overview.participant.id} />
            </ProgressForm>
          ))}
      {mayWrite && (
        <ProgressForm label="Examen registreren">
          <ExamForm participantId={overview.participant.id} />
        </ProgressForm>
      )}
    </section>
  );
}

type ExamField = 'examen-part' | 'examen-level' | 'examen-registeredOn' | 'examen-takenOn' | 'examen-result';
const fields = ['examen-part', 'examen-level', 'examen-registeredOn', 'examen-takenOn', 'examen-result'] as const;
const empty: Record<ExamField, string> = { 'examen-part': '', 'examen-level': '', 'examen-registeredOn': '', 'examen-takenOn': '', 'examen-result': 'pending' };

function ExamForm({ participantId }: { participantId: string }) {
  const today = useToday().data;
  const record = useRecordExam(participantId);
  const announce = useAnnounce();
  const validate = (name: ExamField, v: Record<ExamField, string>) => {
    if (name === 'examen-part') return requiredChoice(v[name], 'Kies het examenonderdeel.');
    if (name === 'examen-level') return requiredChoice(v[name], 'Kies het niveau.');
    if (name === 'examen-registeredOn') return dateProblem(v[name], 'aanmelddatum', today);
    if (name === 'examen-takenOn') {
      if (v[name] === '') return v['examen-result'] === 'pending' ? undefined : 'Vul de examendatum in bij een uitslag.';
      if (!isValidIsoDate(v[name])) return 'Vul een geldige examendatum in, bijvoorbeeld 05-01-2027.';
    }
    return undefined;
  };
  const form = useForm<ExamField>(empty, fields, validate);
  const onError = serverErrorsTo(form, 'examen');

  const submit = () => {
    if (!form.validateAll()) return;
    const v = form.values;
    const body: ExamInput = {
      // The selects offer only these values; the server checks them again.
      part: v['examen-part'] as ExamInput['part'],
      level: v['examen-level'] as ExamInput['level'],
      registeredOn: v['examen-registeredOn'],
      takenOn: v['examen-takenOn'] === '' ? null : v['examen-takenOn'],
      result: v['examen-result'] as ExamInput['result'],
    };
    record.mutateAsync(body).then(() => {
      form.update(empty);
      announce(`Het examen ${label(examPartLabels, body.part).toLowerCase()} is vastgelegd.`);
    }, onError);
  };

  return (
    <ActionForm
      id="examen"
      title="Examen aanmelden of vastleggen"
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Examen vastleggen"
      busy={record.isPending}
      onSubmit={submit}
    >
      <SelectField {...form.bind('examen-part')} label="Examenonderdeel" options={examPartOptions} />
      <SelectField {...form.bind('examen-level')} label="Niveau" options={(['A1', 'A2', 'B1', 'B2'] as const).map((l) => [l, l] as const)} />
      <TextField {...form.bind('examen-registeredOn')} label="Aangemeld op" type="date" />
      <TextField {...form.bind('examen-takenOn')} label="Examendatum" type="date" optional />
      <SelectField {...form.bind('examen-result')} label="Uitslag" options={Object.entries(examResultLabels)} placeholder="Kies de uitslag" />
    </ActionForm>
  );
}
