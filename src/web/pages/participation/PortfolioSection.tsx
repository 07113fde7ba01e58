// The portfolio on the participant's Deelname page (issue #12, R-MAP-3): the completeness of the 001
// Bijlage 3 part ("Nog niet compleet: …"), the items with their files, the link to the whole portfolio
// as one PDF (the hand-over to the municipality at the end conversation), and for the participation or
// MAP provider the forms to add an item, a file and to fill in Bijlage 3. A Z-route portfolio has no
// Bijlage 3 part and so no completeness (src/domain/portfolio.ts).
import { Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { portfolioDownloads, usePortfolioAnnex, usePortfolioItems, type PortfolioAnnex, type PortfolioItem } from '../../api/portfolio';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatTimestampDate } from '../../lib/dates';
import { ProgressForm } from '../progress/formSupport';
import { AnnexForm } from './AnnexForm';
import { mapThemeLabels } from './labels';
import { PortfolioFileForm } from './PortfolioFileForm';
import { PortfolioItemForm } from './PortfolioItemForm';
import { itemKindLabels } from './portfolioLabels';

interface Props {
  participantId: string;
  referralId: string;
  /** The provider of this participation or MAP referral: it writes (the server decides; this shows the forms). */
  mayWrite: boolean;
  providerName: string;
}

export function PortfolioSection({ participantId, referralId, mayWrite, providerName }: Props) {
  const annex = usePortfolioAnnex(participantId);
  const items = usePortfolioItems(participantId);
  const own = (items.data?.items ?? []).filter((i) => i.providerName === providerName);
  return (
    <section aria-labelledby="portfolio" className="koers-section">
      <Heading level={2} id="portfolio">
        Portfolio
      </Heading>
      {annex.isPending ? <Loading what="Portfolio" /> : annex.isError ? <LoadError error={annex.error} /> : <Completeness annex={annex.data} />}
      <Paragraph>
        <Link href={portfolioDownloads.pdf(participantId)}>Portfolio als PDF</Link> — voor de overdracht aan de gemeente bij het eindgesprek.
      </Paragraph>
      <Heading level={3}>Bewijsstukken, reflecties en opdrachten</Heading>
      {items.isPending ? <Loading what="Onderdelen" /> : items.isError ? <LoadError error={items.error} /> : <Items items={items.data.items} />}
      {mayWrite && (
        <ProgressForm label="Onderdeel toevoegen">
          <PortfolioItemForm participantId={participantId} referralId={referralId} />
        </ProgressForm>
      )}
      {mayWrite && own.length > 0 && (
        <ProgressForm label="Bestand toevoegen">
          <PortfolioFileForm items={own} />
        </ProgressForm>
      )}
      {mayWrite && annex.data?.kind === 'annex' && annex.data.writeReferralId !== null && (
        <ProgressForm label="Bijlage 3 invullen">
          {/* Keyed by version: after a save the form starts from what was stored. */}
          <AnnexForm key={annex.data.version} participantId={participantId} referralId={annex.data.writeReferralId} annex={annex.data} />
        </ProgressForm>
      )}
    </section>
  );
}

function Completeness({ annex }: { annex: PortfolioAnnex }) {
  const c = annex.completeness;
  if (annex.kind !== 'annex' || c === null) {
    return <Paragraph>Dit portfolio hoort bij de Z-route: het bestaat uit bewijsstukken, reflecties en opdrachten. Bijlage 3 hoort er niet bij.</Paragraph>;
  }
  const saved = annex.recordedAt === null ? 'Bijlage 3 is nog niet ingevuld.' : `Bijlage 3, versie ${annex.version}, opgeslagen door ${annex.recordedBy ?? 'onbekend'} op ${formatTimestampDate(annex.recordedAt)}.`;
  return (
    <>
      <Paragraph>
        <strong>{c.complete ? 'Bijlage 3 is compleet.' : 'Bijlage 3 is nog niet compleet.'}</strong> {saved}
      </Paragraph>
      {!c.complete && (
        <>
          <Paragraph id="portfolio-ontbreekt">Nog niet compleet:</Paragraph>
          <ul aria-labelledby="portfolio-ontbreekt">
            {c.missing.map((m) => (
              <li key={m.label}>{m.label}</li>
            ))}
          </ul>
        </>
      )}
      {annex.recordedAt !== null && <AnnexView annex={annex} />}
    </>
  );
}

function AnnexView({ annex }: { annex: PortfolioAnnex }) {
  const themes = Object.entries(annex.content.themes) as [keyof PortfolioAnnex['content']['themes'], { learned: string | null; practised: string | null }][];
  return (
    <div className="koers-table-scroll" role="group" aria-label="Bijlage 3 per MAP-onderdeel" tabIndex={0}>
      <Table>
        <TableCaption>Bijlage 3 per MAP-onderdeel</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">MAP-onderdeel</TableHeaderCell>
            <TableHeaderCell scope="col">Wat geleerd</TableHeaderCell>
            <TableHeaderCell scope="col">In praktijk gebracht, met welke leerdoelen</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {themes.map(([t, v]) => (
            <TableRow key={t}>
              <TableHeaderCell scope="row">{mapThemeLabels[t] ?? t}</TableHeaderCell>
              <TableCell>{v.learned ?? '—'}</TableCell>
              <TableCell>{v.practised ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Items({ items }: { items: readonly PortfolioItem[] }) {
  if (items.length === 0) return <Paragraph>Nog geen onderdelen toegevoegd.</Paragraph>;
  return (
    <div className="koers-table-scroll" role="group" aria-label="Portfolio-onderdelen" tabIndex={0}>
      <Table>
        <TableCaption className="koers-visually-hidden">Portfolio-onderdelen</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Titel</TableHeaderCell>
            <TableHeaderCell scope="col">MAP-onderdeel</TableHeaderCell>
            <TableHeaderCell scope="col">Bestanden</TableHeaderCell>
            <TableHeaderCell scope="col">Toegevoegd door</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.id}>
              <TableHeaderCell scope="row">{itemKindLabels[i.kind] ?? i.kind}</TableHeaderCell>
              <TableCell>
                {i.title}
                {i.body !== null && <> — {i.body}</>}
              </TableCell>
              <TableCell>{i.theme === null ? '—' : (mapThemeLabels[i.theme] ?? i.theme)}</TableCell>
              <TableCell>
                {i.files.length === 0
                  ? '—'
                  : i.files.map((f, n) => (
                      <span key={f.id}>
                        {n > 0 && ', '}
                        <Link href={portfolioDownloads.file(f.id)}>{f.fileName}</Link>
                      </span>
                    ))}
              </TableCell>
              <TableCell>
                {i.recordedBy}, {i.providerName}, {formatTimestampDate(i.recordedAt)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
