// Issue #15 (R-EXC-4): the "DUO" section of a participant's file — what was delivered to DUO and when, its
// status and DUO's reason for a refusal; what DUO says (duty, term, exams, learnability test, exemptions,
// dispensations, the current PIP) as last fetched, with
// "Vernieuwen" to ask DUO now; in demo mode a form that has the simulated DUO register an exam result.
import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { DELIVERY_STATUS, useDemoExam, useDuoFile, useRefreshDuo, type DemoExamInput, type DuoFile } from '../../api/duo';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { ApiForm } from '../contract/ApiForm';
import { duoEventText } from './duoEvents';
import { routeNameNl } from '../../../domain/route-names';

// DUO's leerroute codes in Koers' own route names (src/domain/route-names.ts): DUO's O does not say mbo or hbo/wo.
const ROUTE: Record<string, string> = { B: routeNameNl('b1'), O: `${routeNameNl('education_mbo')} of ${routeNameNl('education_hbo_wo')}`, Z: routeNameNl('z') };
const PART: Record<string, string> = { KNM: 'Kennis van de Nederlandse Maatschappij', LE: 'Lezen', LU: 'Luisteren', SC: 'Schrijven', SP: 'Spreken' };

interface Duty {
  indicatorInburgeringsplicht?: boolean;
  begindatum?: string;
  einddatum?: string;
  redenGeenInburgeringsplicht?: string;
}
interface Term {
  startdatum?: string;
  einddatum?: string;
}
interface Exam {
  examendatum: string;
  resultaat: string;
  onderdeel: string;
  niveau?: string;
}
interface Lbt {
  resultaat: string;
  behaaldeScore: string;
  benodigdeScore: string;
  datumAfname: string;
}
type Judgement = { oordeel: string; reden?: string; grond?: string; datumOordeel?: string; examenonderdeel?: string };
const JUDGEMENT_KIND: Record<string, string> = {
  GeheleVrijstelling: 'Gehele vrijstelling',
  TijdelijkeVrijstelling: 'Tijdelijke vrijstelling',
  GedeeltelijkeVrijstelling: 'Gedeeltelijke vrijstelling',
  GeheleOntheffing: 'Gehele ontheffing',
  GedeeltelijkeOntheffing: 'Gedeeltelijke ontheffing',
};
interface CurrentPip {
  gemeentecode: string;
  pip: { dagtekeningPip: string; leerroute: string; niveau?: string };
}

