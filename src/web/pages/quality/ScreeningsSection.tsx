// Screening (R-QLT-1; 003 art. 4): the items requested and received, the findings made known to the
// provider, hoor en wederhoor — the provider's answer to each finding, recorded before a decision — and
// the decision with its grounds. The contract manager starts, records and decides; the provider answers.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { qualityCalls, type Screening } from '../../api/quality';
import { useSystemDate } from '../../api/queries';
import { formatDate } from '../../lib/dates';
import { orNull } from '../contract/ApiForm';
import { OUTCOME, SCREENING_ITEM } from './qualityLabels';
import { RecordForm } from './RecordForm';
import type { SectionProps } from './RecordPage';

const OUTCOMES = Object.entries(OUTCOME) as [NonNullable<Screening['decision']>['outcome'], string][];
type ItemCode = keyof typeof SCREENING_ITEM;

export function ScreeningsSection(props: SectionProps) {
  const { record, recordKey, manage } = props;
  const today = useSystemDate().data?.today ?? '';
  const screens = record.rules.screeningItems.length > 0;
  return (
    <section aria-labelledby="screeningen" className="koers-section">
      <Heading level={2} id="screeningen">
        Screening
      </Heading>
      {/* A contract without screening rules (no items to request) has no screening: the server refuses one. */}
      {record.screenings.length === 0 && <Paragraph>{screens ? 'Er is geen screening.' : 'Dit contract kent geen screening van aanbieders.'}</Paragraph>}
      {record.screenings.map((s, i) => (
        <ScreeningView key={s.id} {...props} screening={s} number={record.screenings.length - i} />
      ))}
      {manage && screens && (
        <RecordForm
          id="screening"
          summary="Screening starten"
          recordKey={recordKey}
          call={qualityCalls.screening}
          fields={[
            { name: 'startedOn', label: 'Gestart op', kind: 'date' },
            { name: 'reason', label: 'Aanleiding', kind: 'textarea' },
          ]}
          initial={{ startedOn: today, reason: '' }}
          toBody={(v) => ({ startedOn: v.startedOn, reason: v.reason.trim() })}
          submitLabel="Screening starten"
          savedMessage="De screening is gestart."
        />
      )}
    </section>
  );
}

function ScreeningView({ screening: s, number, recordKey, manage, respond }: SectionProps & { screening: Screening; number: number }) {
  const today = useSystemDate().data?.today ?? '';
  const headingId = `screening-${s.id}`;
  const missing = s.items.filter((i) => i.receivedOn === null).map((i) => [i.item, SCREENING_ITEM[i.item]] as const);
  return (
    <section aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        Screening {number}, gestart op {formatDate(s.startedOn)}
      </Heading>
      <Paragraph>Aanleiding: {s.reason}</Paragraph>
      {s.items.length > 0 && (
        <UnorderedList aria-label="Gevraagde stukken">
          {s.items.map((i) => (
            <UnorderedListItem key={i.item}>
              {SCREENING_ITEM[i.item]}: {i.receivedOn === null ? 'nog niet ontvangen' : `ontvangen op ${formatDate(i.receivedOn)}`}
              {i.note === null ? '' : ` (${i.note})`}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Heading level={4}>Bevindingen</Heading>
      {s.findings.length === 0 && <Paragraph>Nog geen bevindingen.</Paragraph>}
      {s.findings.map((f, n) => (
        <div key={f.id} className="koers-finding">
          <Paragraph>
            <strong>Bevinding {n + 1}</strong> ({formatDate(f.foundOn)}): {f.text}
          </Paragraph>
          {f.responses.length === 0 ? (
            <Paragraph>De aanbieder heeft nog niet gereageerd.</Paragraph>
          ) : (
            <UnorderedList aria-label={`Reacties op bevinding ${String(n + 1)}`}>
              {f.responses.map((r) => (
                <UnorderedListItem key={r.id}>
                  Reactie van {r.recordedBy} op {formatDate(r.respondedOn)}: {r.text}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          {/* Hoor en wederhoor (003 art. 4.5): the provider answers while no decision is taken. */}
          {respond && !manage && s.decision === null && (
            <RecordForm
              id={`reactie-${f.id}`}
              summary={`Reageren op bevinding ${String(n + 1)}`}
              recordKey={recordKey}
              call={qualityCalls.respond}
              fields={[{ name: 'text', label: 'Uw reactie', kind: 'textarea' }]}
              initial={{ text: '' }}
              toBody={(v) => ({ screeningId: s.id, findingId: f.id, text: v.text.trim() })}
              submitLabel="Reactie versturen"
              savedMessage="Uw reactie is vastgelegd."
            />
          )}
        </div>
      ))}
      {s.decision !== null ? (
        <Paragraph>
          Besluit op {formatDate(s.decision.decidedOn)}: <strong>{OUTCOME[s.decision.outcome]}</strong>. {s.decision.grounds}
        </Paragraph>
      ) : (
        manage && (
          <>
            {missing.length > 0 && (
              <RecordForm
                id={`stuk-${s.id}`}
                summary="Ontvangen stuk vastleggen"
                recordKey={recordKey}
                call={qualityCalls.item}
                fields={[
                  { name: 'item', label: 'Stuk', kind: 'select', options: missing },
                  { name: 'receivedOn', label: 'Ontvangen op', kind: 'date' },
                  { name: 'note', label: 'Opmerking', optional: true },
                ]}
                initial={{ item: '', receivedOn: today, note: '' }}
                toBody={(v) => ({ screeningId: s.id, item: v.item as ItemCode, receivedOn: v.receivedOn, note: orNull(v.note) })}
                submitLabel="Stuk vastleggen"
                savedMessage="Het stuk is vastgelegd."
              />
            )}
            <RecordForm
              id={`bevinding-${s.id}`}
              summary="Bevinding vastleggen"
              recordKey={recordKey}
              call={qualityCalls.finding}
              fields={[
                { name: 'text', label: 'Bevinding', kind: 'textarea' },
                { name: 'foundOn', label: 'Datum', kind: 'date' },
              ]}
              initial={{ text: '', foundOn: today }}
              toBody={(v) => ({ screeningId: s.id, text: v.text.trim(), foundOn: v.foundOn })}
              submitLabel="Bevinding vastleggen"
              savedMessage="De bevinding is vastgelegd en staat voor de aanbieder klaar."
            />
            <RecordForm
              id={`besluit-${s.id}`}
              summary="Besluit vastleggen"
              recordKey={recordKey}
              call={qualityCalls.decide}
              fields={[
                { name: 'outcome', label: 'Besluit', kind: 'select', options: OUTCOMES },
                { name: 'grounds', label: 'Onderbouwing', kind: 'textarea' },
                { name: 'decidedOn', label: 'Besloten op', kind: 'date' },
              ]}
              initial={{ outcome: '', grounds: '', decidedOn: today }}
              toBody={(v) => ({ screeningId: s.id, outcome: v.outcome as (typeof OUTCOMES)[number][0], grounds: v.grounds.trim(), decidedOn: v.decidedOn })}
              submitLabel="Besluit opslaan"
              savedMessage="Het besluit is vastgelegd."
            />
          </>
        )
      )}
    </section>
  );
}
