// Issue #13, R-MI-1: the quarterly management information of 001 Bijlage 5 per municipality × product with
// the three quarters before it, for the consultant (its municipality), the provider's coordinator (its own
// referrals), the contract manager and the policy officer (counts suppressed, R-MI-6). Contract, quarter
// and municipality live in the address (?contract=…&kwartaal=…&gemeente=…); every cell downloads as XLSX and PDF.
import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { quarterOf, recentQuarters, useQuarterlyMi, useReportContracts, type ReportContract } from '../../../api/managementInfo';
import { useToday } from '../../../api/queries';
import { SelectField } from '../../../components/fields';
import { LoadError, Loading } from '../../../components/QueryStatus';
import { TableScroll } from '../../../components/TableScroll';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { miText, rowsFor } from './miRows';

const TITLE = 'Managementinformatie';

export function exportHref(contractId: string, quarter: string, format: 'xlsx' | 'pdf'): string {
  return `/api/v1/reports/quarterly-mi/export?${new URLSearchParams({ contractId, quarter, format }).toString()}`;
}

/** The contract and quarter choosers, in the address; shared with the dashboard. */
export function useContractAndQuarter(contracts: readonly ReportContract[] | undefined, today: string | undefined) {
  const [params, setParams] = useSearchParams();
  const contract = contracts?.find((c) => c.id === params.get('contract')) ?? contracts?.[0];
  // The last complete quarter by default: the one a report is due for.
  const current = today === undefined ? undefined : quarterOf(today);
  const options = current === undefined ? [] : recentQuarters(current, 9);
  const chosen = params.get('kwartaal');
  const quarter = chosen !== null && options.includes(chosen) ? chosen : (options[1] ?? options[0] ?? '');
  const set = (key: 'contract' | 'kwartaal', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  return { contract, quarter, options, set };
}

export function Choosers({ contracts, contract, quarter, options, set }: { contracts: readonly ReportContract[] } & ReturnType<typeof useContractAndQuarter>) {
  return (
    <form className="koers-inline-form" aria-label="Contract en kwartaal kiezen" onSubmit={(event) => event.preventDefault()}>
      {contracts.length > 1 && (
        <SelectField name="contract" label="Contract" options={contracts.map((c) => [c.id, c.name] as const)} value={contract?.id ?? ''} onChange={(event) => set('contract', event.target.value)} />
      )}
      <SelectField name="kwartaal" label="Kwartaal" options={options.map((q) => [q, q] as const)} value={quarter} onChange={(event) => set('kwartaal', event.target.value)} />
    </form>
  );
}

const ALL = 'alle';
const REGION = 'regio';

/**
 * The municipality chooser's options: every municipality with cells, the region's sums where the reader
 * gets them, and all at once. A region has up to 28 tables of 60 rows: shown one municipality (or the
 * region) at a time they can be read; the downloads always hold all of them.
 */
function placeOptions(places: readonly string[], nameOf: (code: string) => string): [string, string][] {
  const unique = [...new Set(places)];
  const municipalities = unique.filter((p) => p !== REGION).map((p): [string, string] => [p, nameOf(p)]);
  return [...(unique.includes(REGION) ? [[REGION, 'Regio (som van de gemeenten)'] as [string, string]] : []), ...municipalities, [ALL, 'Alle gemeenten']];
}

/** The region's sums first for the contract manager and the policy officer, else the first municipality. */
const defaultPlace = (options: readonly [string, string][]): string => options[0]?.[0] ?? ALL;

export function ManagementInfoPage() {
  useDocumentTitle(TITLE);
  const contracts = useReportContracts();
  const today = useToday();
  const choice = useContractAndQuarter(contracts.data, today.data);
  const mi = useQuarterlyMi(choice.contract?.id, choice.quarter);
  const [params, setParams] = useSearchParams();
  const setPlace = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('gemeente', value);
    setParams(next, { replace: true });
  };

  let body;
  if (contracts.isPending || today.isPending) body = <Loading what="Contracten" />;
  else if (contracts.isError) body = <LoadError error={contracts.error} />;
  else if (choice.contract === undefined) body = <Paragraph>Er is geen contract waarvan u de managementinformatie kunt zien.</Paragraph>;
  else if (mi.isPending) body = <Loading what="Managementinformatie" />;
  else if (mi.isError) body = <LoadError error={mi.error} />;
  else {
    const c = choice.contract;
    const nameOf = (list: readonly { code: string; name: string }[], code: string) => list.find((x) => x.code === code)?.name ?? code;
    const aggregate = mi.data.audience === 'aggregate';
    const all = [
      ...mi.data.cells.map((cell) => ({ key: `${cell.municipality}/${cell.product}`, place: cell.municipality, heading: `${nameOf(c.municipalities, cell.municipality)} — ${nameOf(c.products, cell.product)}`, quarters: cell.quarters })),
      ...(mi.data.regionTotals ?? []).map((t) => ({ key: `regio/${t.product}`, place: REGION, heading: `Regio, som van de gemeenten — ${nameOf(c.products, t.product)}`, quarters: t.quarters })),
    ];
    const places = placeOptions(all.map((x) => x.place), (code) => nameOf(c.municipalities, code));
    const place = places.some(([code]) => code === params.get('gemeente')) ? (params.get('gemeente') ?? ALL) : defaultPlace(places);
    const sections = place === ALL ? all : all.filter((x) => x.place === place);
    body = (
      <>
        <Choosers contracts={contracts.data} {...choice} />
        {places.length > 2 && (
          <form className="koers-inline-form" aria-label="Gemeente kiezen" onSubmit={(event) => event.preventDefault()}>
            <SelectField name="gemeente" label="Gemeente" options={places} value={place} onChange={(event) => setPlace(event.target.value)} />
          </form>
        )}
        <Paragraph>
          {mi.data.quarter} en de {mi.data.quarters.length - 1} kwartalen ervoor, berekend uit de registratie.
          {aggregate &&
            ' Alleen aantallen. Een aantal van 1 tot en met 4 wordt niet getoond, en soms ook een groter aantal, zodat een klein aantal niet uit de andere aantallen en de totalen is af te leiden. Het regiototaal is de som van de gemeenten.'}
        </Paragraph>
        <Paragraph>De downloads bevatten alle gemeenten en producten.</Paragraph>
        <ul className="koers-download-links" aria-label="Downloaden">
          <li>
            <a className="utrecht-link" href={exportHref(c.id, mi.data.quarter, 'xlsx')} download>
              Download als Excel (XLSX)
            </a>
          </li>
          <li>
            <a className="utrecht-link" href={exportHref(c.id, mi.data.quarter, 'pdf')} download>
              Download als PDF
            </a>
          </li>
        </ul>
        {sections.map((s, i) => (
          <section key={s.key} aria-labelledby={`mi-${String(i)}`} className="koers-section">
            <Heading level={2} id={`mi-${String(i)}`}>
              {s.heading}
            </Heading>
            <TableScroll label={s.heading}>
              <Table>
                <caption className="koers-visually-hidden">{s.heading}</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
                    {mi.data.quarters.map((q) => (
                      <TableHeaderCell key={q} scope="col">
                        {q}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rowsFor(s.quarters).map((r) => (
                    <TableRow key={r.path}>
                      <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
                      {s.quarters.map((f) => (
                        <TableCell key={f.quarter} className="koers-number">
                          {miText(f, r.path)}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          </section>
        ))}
      </>
    );
  }

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>De kwartaalmanagementinformatie van het contract (001 bijlage 5), per gemeente en product.</Paragraph>
      {body}
    </>
  );
}
