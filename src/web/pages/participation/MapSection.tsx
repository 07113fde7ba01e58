// R-MAP-1 (001 §3): the eight MAP themes with their status, the practical part against 40 hours, and
// whether the MAP is ready for the end conversation. The MAP provider sets a theme's status in place.
import { useState } from 'react';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMapThemes, useSetMapTheme, type MapTheme } from '../../api/participation';
import { describeError, LoadError, Loading } from '../../components/QueryStatus';
import { SelectField } from '../../components/fields';
import { useAnnounce } from '../progress/formSupport';
import { hoursText, mapStatusLabels, mapThemeLabels } from './labels';

export function MapSection({ participantId, referralId, mayWrite }: { participantId: string; referralId: string; mayWrite: boolean }) {
  const map = useMapThemes(participantId);
  let body;
  if (map.isPending) body = <Loading what="MAP" />;
  else if (map.isError) body = <LoadError error={map.error} />;
  else {
    const { themes, done, practical, readyForEndConversation } = map.data;
    body = (
      <>
        <Paragraph>
          {done} van de 8 thema’s afgerond; praktijkdeel {hoursText(practical.minutes)} / {hoursText(practical.requiredMinutes)} uur.{' '}
          {readyForEndConversation ? 'Klaar voor het eindgesprek met de gemeente.' : 'Nog niet klaar voor het eindgesprek: alle thema’s afgerond en 40 uur praktijk zijn nodig.'}
        </Paragraph>
        <Table>
          <TableCaption>MAP-thema’s</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Thema</TableHeaderCell>
              <TableHeaderCell scope="col">Stand</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {themes.map((t) => (
              <TableRow key={t.theme}>
                <TableHeaderCell scope="row">{mapThemeLabels[t.theme] ?? t.theme}</TableHeaderCell>
                <TableCell>{mayWrite ? <ThemeStatus participantId={participantId} referralId={referralId} theme={t} /> : mapStatusLabels[t.status]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return (
    <section aria-labelledby="map" className="koers-section">
      <Heading level={2} id="map">
        MAP
      </Heading>
      {body}
    </section>
  );
}

function ThemeStatus({ participantId, referralId, theme }: { participantId: string; referralId: string; theme: MapTheme }) {
  const [value, setValue] = useState<string>(theme.status);
  const set = useSetMapTheme(participantId);
  const announce = useAnnounce();
  const label = mapThemeLabels[theme.theme] ?? theme.theme;
  const save = () =>
    set.mutateAsync({ theme: theme.theme, referralId, status: value as MapTheme['status'], note: null }).then(
      () => announce(`${label}: ${mapStatusLabels[value]?.toLowerCase() ?? value}.`),
      (error: unknown) => announce(`Niet opgeslagen: ${describeError(error)}`),
    );
  return (
    <form
      className="koers-inline-form"
      aria-label={`Stand van ${label} opslaan`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <SelectField name={`map-${theme.theme}`} label={`Stand van ${label}`} options={Object.entries(mapStatusLabels)} value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" appearance="secondary-action-button" busy={set.isPending} disabled={value === theme.status}>
        Opslaan
      </Button>
    </form>
  );
}
