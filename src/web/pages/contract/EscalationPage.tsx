// `/contract/escalatie` (issue #14, R-ESC-2, 000 §5): the contract-level ladder per provider of a
// contract — the steps taken with their decision and grounds, Koers' proposal with the patterns that
// triggered it (never one participant: the patterns are suppressed aggregates over a minimum of cases),
// and the contract manager's forms to open the next step or close the case with grounds.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { useEscalations, type EscalationProvider, type Escalations, type Pattern } from '../../api/contract';
import { useRegister } from '../../api/quality';
import { useSystemDate } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { exportHref, SearchBox } from '../../components/DataTable';
import { ExportMenu } from '../../components/DataTable/ExportMenu';
import { SelectField, TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { CloseCaseForm, OpenStepForm } from './LadderForms';
import { PATTERN_KINDS, previousQuarter, QUARTER_PATTERN } from './contractLabels';

const TITLE = 'Escalatie op contractniveau';

export function EscalationPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'meeting.manage')) return <NotAllowed title={TITLE} />;
  return <Escalation />;
}

function Escalation() {
  const [search, setSearch] = useSearchParams();
  const today = useSystemDate().data?.today ?? '';
  const register = useRegister({ page: 1, pageSize: 500 });
  const contracts = [...new Map((register.data?.items ?? []).map((r) => [r.contractId, r.contractName])).entries()];
  const contractId = search.get('contract') ?? contracts[0]?.[0] ?? '';
  const asked = search.get('kwartaal') ?? '';
  const quarter = QUARTER_PATTERN.test(asked) ? asked : today === '' ? '' : previousQuarter(today);
  const q = search.get('q') ?? '';
  const overview = useEscalations(contractId, quarter, q);
  const put = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(name, value);
    setSearch(next, { replace: true });
  };

  let body;
  if (contractId === '' || quarter === '' || overview.isPending) body = <Loading what="Escalaties" />;
  else if (overview.isError) body = <LoadError error={overview.error} />;
  else
    body = (
      <>
        {/* R-EXC-3: the providers found, searched and sorted on the server, as CSV or XLSX. */}
        <ExportMenu href={(format) => exportHref('/escalations/export', { contractId, quarter, q: q === '' ? undefined : q }, format)} total={overview.data.total} />
        {overview.data.total === 0 && <Paragraph>Geen aanbieder gevonden voor “{q}”.</Paragraph>}
        <Ladder overview={overview.data} />
      </>
    );

  return (
    <>
      <Paragraph>
        <RouterLink to="/contract">Terug naar Contract</RouterLink>
      </Paragraph>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        Per aanbieder de treden van de escalatieladder: geïntensiveerde gesprekken met verbeterafspraken, een formele waarschuwing met verbeterplan, juridische stappen. Koers stelt een stap voor uit
        patronen in de cijfers over het kwartaal, nooit uit één inburgeraar; u besluit en legt de onderbouwing vast.
      </Paragraph>
      <form className="koers-inline-form" aria-label="Contract en kwartaal kiezen" onSubmit={(event) => event.preventDefault()}>
        <SelectField name="contract" label="Contract" options={contracts} value={contractId} onChange={(event) => put('contract', event.target.value)} />
        <TextField
          key={quarter}
          name="kwartaal"
          label="Kwartaal"
          description="Zoals 2026-Q3; Enter om te kiezen."
          defaultValue={quarter}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && QUARTER_PATTERN.test(event.currentTarget.value)) put('kwartaal', event.currentTarget.value);
          }}
        />
      </form>
      <SearchBox key={q} listLabel={TITLE} label="Zoek op aanbieder" initial={q} onSearch={(value) => put('q', value)} />
      {body}
    </>
  );
}

function Patterns({ patterns }: { patterns: readonly Pattern[] }) {
  return (
    <UnorderedList>
      {patterns.map((p) => (
        <UnorderedListItem key={`${p.kind}:${p.route ?? ''}:${p.detail}`}>
          <strong>{PATTERN_KINDS[p.kind]}</strong> ({p.quarters.join(', ')}): {p.detail}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function Ladder({ overview }: { overview: Escalations }) {
  return (
    <>
      {overview.patternsWithoutFacts.map((p) => (
        <Paragraph key={p.kind}>{p.reason}</Paragraph>
      ))}
      {overview.providers.map((p) => (
        <ProviderLadder key={p.provider} overview={overview} provider={p} />
      ))}
    </>
  );
}

function ProviderLadder({ overview, provider }: { overview: Escalations; provider: EscalationProvider }) {
  const headingId = `ladder-${provider.provider}`;
  const open = provider.caseId !== null && provider.closedOn === null;
  return (
    <section aria-labelledby={headingId} className="koers-section">
      <Heading level={2} id={headingId}>
        {provider.name}
      </Heading>
      {provider.steps.length === 0 ? (
        <Paragraph>{provider.closedOn === null ? 'Geen escalatie.' : `De vorige escalatie is gesloten op ${formatDate(provider.closedOn)}.`}</Paragraph>
      ) : (
        <>
          <Heading level={3}>Genomen stappen{provider.closedOn === null ? '' : ` (gesloten op ${formatDate(provider.closedOn)})`}</Heading>
          <UnorderedList>
            {provider.steps.map((s) => (
              <UnorderedListItem key={s.position}>
                <strong>
                  {s.position}. {s.name}
                </strong>{' '}
                — besloten op {formatDate(s.decidedOn)}
                {s.termUntil === null ? '' : `, termijn tot ${formatDate(s.termUntil)}`}. Besluit: {s.decision} Onderbouwing: {s.grounds}
                {s.patterns.length > 0 && <Patterns patterns={s.patterns} />}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      <Heading level={3}>Voorstel van Koers</Heading>
      {provider.proposal === null ? (
        <Paragraph>Koers stelt voor {overview.quarter} geen stap voor: geen patroon in de cijfers.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Koers stelt voor: <strong>{provider.proposal.name}</strong>, om deze patronen in {overview.quarter}:
          </Paragraph>
          <Patterns patterns={provider.proposal.patterns} />
        </>
      )}
      {provider.nextStep !== null && <OpenStepForm overview={overview} provider={provider} step={provider.nextStep} />}
      {open && provider.caseId !== null && <CloseCaseForm caseId={provider.caseId} providerName={provider.name} />}
    </section>
  );
}
