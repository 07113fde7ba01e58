// Issue #13: the dashboard of the contract manager and the policy officer (their home, above the
// Overzicht of FiguresHome): the quarter to look at (in the address, with the contract), KPIs 1–4 against
// their targets with the trend over four quarters (R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4), the reports due, submitted and late
// (R-MI-6) and deadline compliance per provider (R-CM-2). Every chart has its table; a panel whose data
// does not come shows "nog geen gegevens" — never made-up numbers. Counts are suppressed on the server.
import { lazy, Suspense } from 'react';
import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useDeadlineCompliance, useKpis, useReportContracts, type Compliance, type Kpi } from '../../api/managementInfo';
import { useToday } from '../../api/queries';
import { useReportInstances } from '../../api/reportInstances';
import { Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { TableScroll } from '../../components/TableScroll';
import { Choosers, useContractAndQuarter } from '../reports/mi/ManagementInfoPage';

const TrendChart = lazy(() => import('./TrendChart'));
const ComplianceChart = lazy(() => import('./ComplianceChart'));

const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('nl-NL')}%`);
const count = (v: number | null) => (v === null ? 'niet getoond' : v.toLocaleString('nl-NL'));
const NO_DATA = 'Nog geen gegevens.';

function KpiTable({ kpi }: { kpi: Kpi }) {
  return (
    <TableScroll label={`${kpi.label} per kwartaal`}>
      <Table>
        <caption className="koers-visually-hidden">{`${kpi.label} per kwartaal`}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Kwartaal</TableHeaderCell>
            <TableHeaderCell scope="col">Teller</TableHeaderCell>
            <TableHeaderCell scope="col">Noemer</TableHeaderCell>
            <TableHeaderCell scope="col">Behaald</TableHeaderCell>
            <TableHeaderCell scope="col">Doel</TableHeaderCell>
            <TableHeaderCell scope="col">Doel gehaald</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {kpi.values.map((v) => (
            <TableRow key={v.quarter}>
              <TableHeaderCell scope="row">{v.quarter}</TableHeaderCell>
              <TableCell className="koers-number">{count(v.numerator)}</TableCell>
              <TableCell className="koers-number">{count(v.denominator)}</TableCell>
              <TableCell className="koers-number">{pct(v.share)}</TableCell>
              <TableCell className="koers-number">{pct(v.target)}</TableCell>
              <TableCell>{v.meetsTarget === null ? '—' : v.meetsTarget ? 'ja' : 'nee'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function KpiPanel({ contractId, quarter }: { contractId: string; quarter: string }) {
  const kpis = useKpis(contractId, quarter);
  let body;
  if (kpis.isPending) body = <Loading what="KPI's" />;
  else if (kpis.isError || kpis.data.kpis.length === 0) body = <Paragraph>{NO_DATA}</Paragraph>;
  else
    body = kpis.data.kpis.map((kpi) => {
      const last = kpi.values.at(-1);
      const id = `kpi-${kpi.kpi}-${kpi.route}`;
      return (
        <section key={id} aria-labelledby={id} className="koers-section">
          <Heading level={3} id={id}>
            {kpi.label}
          </Heading>
          <Paragraph>
            {quarter}: {pct(last?.share ?? null)}
            {last?.target !== null && last?.target !== undefined ? `, doel ${pct(last.target)}` : ', geen doel in het contract'}
            {kpi.notRegistered !== null ? `. ${kpi.notRegistered}` : ''}
          </Paragraph>
          <div aria-hidden="true">
            <Suspense fallback={null}>
              <TrendChart points={kpi.values.map((v) => ({ quarter: v.quarter, share: v.share, target: v.target }))} />
            </Suspense>
          </div>
          <details className="koers-more">
            <summary>{`${kpi.label} als tabel`}</summary>
            <KpiTable kpi={kpi} />
          </details>
        </section>
      );
    });
  return (
    <section aria-labelledby="dashboard-kpis" className="koers-section">
      <Heading level={2} id="dashboard-kpis">
        KPI's en hun verloop
      </Heading>
      {body}
    </section>
  );
}

function ReportsPanel({ contractId, quarter }: { contractId: string; quarter: string }) {
  const due = useReportInstances({ contractId, period: quarter, status: 'due', sort: 'dueOn', page: 1, pageSize: 1 });
  const late = useReportInstances({ contractId, period: quarter, status: 'late', sort: 'dueOn', page: 1, pageSize: 1 });
  const submitted = useReportInstances({ contractId, period: quarter, status: 'submitted', sort: 'dueOn', page: 1, pageSize: 1 });
  const submittedLate = useReportInstances({ contractId, period: quarter, status: 'submittedLate', sort: 'dueOn', page: 1, pageSize: 1 });
  const all = [due, late, submitted, submittedLate];
  let body;
  if (all.some((q) => q.isPending)) body = <Loading what="Rapportages" />;
  else if (all.some((q) => q.isError)) body = <Paragraph>{NO_DATA}</Paragraph>;
  else {
    const n = (q: (typeof all)[number]) => q.data?.total ?? 0;
    body = (
      <>
        <ul>
          <li>Nog in te dienen: {n(due)}</li>
          <li>Ingediend: {n(submitted)}</li>
          <li>Te laat: {n(late) + n(submittedLate)} (waarvan te laat ingediend: {n(submittedLate)})</li>
        </ul>
        <Paragraph>
          <RouterLink to={`/rapportages?periode=${encodeURIComponent(quarter)}`}>Naar de rapportages van {quarter}</RouterLink>
        </Paragraph>
      </>
    );
  }
  return (
    <section aria-labelledby="dashboard-reports" className="koers-section">
      <Heading level={2} id="dashboard-reports">
        Rapportages over {quarter}
      </Heading>
      {body}
    </section>
  );
}

/** All terms together, from shown counts only: a suppressed count leaves the provider without a share. */
function overallShare(row: Compliance['rows'][number]): number | null {
  let num = 0;
  let den = 0;
  for (const f of row.figures) {
    if (f.numerator === null || f.denominator === null) return null;
    num += f.numerator;
    den += f.denominator;
  }
  return den === 0 ? null : num / den;
}

function CompliancePanel({ contractId, quarter }: { contractId: string; quarter: string }) {
  const compliance = useDeadlineCompliance(contractId, quarter);
  let body;
  if (compliance.isPending) body = <Loading what="Termijnen" />;
  else if (compliance.isError || compliance.data.rows.length === 0) body = <Paragraph>{NO_DATA}</Paragraph>;
  else {
    const rows = compliance.data.rows;
    const labels = rows[0]?.figures.map((f) => f.label) ?? [];
    body = (
      <>
        <div aria-hidden="true">
          <Suspense fallback={null}>
            <ComplianceChart bars={rows.map((r) => ({ name: r.name, share: overallShare(r) }))} />
          </Suspense>
        </div>
        <details className="koers-more">
          <summary>Termijnen per aanbieder als tabel</summary>
          <TableScroll label="Termijnen per aanbieder">
            <Table>
              <caption className="koers-visually-hidden">Termijnen per aanbieder: op tijd van beoordeeld</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                  {labels.map((l) => (
                    <TableHeaderCell key={l} scope="col">
                      {l}
                    </TableHeaderCell>
                  ))}
                  <TableHeaderCell scope="col">Alle termijnen</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.provider}>
                    <TableHeaderCell scope="row">{r.name}</TableHeaderCell>
                    {r.figures.map((f) => (
                      <TableCell key={f.deadline} className="koers-number">
                        {`${count(f.numerator)} van ${count(f.denominator)} (${pct(f.share)})`}
                      </TableCell>
                    ))}
                    <TableCell className="koers-number">{pct(overallShare(r))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </details>
      </>
    );
  }
  return (
    <section aria-labelledby="dashboard-compliance" className="koers-section">
      <Heading level={2} id="dashboard-compliance">
        Termijnen per aanbieder in {quarter}
      </Heading>
      <Paragraph>Het deel van de stappen dat op tijd is gedaan: ontvangst bevestigen, intake, leerplan, rapportages en facturen (R-CM-2).</Paragraph>
      {body}
    </section>
  );
}

export function Dashboard() {
  const contracts = useReportContracts();
  const today = useToday();
  const choice = useContractAndQuarter(contracts.data, today.data);
  if (contracts.isPending || today.isPending) return <Loading what="Dashboard" />;
  if (contracts.isError || choice.contract === undefined) return <Paragraph>{NO_DATA}</Paragraph>;
  const contractId = choice.contract.id;
  return (
    <>
      <Choosers contracts={contracts.data} {...choice} />
      <KpiPanel contractId={contractId} quarter={choice.quarter} />
      <ReportsPanel contractId={contractId} quarter={choice.quarter} />
      <CompliancePanel contractId={contractId} quarter={choice.quarter} />
      <Paragraph>
        <RouterLink to={`/managementinformatie?contract=${encodeURIComponent(contractId)}&kwartaal=${encodeURIComponent(choice.quarter)}`}>
          Managementinformatie van {choice.quarter}
        </RouterLink>
      </Paragraph>
    </>
  );
}
