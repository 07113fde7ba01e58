// Customer satisfaction results (003 art. 16.1) and class visits (003 art. 1.4) per provider (R-QLT-4):
// recorded by the contract manager, read by the provider.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { qualityCalls } from '../../api/quality';
import { useSystemDate } from '../../api/queries';
import { formatDate } from '../../lib/dates';
import { YES_NO } from '../contract/ApiForm';
import { CONDUCTED_BY } from './qualityLabels';
import { numberCheck, numberOrNull, RecordForm } from './RecordForm';
import type { SectionProps } from './RecordPage';

const BY = Object.entries(CONDUCTED_BY) as [keyof typeof CONDUCTED_BY, string][];

export function VisitsSection({ record, recordKey, manage }: SectionProps) {
  const today = useSystemDate().data?.today ?? '';
  return (
    <>
      <section aria-labelledby="tevredenheid" className="koers-section">
        <Heading level={2} id="tevredenheid">
          Klanttevredenheid
        </Heading>
        {record.satisfaction.length === 0 ? (
          <Paragraph>Geen onderzoek vastgelegd.</Paragraph>
        ) : (
          <UnorderedList>
            {record.satisfaction.map((s) => (
              <UnorderedListItem key={s.id}>
                {formatDate(s.surveyedOn)}, door {CONDUCTED_BY[s.conductedBy]}
                {s.score === null ? '' : `: cijfer ${s.score.toLocaleString('nl-NL')}`}
                {s.respondents === null ? '' : ` (${String(s.respondents)} respondenten)`}. {s.summary}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        {manage && (
          <RecordForm
            id="tevredenheid"
            summary="Uitkomst van een tevredenheidsonderzoek vastleggen"
            recordKey={recordKey}
            call={qualityCalls.satisfaction}
            fields={[
              { name: 'surveyedOn', label: 'Datum', kind: 'date' },
              { name: 'conductedBy', label: 'Uitgevoerd door', kind: 'select', options: BY },
              { name: 'score', label: 'Cijfer', kind: 'number', optional: true, check: numberCheck(0, 10, false) },
              { name: 'respondents', label: 'Aantal respondenten', kind: 'number', optional: true, check: numberCheck(0, 1_000_000, true) },
              { name: 'summary', label: 'Uitkomst', kind: 'textarea' },
            ]}
            initial={{ surveyedOn: today, conductedBy: '', score: '', respondents: '', summary: '' }}
            toBody={(v) => ({ surveyedOn: v.surveyedOn, conductedBy: v.conductedBy as keyof typeof CONDUCTED_BY, score: numberOrNull(v.score), respondents: numberOrNull(v.respondents), summary: v.summary.trim() })}
            submitLabel="Uitkomst opslaan"
            savedMessage="De uitkomst is vastgelegd."
          />
        )}
      </section>
      <section aria-labelledby="lesbezoeken" className="koers-section">
        <Heading level={2} id="lesbezoeken">
          Lesbezoeken
        </Heading>
        {record.classVisits.length === 0 ? (
          <Paragraph>Geen lesbezoek vastgelegd.</Paragraph>
        ) : (
          <UnorderedList>
            {record.classVisits.map((v) => (
              <UnorderedListItem key={v.id}>
                {formatDate(v.visitedOn)}, {v.announced ? 'aangekondigd' : 'onaangekondigd'}: {v.findings}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        {manage && (
          <RecordForm
            id="lesbezoek"
            summary="Lesbezoek vastleggen"
            recordKey={recordKey}
            call={qualityCalls.visit}
            fields={[
              { name: 'visitedOn', label: 'Datum', kind: 'date' },
              { name: 'announced', label: 'Aangekondigd', kind: 'select', options: YES_NO },
              { name: 'findings', label: 'Wat het bezoek opleverde', kind: 'textarea' },
            ]}
            initial={{ visitedOn: today, announced: '', findings: '' }}
            toBody={(v) => ({ visitedOn: v.visitedOn, announced: v.announced === 'true', findings: v.findings.trim() })}
            submitLabel="Lesbezoek opslaan"
            savedMessage="Het lesbezoek is vastgelegd."
          />
        )}
      </section>
    </>
  );
}