type Delivery = DuoFile['deliveries'][number];
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** What a delivery carried, in a few words (DUO's field names in the body). */
function deliveredWhat(d: Delivery): string {
  const b = d.body ?? {};
  const date = (field: string, words: string) => (str(b[field]) ? `${words} ${formatDate(str(b[field]))}` : `${words} ingetrokken`);
  switch (d.api) {
    case 'PIP':
      return [d.pip?.leerroute && ROUTE[d.pip.leerroute], d.pip?.niveau && `niveau ${d.pip.niveau}`, d.pip?.dagtekeningPip && `dagtekening ${formatDate(d.pip.dagtekeningPip)}`].filter(Boolean).join(', ');
    case 'MAP':
      return date('datumEindgesprekMap', 'eindgesprek op');
    case 'PVT':
      return date('datumOndertekeningPvt', 'ondertekend op');
    case 'Zroute':
      return date('datumAfrondingZroute', 'afgerond op');
    case 'UrenTaalles':
    case 'UrenParticipatie':
      return typeof b.uren === 'number' ? `${b.uren} uur in totaal` : '';
    case 'Inburgeringsaanbod':
      return [str(b.datumInburgeringsaanbod) && `ingeschreven op ${formatDate(str(b.datumInburgeringsaanbod))}`, d.provider && `namens ${d.provider}`].filter(Boolean).join(', ');
    case 'PIP_DELETE':
      return '';
  }
}
function judgements(list: Record<string, Judgement | undefined>[] | null | undefined, none: string) {
  const items = (list ?? []).flatMap((v) => Object.entries(v).filter((e): e is [string, Judgement] => e[1] !== undefined));
  if (items.length === 0) return none;
  return (
    <ul>
      {items.map(([kind, j], i) => (
        <li key={`${kind}-${i}`}>
          {JUDGEMENT_KIND[kind] ?? kind}
          {j.examenonderdeel ? ` (${PART[j.examenonderdeel] ?? j.examenonderdeel})` : ''}: {j.oordeel.toLowerCase()}
          {j.datumOordeel ? ` op ${formatDate(j.datumOordeel)}` : ''}
          {j.reden ?? j.grond ? `, reden ${j.reden ?? j.grond}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function DuoSection({ participantId, mayRefresh }: { participantId: string; mayRefresh: boolean }) {
  const file = useDuoFile(participantId);
  const refresh = useRefreshDuo(participantId);
  let body;
  if (file.isPending) body = <Loading what="de gegevens van DUO" />;
  else if (file.isError) body = <LoadError error={file.error} />;
  else body = <DuoBody file={file.data} />;
  return (
    <section aria-labelledby="duo-sectie" className="koers-section">
      <Heading level={2} id="duo-sectie">
        DUO
      </Heading>
      {body}
      {mayRefresh && file.data?.linked && (
        <>
          <Button type="button" appearance="secondary-action-button" busy={refresh.isPending} onClick={() => !refresh.isPending && refresh.mutate()}>
            Vernieuwen
          </Button>
          <div role="status" aria-live="polite">
            {refresh.isError ? <LoadError error={refresh.error} /> : refresh.isSuccess ? (refresh.data.problems.length === 0 ? 'De gegevens van DUO zijn bijgewerkt.' : refresh.data.problems.map((p) => p.reason).join(' ')) : null}
          </div>
        </>
      )}
      {mayRefresh && file.data?.simulator && <DemoExam participantId={participantId} />}
    </section>
  );
}

function DuoBody({ file }: { file: DuoFile }) {
  const fact = <T,>(kind: DuoFile['facts'][number]['kind']) => file.facts.find((f) => f.kind === kind) as { data: T | null; fetchedAt: string } | undefined;
  const duty = fact<Duty>('inburgeringsplicht');
  const term = fact<Term>('inburgeringstermijn');
  const exams = fact<Exam[]>('examenresultaten');
  const lbt = fact<Lbt[]>('leerbaarheidstoets');
  const vrijstellingen = fact<Record<string, Judgement | undefined>[]>('vrijstellingen');
  const ontheffingen = fact<Record<string, Judgement | undefined>[]>('ontheffingen');
  const pip = fact<CurrentPip>('pip');
  return (
    <>
      {!file.linked && <Paragraph>Koers is niet met DUO verbonden: leveringen wachten tot de koppeling er is.</Paragraph>}
      <Heading level={3}>Geleverd aan DUO</Heading>
      {file.deliveries.length === 0 ? (
        <Paragraph>Er is nog niets aan DUO geleverd.</Paragraph>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Bericht</TableHeaderCell>
              <TableHeaderCell scope="col">Aangemaakt</TableHeaderCell>
              <TableHeaderCell scope="col">Verzonden</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {file.deliveries.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  {d.api === 'PIP' ? 'Persoonlijk inburgeringsplan (PIP)' : d.label}
                  {deliveredWhat(d) && <span className="koers-timeline__fact">{deliveredWhat(d)}</span>}
                </TableCell>
                <TableCell>{formatTimestamp(d.createdAt)}</TableCell>
                <TableCell>{d.sentAt ? formatTimestamp(d.sentAt) : '—'}</TableCell>
                <TableCell>
                  {DELIVERY_STATUS[d.status]}
                  {d.reasons.length > 0 && <span className="koers-timeline__fact">{d.status === 'refused' ? 'Reden van DUO: ' : 'Reden: '}{d.reasons.join(' ')}</span>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {file.notifications.length > 0 && (
        <>
          <Heading level={3}>Meldingen van DUO</Heading>
          <ul>
            {file.notifications.map((n, i) => (
              <li key={`${n.eventCode}-${n.receivedAt}-${i}`}>
                {formatTimestamp(n.receivedAt)}: {duoEventText(n.eventCode)} ({n.eventCode})
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={3}>Wat DUO zegt</Heading>
      {file.facts.length === 0 ? (
        <Paragraph>Koers heeft DUO nog niets gevraagd over deze inburgeraar.</Paragraph>
      ) : (
        <dl className="koers-facts">
          <dt>Inburgeringsplicht</dt>
          <dd>{duty === undefined ? 'Niet gevraagd' : duty.data === null ? 'DUO kent geen inburgeringsplicht' : duty.data.indicatorInburgeringsplicht ? `Inburgeringsplichtig sinds ${formatDate(duty.data.begindatum)}` : `Niet inburgeringsplichtig${duty.data.redenGeenInburgeringsplicht ? ` (${duty.data.redenGeenInburgeringsplicht})` : ''}`}</dd>
          <dt>Inburgeringstermijn</dt>
          <dd>{term === undefined ? 'Niet gevraagd' : term.data === null ? 'DUO heeft nog geen termijn vastgesteld' : `Van ${formatDate(term.data.startdatum)} tot ${formatDate(term.data.einddatum)}`}</dd>
          <dt>Examens</dt>
          <dd>
            {exams === undefined ? 'Niet gevraagd' : exams.data === null || exams.data.length === 0 ? 'Geen examenuitslagen bij DUO' : (
              <ul>
                {exams.data.map((e, i) => (
                  <li key={`${e.onderdeel}-${e.examendatum}-${i}`}>
                    {PART[e.onderdeel] ?? e.onderdeel}
                    {e.niveau ? ` (${e.niveau})` : ''}: {e.resultaat.toLowerCase()} op {formatDate(e.examendatum)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Leerbaarheidstoets</dt>
          <dd>
            {lbt === undefined ? 'Niet gevraagd' : lbt.data === null || lbt.data.length === 0 ? 'Geen leerbaarheidstoets bij DUO' : (
              <ul>
                {lbt.data.map((t, i) => (
                  <li key={`${t.datumAfname}-${i}`}>
                    {t.resultaat} op {formatDate(t.datumAfname)} (score {t.behaaldeScore}, nodig {t.benodigdeScore})
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Vrijstellingen</dt>
          <dd>{vrijstellingen === undefined ? 'Niet gevraagd' : judgements(vrijstellingen.data, 'Geen vrijstellingen bij DUO')}</dd>
          <dt>Ontheffingen</dt>
          <dd>{ontheffingen === undefined ? 'Niet gevraagd' : judgements(ontheffingen.data, 'Geen ontheffingen bij DUO')}</dd>
          <dt>Actueel PIP bij DUO</dt>
          <dd>{pip === undefined ? 'Niet gevraagd' : pip.data === null ? 'DUO heeft geen PIP' : `${ROUTE[pip.data.pip.leerroute] ?? pip.data.pip.leerroute}${pip.data.pip.niveau ? `, niveau ${pip.data.pip.niveau}` : ''}, dagtekening ${formatDate(pip.data.pip.dagtekeningPip)} (gemeentecode ${pip.data.gemeentecode})`}</dd>
          <dt>Laatst opgehaald</dt>
          <dd>{formatTimestamp(file.facts.map((f) => f.fetchedAt).sort().at(-1))}</dd>
        </dl>
      )}
    </>
  );
}

function DemoExam({ participantId }: { participantId: string }) {
  const exam = useDemoExam(participantId);
  return (
    <details className="koers-disclosure koers-record-form">
      <summary>Demo: DUO meldt een examenuitslag</summary>
      <Paragraph>In de demo speelt Koers zelf DUO. DUO legt de uitslag vast en stuurt Koers een notificatie (SS199); Koers haalt de uitslag dan bij DUO op.</Paragraph>
      <ApiForm
        id="duo-demo-examen"
        label="Examenuitslag laten melden"
        fields={[
          { name: 'onderdeel', label: 'Examenonderdeel', kind: 'select', options: Object.entries(PART) },
          { name: 'resultaat', label: 'Uitslag', kind: 'select', options: [['Geslaagd', 'Geslaagd'], ['Gezakt', 'Gezakt']] },
          { name: 'niveau', label: 'Niveau', kind: 'select', options: [['A2', 'A2'], ['B1', 'B1'], ['B2', 'B2']] },
        ]}
        initial={{ onderdeel: '', resultaat: '', niveau: '' }}
        submitLabel="Uitslag laten melden"
        savedMessage="DUO heeft de uitslag gemeld."
        onSubmit={(v) => exam.mutateAsync({ onderdeel: v.onderdeel as DemoExamInput['onderdeel'], resultaat: v.resultaat as DemoExamInput['resultaat'], niveau: v.niveau as NonNullable<DemoExamInput['niveau']> })}
      />
    </details>
  );
}
