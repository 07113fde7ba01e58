// A ReportDocument (src/domain/reports/document.ts) on the page: each section a heading with its table
// (a caption, row headers, numbers in Dutch notation) or its text — the same cells as the XLSX and PDF.
import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Difference, ReportDoc } from '../../api/reportInstances';
import { TableScroll } from '../../components/TableScroll';
import { cellText } from './reportLabels';

const anchor = (prefix: string, i: number) => `${prefix}-sectie-${String(i + 1)}`;

export function ReportDocumentView({ doc, prefix, level = 2 }: { doc: ReportDoc; prefix: string; level?: 2 | 3 }) {
  return (
    <>
      {doc.sections.map((section, i) => (
        <section key={`${section.heading}-${String(i)}`} aria-labelledby={anchor(prefix, i)} className="koers-section">
          <Heading level={level} id={anchor(prefix, i)}>
            {section.heading}
          </Heading>
          {section.table && (
            <TableScroll label={section.heading}>
              <Table>
                <caption className="koers-visually-hidden">{section.heading}</caption>
                <TableHeader>
                  <TableRow>
                    {section.table.columns.map((c) => (
                      <TableHeaderCell key={c} scope="col">
                        {c}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {section.table.rows.map((row, r) => (
                    <TableRow key={`${cellText(row[0])}-${String(r)}`}>
                      {row.map((cell, c) =>
                        c === 0 ? (
                          <TableHeaderCell key={c} scope="row">
                            {cellText(cell)}
                          </TableHeaderCell>
                        ) : (
                          <TableCell key={c} className="koers-number">
                            {cellText(cell, section.table?.decimals?.[c], section.table?.percent?.[c])}
                          </TableCell>
                        ),
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          )}
          {section.text !== undefined && <Paragraph className="koers-report-text">{section.text === null || section.text === '' ? 'Niet ingevuld.' : section.text}</Paragraph>}
        </section>
      ))}
      {doc.notes.length > 0 && (
        <section aria-labelledby={`${prefix}-toelichting`} className="koers-section">
          <Heading level={level} id={`${prefix}-toelichting`}>
            Toelichting
          </Heading>
          {doc.notes.map((n) => (
            <Paragraph key={n}>{n}</Paragraph>
          ))}
        </section>
      )}
    </>
  );
}

/** R-MI-6: every cell whose recomputation differs from the submitted value, with both and the difference. */
export function DifferencesTable({ cells }: { cells: readonly Difference[] }) {
  return (
    <TableScroll label="Verschillen">
      <Table>
        <caption>Cijfers die nu anders uitkomen dan bij het indienen</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
            <TableHeaderCell scope="col">Regel</TableHeaderCell>
            <TableHeaderCell scope="col">Kolom</TableHeaderCell>
            <TableHeaderCell scope="col">Ingediend</TableHeaderCell>
            <TableHeaderCell scope="col">Nu</TableHeaderCell>
            <TableHeaderCell scope="col">Verschil</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cells.map((d) => (
            <TableRow key={`${d.section}|${d.row}|${d.column}`}>
              <TableCell>{d.section}</TableCell>
              <TableHeaderCell scope="row">{d.row}</TableHeaderCell>
              <TableCell>{d.column}</TableCell>
              <TableCell className="koers-number">{cellText(d.submitted)}</TableCell>
              <TableCell className="koers-number">{cellText(d.now)}</TableCell>
              <TableCell className="koers-number">{d.difference === null ? '—' : `${d.difference > 0 ? '+' : ''}${cellText(d.difference)}`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
