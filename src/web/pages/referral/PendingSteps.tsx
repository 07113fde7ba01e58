// "Wat moet er gebeuren": the steps owed now, who must take them and by when (R-REF-2, R-SIG-1).
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
import type { PendingStep } from '../../api/lifecycleTypes';
import type { Urgency } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { partyLabels, stepLabel } from '../../lib/labels';

/** A due date with its urgency in words; overdue is also marked by an icon and weight, never by colour alone. */
export function DueDate({ dueDate, urgency }: { dueDate: string; urgency: Urgency | undefined }) {
  if (urgency === 'overdue') {
    return (
      <strong className="koers-overdue">
        <span aria-hidden="true">⚠ </span>
        {formatDate(dueDate)} (te laat)
      </strong>
    );
  }
  return (
    <>
      {formatDate(dueDate)}
      {urgency === 'thisWeek' ? ' (deze week)' : ''}
    </>
  );
}

export function PendingSteps({ steps }: { steps: PendingStep[] }) {
  const sorted = [...steps].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <section aria-labelledby="wat-moet-er-gebeuren" className="koers-section koers-box">
      <Heading level={2} id="wat-moet-er-gebeuren">
        Wat moet er gebeuren
      </Heading>
      {sorted.length === 0 ? (
        <Paragraph>Er staat geen stap open.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="koers-visually-hidden">Openstaande stappen, vroegste eerst</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Stap</TableHeaderCell>
              <TableHeaderCell scope="col">Wie moet handelen</TableHeaderCell>
              <TableHeaderCell scope="col">Uiterlijk</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((step) => (
              <TableRow
                key={`${step.step}-${step.party}-${step.dueDate}`}
                className={step.urgency === 'overdue' ? 'koers-row--overdue' : undefined}
              >
                <TableCell>{stepLabel(step.step)}</TableCell>
                <TableCell>{partyLabels[step.party]}</TableCell>
                <TableCell>
                  <DueDate dueDate={step.dueDate} urgency={step.urgency} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
