// A report read-only: the facts Koers filled in, the provider's fields, and the same report in plain
// Dutch as the participant reads it. Also the facts block the editor shows above its form.
import type { ReactNode } from 'react';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Report, ReportContent } from '../../api/progress';
import { formatPercent, hourKindLabels, labelOf } from '../../lib/attendanceLabels';
import { formatDate } from '../../lib/dates';
import { formatNumber, skillLabels, skills, statusLabels } from './labels';
import { contentLabels, editKeysFor } from './reportFields';

function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{empty ? <span className="koers-empty">niet ingevuld</span> : children}</DataListValue>
    </DataListItem>
  );
}

function testResultsText(results: ReportContent['testResults']): string {
  const tested = skills.filter((s) => results[s] !== null);
  if (tested.length === 0) return 'Nog geen voortgangstoets';
  return tested.map((s) => `${skillLabels[s]}: ${results[s]}`).join(', ');
}

/** R-HRS-4: what Koers filled in (hours, attendance, status with reasons, the latest test). */
export function ReportFacts({ content: c, headingId }: { content: ReportContent; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="koers-section">
      <Heading level={2} id={headingId}>
        Ingevuld door Koers
      </Heading>
      <DataList>
        <Item label={contentLabels.hoursMade}>{`${formatNumber(c.hoursMade)} uur`}</Item>
        <Item label={contentLabels.attendancePercentage}>{formatPercent(c.attendancePercentage)}</Item>
        <Item label={contentLabels.status}>{statusLabels[c.status]}</Item>
        <Item label={contentLabels.statusReasons}>
          {c.statusReasons.length === 0 ? (
            ''
          ) : (
            <UnorderedList>
              {c.statusReasons.map((r) => (
                <UnorderedListItem key={r}>{r}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Item>
        <Item label={contentLabels.testResults}>{testResultsText(c.testResults)}</Item>
        {c.hoursByKind && Object.keys(c.hoursByKind).length > 0 && (
          <Item label={contentLabels.hoursByKind}>
            {Object.entries(c.hoursByKind)
              .map(([kind, hours]) => `${labelOf(hourKindLabels, kind)}: ${formatNumber(hours)} uur`)
              .join(', ')}
          </Item>
        )}
        {c.examSummary && (
          <Item label={contentLabels.examSummary}>
            {c.examSummary.length === 0 ? 'Nog geen examen' : (
              <UnorderedList>
                {c.examSummary.map((line) => (
                  <UnorderedListItem key={line}>{line}</UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </Item>
        )}
      </DataList>
    </section>
  );
}

function valueText(c: ReportContent, key: ReturnType<typeof editKeysFor>[number]): string {
  if (key === 'goalsReached') return c.goalsReached === null ? '' : c.goalsReached ? 'Ja' : 'Nee';
  if (key === 'expectedExamDate') return formatDate(c.expectedExamDate);
  if (key === 'expectedEndLevel') return c.expectedEndLevel ?? '';
  return c[key] ?? '';
}

export function ReportView({ report, route }: { report: Report; route: string }) {
  const c = report.content;
  return (
    <>
      <ReportFacts content={c} headingId="feiten" />
      <section aria-labelledby="aanbieder-velden" className="koers-section">
        <Heading level={2} id="aanbieder-velden">
          Ingevuld door de aanbieder
        </Heading>
        <DataList className="koers-readonly">
          {editKeysFor(report.kind, route, c).map((key) => (
            <Item key={key} label={contentLabels[key]}>
              {valueText(c, key)}
            </Item>
          ))}
        </DataList>
      </section>
      <section aria-labelledby="eenvoudig" className="koers-section">
        <Heading level={2} id="eenvoudig">
          In eenvoudige taal, voor de inburgeraar
        </Heading>
        {report.status === 'draft' && <Paragraph>De inburgeraar ziet dit pas als de rapportage is ingediend.</Paragraph>}
        <UnorderedList>
          {report.plainDutch.map((sentence) => (
            <UnorderedListItem key={sentence}>{sentence}</UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
    </>
  );
}
