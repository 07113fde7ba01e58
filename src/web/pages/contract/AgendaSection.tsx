// R-CM-1: the meeting's agenda, and for the contract manager Koers' proposal for the meeting's quarter —
// reports due, submitted and late, KPIs off target, deadline compliance below the norm, open
// contract-level cases, overdue actions — as aggregates. An item is adopted by its key (the server
// takes the title and detail from the proposal now) or written by hand; taking one off keeps it.
import { Button, Heading, OrderedList, OrderedListItem, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useAddAgendaItem, useProposal, useTakeOffAgenda, type MeetingDetail, type ProposedItem } from '../../api/contract';
import { describeError, LoadError, Loading } from '../../components/QueryStatus';
import { ApiForm } from './ApiForm';

export function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const takeOff = useTakeOffAgenda(meeting.id);
  return (
    <section aria-labelledby="agenda" className="koers-section">
      <Heading level={2} id="agenda">
        Agenda
      </Heading>
      {meeting.agenda.length === 0 ? (
        <Paragraph>Er staat nog niets op de agenda.</Paragraph>
      ) : (
        <OrderedList>
          {meeting.agenda.map((item) => (
            <OrderedListItem key={item.id}>
              <strong>{item.title}</strong>
              {item.detail !== '' && ` — ${item.detail}`}
              {meeting.mayManage && (
                <>
                  {' '}
                  <Button appearance="subtle-button" onClick={() => takeOff.mutate(item.id)} busy={takeOff.isPending && takeOff.variables === item.id}>
                    Van de agenda halen<span className="koers-visually-hidden">: {item.title}</span>
                  </Button>
                </>
              )}
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
      {takeOff.isError && <LoadError error={takeOff.error} />}
      {meeting.mayManage && <Proposal meeting={meeting} />}
    </section>
  );
}

function Proposal({ meeting }: { meeting: MeetingDetail }) {
  const proposal = useProposal(meeting.id, true);
  const add = useAddAgendaItem(meeting.id);
  const [announced, setAnnounced] = useState('');
  const adopt = (item: ProposedItem) =>
    add.mutate({ sourceKey: item.sourceKey }, { onSuccess: () => setAnnounced(`“${item.title}” staat op de agenda.`), onError: (e) => setAnnounced(describeError(e)) });

  let body;
  if (proposal.isPending) body = <Loading what="Voorgestelde agenda" />;
  else if (proposal.isError) body = <LoadError error={proposal.error} />;
  else if (proposal.data.items.length === 0) body = <Paragraph>Koers stelt voor {meeting.quarter} niets voor.</Paragraph>;
  else
    body = (
      <UnorderedList>
        {proposal.data.items.map((item) => (
          <UnorderedListItem key={item.sourceKey}>
            <strong>{item.title}</strong>
            {item.detail !== '' && ` — ${item.detail}`}{' '}
            {item.onAgenda ? (
              <span>(staat op de agenda)</span>
            ) : (
              <Button appearance="secondary-action-button" onClick={() => adopt(item)} busy={add.isPending}>
                Op de agenda zetten<span className="koers-visually-hidden">: {item.title}{item.detail === '' ? '' : `, ${item.detail}`}</span>
              </Button>
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    );

  return (
    <>
      <Heading level={3}>Voorgestelde agenda voor {meeting.quarter}</Heading>
      <Paragraph>Uit de rapportages, de KPI’s, de termijnen, de open escalaties en de actiepunten over de datum; alleen totalen, nooit een inburgeraar.</Paragraph>
      <div role="status" aria-live="polite" className="koers-live">
        {announced !== '' && <Paragraph>{announced}</Paragraph>}
      </div>
      {body}
      <Heading level={3}>Eigen agendapunt toevoegen</Heading>
      <ApiForm
        id="agendapunt"
        label="Eigen agendapunt toevoegen"
        fields={[
          { name: 'title', label: 'Onderwerp' },
          { name: 'detail', label: 'Toelichting', kind: 'textarea', optional: true },
        ]}
        initial={{ title: '', detail: '' }}
        submitLabel="Agendapunt toevoegen"
        savedMessage="Het agendapunt staat op de agenda."
        onSubmit={(v) => add.mutateAsync({ title: v.title.trim(), detail: v.detail.trim() })}
      />
    </>
  );
}
