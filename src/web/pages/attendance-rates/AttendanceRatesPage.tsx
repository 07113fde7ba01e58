// `/aanwezigheid` (issue #4 item 7): who is under the 80% norm in a period, at a glance. For the
// municipality's consultant and the provider's coordinator. Period, filter, sort and page live in the
// address, so the view can be shared and the back button works.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { useAttendanceRates, useRateSummary, type RateListParams, type RateSort } from '../../api/attendanceRates';
import { useToday } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { exportHref } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { Distribution } from './Distribution';
import { PeriodFilter } from './PeriodFilter';
import { presetPeriod, validatePeriod, type Period } from './rates';
import { RateTable } from './RateTable';
import { canSeeAttendanceRates } from '../../lib/permissions';

const TITLE = 'Aanwezigheid';
const PAGE_SIZE = 25;
const SORTS: readonly RateSort[] = ['rate', '-rate', 'name', '-name'];

interface View {
  period: Period;
  belowNorm: boolean;
  sort: RateSort;
  page: number;
}

/** The view in the address; a missing or broken period is this month. */
function readView(search: URLSearchParams, today: string): View {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const given = { from, to };
  const period = isValidIsoDate(from) && isValidIsoDate(to) && Object.keys(validatePeriod(given)).length === 0 ? given : presetPeriod('thisMonth', today);
  const sort = search.get('sort') as RateSort | null;
  const page = Number(search.get('page') ?? '1');
  return {
    period,
    belowNorm: search.get('belowNorm') !== 'false',
    sort: sort !== null && SORTS.includes(sort) ? sort : 'rate',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function AttendanceRatesPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  const today = useToday();
  if (!canSeeAttendanceRates(user)) return <NotAllowed title={TITLE} />;
  if (today.isError) return <LoadError error={today.error} />;
  if (today.data === undefined) return <Loading what={TITLE} />;
  return <RatesView today={today.data} />;
}

function RatesView({ today }: { today: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = readView(searchParams, today);
  const { period, belowNorm, sort, page } = view;
  const params: RateListParams = { ...period, sort, page, pageSize: PAGE_SIZE, ...(belowNorm ? { belowNorm: true } : {}) };
  const list = useAttendanceRates(params);
  // The headline's numbers and the chart come from counts only (no names read, nothing to audit).
  const summary = useRateSummary(period.from, period.to);
  const below = summary.data?.belowNorm;
  const everyone = summary.data?.total;
  // The norm comes from the server (the contract's absenceProtocol.normPercent, R-ATT-3); unknown while loading.
  const normPercent = list.data?.normPercent ?? summary.data?.normPercent;

  const go = (next: Partial<View>) => {
    const merged = { ...view, page: 1, ...next };
    const search: Record<string, string> = { from: merged.period.from, to: merged.period.to, sort: merged.sort, page: String(merged.page) };
    if (!merged.belowNorm) search.belowNorm = 'false';
    setSearchParams(search);
  };

  const periodText = `van ${formatDate(period.from)} tot en met ${formatDate(period.to)}`;
  const caption = `${belowNorm ? `Inburgeraars onder de norm${normPercent !== undefined ? ` van ${normPercent}%` : ''}` : 'Alle inburgeraars'} ${periodText}`;

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        Aanwezigheid per inburgeraar: de aanwezige minuten gedeeld door de aangeboden lesminuten. {normPercent !== undefined && `De norm is ${normPercent}%.`}
        Percentages staan met één decimaal, naar beneden afgerond.
      </Paragraph>
      <PeriodFilter
        period={period}
        today={today}
        belowNorm={belowNorm}
        normPercent={normPercent}
        onPeriod={(p) => go({ period: p })}
        onBelowNorm={(b) => go({ belowNorm: b })}
      />
      <section aria-labelledby="inburgeraars-per-periode" className="koers-section">
        <Heading level={2} id="inburgeraars-per-periode">
          Inburgeraars {periodText}
        </Heading>
        <div aria-live="polite" aria-busy={list.isFetching || summary.isFetching}>
          {list.isPending && <Loading what="Aanwezigheid" />}
          {list.isError && <LoadError error={list.error} />}
          {summary.isError && <LoadError error={summary.error} />}
          {below !== undefined && everyone !== undefined && (
            <Paragraph className="koers-rate-summary">
              <strong>
                {below} van {everyone} inburgeraars {below === 1 ? 'zit' : 'zitten'} onder de {normPercent}%
              </strong>{' '}
              ({periodText}).
            </Paragraph>
          )}
        </div>
        {list.data && list.data.items.length === 0 && (
          <Paragraph>{belowNorm ? 'Niemand zit in deze periode onder de norm.' : 'Er zijn in deze periode geen inburgeraars met lessen.'}</Paragraph>
        )}
        {list.data && list.data.items.length > 0 && (
          <>
            <RateTable
              caption={caption}
              items={list.data.items}
              sort={sort}
              normPercent={list.data.normPercent}
              onSort={(s) => go({ sort: s })}
              page={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onPage={(p) => go({ page: p })}
              // R-EXC-3: the whole filter from the server, every page, in the table's order.
              exportHref={(format) => exportHref('/attendance-rates/export', { ...period, sort, belowNorm: belowNorm ? 'true' : undefined }, format)}
              busy={list.isFetching}
            />
          </>
        )}
      </section>
      <Distribution summary={summary.data} error={summary.error} />
    </>
  );
}
