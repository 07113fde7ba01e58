// R-LVL-1 and R-HRS-4: target and current level per skill (and KNM, MAP, PVT), and the progress tests
// with their results per skill; the coordinator records levels and a new test.
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
import type { Overview } from '../../api/progress';
import { formatDate } from '../../lib/dates';
import { label, levelText, skillLabels, skills } from './labels';
import { LevelsForm } from './LevelsForm';
import { ProgressTestForm } from './ProgressTestForm';
import { ProgressForm } from './formSupport';

/** Changes when a recorded level changes (a test, a scaling decision, this form): the form starts anew. */
const levelsKey = (levels: Overview['levels']) => levels.map((l) => `${l.skill}:${l.target ?? ''}:${l.current ?? ''}`).join('|');

export function LevelsSection({ overview, mayWrite }: { overview: Overview; mayWrite: boolean }) {
  return (
    <section aria-labelledby="niveaus" className="koers-section">
      <Heading level={2} id="niveaus">
        Niveaus per vaardigheid
      </Heading>
      {overview.levels.length === 0 ? (
        <Paragraph>Er zijn nog geen niveaus vastgelegd.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="koers-visually-hidden">Doelniveau en huidig niveau per vaardigheid</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Vaardigheid</TableHeaderCell>
              <TableHeaderCell scope="col">Doelniveau</TableHeaderCell>
              <TableHeaderCell scope="col">Huidig niveau</TableHeaderCell>
              <TableHeaderCell scope="col">Vastgelegd op</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.levels.map((l) => (
              <TableRow key={l.skill}>
                <TableHeaderCell scope="row">{label(skillLabels, l.skill)}</TableHeaderCell>
                <TableCell>{l.target ?? 'Geen'}</TableCell>
                <TableCell>{levelText(l.current)}</TableCell>
                <TableCell>{formatDate(l.recordedOn)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mayWrite && (
        <ProgressForm label="Niveaus registreren">
          <LevelsForm key={levelsKey(overview.levels)} overview={overview} />
        </ProgressForm>
      )}
      <Heading level={3} id="toetsen">
        Voortgangstoetsen
      </Heading>
      {overview.tests.length === 0 ? (
        <Paragraph>Er is nog geen voortgangstoets vastgelegd.</Paragraph>
      ) : (
        <Table aria-labelledby="toetsen">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Datum</TableHeaderCell>
              <TableHeaderCell scope="col">Mijlpaal</TableHeaderCell>
              {skills.map((s) => (
                <TableHeaderCell key={s} scope="col">
                  {skillLabels[s]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.tests.map((t) => (
              <TableRow key={t.id}>
                <TableHeaderCell scope="row">{formatDate(t.takenOn)}</TableHeaderCell>
                <TableCell>{t.milestoneHours === null ? 'Geen' : `${t.milestoneHours} uur`}</TableCell>
                {skills.map((s) => (
                  <TableCell key={s}>{t.results[s] ?? 'Niet getoetst'}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mayWrite && (
        <ProgressForm label="Toets registreren">
          <ProgressTestForm overview={overview} />
        </ProgressForm>
      )}
    </section>
  );
}
