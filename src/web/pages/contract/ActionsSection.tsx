// R-CM-1: the meeting's action items — description, owner, due date, done. The contract manager records
// them (the owner is itself or a provider taking part) and may mark any done; a provider marks its own.
// An overdue action is a signal to its provider owner (action-signals.ts); done answers it.
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useAddAction, useMarkAction, type ActionItem, type MeetingDetail } from '../../api/contract';
import { useSystemDate } from '../../api/queries';
import { DataTable, type Column } from '../../components/DataTable';
import { LoadError } from '../../components/QueryStatus';
import { formatDate } from '../../lib/dates';
import { ApiForm } from './ApiForm';

const MANAGER = 'contractManager';

function stateOf(a: ActionItem): string {
  if (a.done) return a.doneOn === null ? 'Gedaan' : `Gedaan op ${formatDate(a.doneOn)}`;
  return a.overdue ? 'Over de datum' : 'Open';
}

export function ActionsSection({ meeting }: { meeting: MeetingDetail }) {
  const mark = useMarkAction(meeting.id);
  const add = useAddAction(meeting.id);
  const today = useSystemDate().data?.today ?? '';
  const columns: Column<ActionItem>[] = [
    { id: 'description', label: 'Actiepunt', fixed: true, rowHeader: true, cell: (a) => a.description },
    { id: 'owner', label: 'Eigenaar', cell: (a) => a.owner.name },
    { id: 'dueOn', label: 'Uiterlijk', cell: (a) => formatDate(a.dueOn) },
    { id: 'state', label: 'Stand', cell: (a) => <span className={a.overdue ? 'koers-overdue' : undefined}>{stateOf(a)}</span> },
    {
      id: 'toggle',
      label: 'Actie',
      fixed: true,
      hiddenLabel: true,
      cell: (a) =>
        a.mayMarkDone ? (
          <Button appearance="secondary-action-button" busy={mark.isPending && mark.variables.actionId === a.id} onClick={() => mark.mutate({ actionId: a.id, done: !a.done })}>
            {a.done ? 'Weer openzetten' : 'Gedaan'}
            <span className="koers-visually-hidden">: {a.description}</span>
          </Button>
        ) : null,
    },
  ];
  const owners: [string, string][] = [[MANAGER, 'De contractmanager'], ...meeting.providers.map((p) => [p.code, p.name] as [string, string])];

  return (
    <section aria-labelledby="actiepunten" className="koers-section">
      <Heading level={2} id="actiepunten">
        Actiepunten
      </Heading>
      {meeting.actions.length === 0 ? <Paragraph>Er zijn nog geen actiepunten.</Paragraph> : <DataTable id="actiepunten" caption="Actiepunten" columns={columns} rows={meeting.actions} rowKey={(a) => a.id} />}
      {mark.isError && <LoadError error={mark.error} />}
      {meeting.mayManage && (
        <>
          <Heading level={3}>Actiepunt vastleggen</Heading>
          <ApiForm
            id="actiepunt"
            label="Actiepunt vastleggen"
            fields={[
              { name: 'description', label: 'Actiepunt', kind: 'textarea' },
              { name: 'owner', label: 'Eigenaar', kind: 'select', options: owners },
              { name: 'dueOn', label: 'Uiterlijk op', kind: 'date' },
            ]}
            initial={{ description: '', owner: '', dueOn: today }}
            submitLabel="Actiepunt vastleggen"
            savedMessage="Het actiepunt is vastgelegd."
            onSubmit={(v) => add.mutateAsync({ description: v.description.trim(), dueOn: v.dueOn, owner: v.owner === MANAGER ? { kind: MANAGER } : { kind: 'provider', provider: v.owner } })}
          />
        </>
      )}
    </section>
  );
}
