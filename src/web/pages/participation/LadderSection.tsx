// R-MAP-4 (001 Bijlage 5 item 16): the participation ladder — every record kept, the step per moment,
// and the form that records a step at referral, during or at the end.
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useToday } from '../../api/queries';
import { useLadder, useRecordLadderStep } from '../../api/participation';
import { SelectField, TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { ActionForm, dateProblem, ProgressForm, requiredChoice, serverErrorsTo, useAnnounce } from '../progress/formSupport';
import { ladderMomentLabels, ladderStepLabels } from './labels';

type Field = 'trede-step' | 'trede-moment' | 'trede-recordedOn';
const fields: readonly Field[] = ['trede-step', 'trede-moment', 'trede-recordedOn'];

export function LadderSection({ participantId, referralId, mayWrite }: { participantId: string; referralId: string; mayWrite: boolean }) {
  const ladder = useLadder(participantId);
  let body;
  if (ladder.isPending) body = <Loading what="Participatieladder" />;
  else if (ladder.isError) body = <LoadError error={ladder.error} />;
  else if (ladder.data.history.length === 0) body = <Paragraph>Nog geen trede vastgelegd.</Paragraph>;
  else {
    const { latest, raisedDuring, history } = ladder.data;
    body = (
      <>
        <Paragraph>
          {(['atReferral', 'during', 'atEnd'] as const)
            .map((m) => `${ladderMomentLabels[m]}: ${latest[m] === null ? 'nog niet' : `trede ${latest[m].step}`}`)
            .join('. ')}
          .{raisedDuring ? ' De trede is tijdens het traject gestegen.' : ''}
        </Paragraph>
        <Table>
          <TableCaption>Alle vastgelegde treden</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Datum</TableHeaderCell>
              <TableHeaderCell scope="col">Moment</TableHeaderCell>
              <TableHeaderCell scope="col">Trede</TableHeaderCell>
              <TableHeaderCell scope="col">Vastgelegd door</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.map((r) => (
              <TableRow key={r.id}>
                <TableHeaderCell scope="row">{formatDate(r.recordedOn)}</TableHeaderCell>
                <TableCell>{ladderMomentLabels[r.moment]}</TableCell>
                <TableCell>{ladderStepLabels[String(r.step)] ?? r.step}</TableCell>
                <TableCell>
                  {r.recordedBy}, {r.providerName}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return (
    <section aria-labelledby="ladder" className="koers-section">
      <Heading level={2} id="ladder">
        Participatieladder
      </Heading>
      {body}
      {mayWrite && (
        <ProgressForm label="Trede vastleggen">
          <LadderForm participantId={participantId} referralId={referralId} />
        </ProgressForm>
      )}
    </section>
  );
}

function LadderForm({ participantId, referralId }: { participantId: string; referralId: string }) {
  const today = useToday().data;
  const record = useRecordLadderStep(participantId);
  const announce = useAnnounce();
  const validate = (name: Field, v: Record<Field, string>) => {
    if (name === 'trede-step') return requiredChoice(v[name], 'Kies een trede van 1 tot en met 6.');
    if (name === 'trede-moment') return requiredChoice(v[name], 'Kies het moment.');
    return dateProblem(v[name], 'datum', today);
  };
  const initial: Record<Field, string> = { 'trede-step': '', 'trede-moment': '', 'trede-recordedOn': today ?? '' };
  const form = useForm<Field>(initial, fields, validate);
  const onError = serverErrorsTo(form, 'trede');
  const submit = () => {
    if (!form.validateAll()) return;
    const v = form.values;
    const moment = v['trede-moment'] as 'atReferral' | 'during' | 'atEnd';
    record.mutateAsync({ referralId, step: Number(v['trede-step']), moment, recordedOn: v['trede-recordedOn'] }).then(() => {
      form.update(initial);
      announce(`Trede ${v['trede-step']} vastgelegd (${ladderMomentLabels[moment]?.toLowerCase() ?? moment}, ${formatDate(v['trede-recordedOn'])}).`);
    }, onError);
  };
  return (
    <ActionForm id="trede" title="Trede vastleggen" intro="Een nieuwe trede vervangt niets: alle eerdere treden blijven bewaard." summary={form.summary} attempt={form.attempt} submitLabel="Vastleggen" busy={record.isPending} onSubmit={submit}>
      <SelectField {...form.bind('trede-moment')} label="Moment" options={Object.entries(ladderMomentLabels)} />
      <SelectField {...form.bind('trede-step')} label="Trede" options={Object.entries(ladderStepLabels)} />
      <TextField {...form.bind('trede-recordedOn')} label="Vastgesteld op" type="date" />
    </ActionForm>
  );
}
