// The export menu (R-EXC-3): two links that download the WHOLE filtered list from the server (not the
// page on screen), in the list's order. Plain links: the browser downloads with the session cookie and
// shows its own progress; the server streams the file.
export function ExportMenu({ href, total }: { href: (format: 'xlsx' | 'csv') => string; total: number | undefined }) {
  return (
    <details className="koers-disclosure">
      <summary>Exporteren</summary>
      <p className="koers-disclosure__hint">
        {total === undefined ? 'De hele lijst met deze zoekopdracht en filters.' : `Alle ${total} ${total === 1 ? 'rij' : 'rijen'} met deze zoekopdracht en filters, niet alleen deze pagina.`} Zonder BSN.
      </p>
      <ul className="koers-disclosure__list">
        <li>
          <a className="utrecht-link" href={href('xlsx')} download>
            Exporteer als Excel (XLSX)
          </a>
        </li>
        <li>
          <a className="utrecht-link" href={href('csv')} download>
            Exporteer als CSV
          </a>
        </li>
      </ul>
    </details>
  );
}

/** The export address of a list: its path with the list's filters and `format`; empty values left out. */
export function exportHref(path: string, params: Record<string, string | undefined>, format: 'xlsx' | 'csv'): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, value);
  search.set('format', format);
  return `/api/v1${path}?${search.toString()}`;
}
