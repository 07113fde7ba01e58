// CSV export of the current filter, all pages: read one page of 100 after the other (progress "x van y"),
// build the file in the browser and offer it through a Blob link. Names and numbers only, no BSN.
import { useEffect, useRef, useState } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { fetchAllRates, type RateSort } from '../../api/attendanceRates';
import { describeError } from '../../components/QueryStatus';
import { csvFileName, downloadText, toCsv, type Period } from './rates';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; pages: number }
  | { kind: 'done'; rows: number; fileName: string }
  | { kind: 'failed'; message: string };

export function ExportCsv({ period, belowNorm, sort, disabled }: { period: Period; belowNorm: boolean; sort: RateSort; disabled: boolean }) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', done: 0, pages: 0 });
    try {
      const params = { ...period, sort, ...(belowNorm ? { belowNorm: true } : {}) };
      const { items } = await fetchAllRates(params, (done, pages) => setState({ kind: 'running', done, pages }), controller.signal);
      const fileName = csvFileName(period, belowNorm);
      downloadText(toCsv(items), fileName);
      setState({ kind: 'done', rows: items.length, fileName });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: 'failed', message: `Exporteren is mislukt: ${describeError(error)}` });
    }
  };

  const running = state.kind === 'running';
  return (
    <section aria-labelledby="exporteren" className="koers-section">
      <Heading level={2} id="exporteren">
        Exporteren
      </Heading>
      <Paragraph>
        Een CSV-bestand (puntkomma gescheiden) van alle inburgeraars in deze selectie, in de gekozen volgorde, alle pagina’s. Zonder
        BSN.
      </Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" busy={running} disabled={disabled || running} onClick={() => void start()}>
          Exporteer als CSV
        </Button>
      </ButtonGroup>
      <div role="status" aria-live="polite" className="koers-live">
        {running && (
          <Paragraph>
            {state.pages === 0 ? 'Export wordt voorbereid…' : `Pagina ${state.done} van ${state.pages} opgehaald…`}
          </Paragraph>
        )}
        {state.kind === 'done' && (
          <Paragraph>
            Export klaar: {state.rows === 1 ? '1 inburgeraar' : `${state.rows} inburgeraars`} in {state.fileName}.
          </Paragraph>
        )}
      </div>
      {state.kind === 'failed' && (
        <Paragraph role="alert" className="koers-overdue">
          {state.message}
        </Paragraph>
      )}
    </section>
  );
}
