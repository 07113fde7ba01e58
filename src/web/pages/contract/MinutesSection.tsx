// R-CM-1: the meeting's minutes, saved as a new version each time. The version read goes with the save;
// when someone else saved first the server answers 409 and the page says so in Dutch, keeping the text.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { useSaveMinutes, type MeetingDetail } from '../../api/contract';
import { ApiForm } from './ApiForm';

export const MINUTES_CONFLICT = 'Iemand anders heeft het verslag intussen opgeslagen. Kopieer uw tekst, laad de pagina opnieuw en voeg uw wijzigingen toe aan de nieuwe versie.';

export function MinutesSection({ meeting }: { meeting: MeetingDetail }) {
  const save = useSaveMinutes(meeting.id);
  return (
    <section aria-labelledby="verslag" className="koers-section">
      <Heading level={2} id="verslag">
        Verslag
      </Heading>
      {!meeting.mayManage ? (
        <Paragraph className="koers-remarks">{meeting.minutes.text === '' ? 'Er is nog geen verslag.' : meeting.minutes.text}</Paragraph>
      ) : (
        <ApiForm
          // Not keyed on the version: the text typed stays, and each save sends the version now read.
          id="verslag"
          label="Verslag"
          fields={[{ name: 'text', label: 'Verslag', kind: 'textarea', description: meeting.minutes.version === 0 ? 'Nog niet opgeslagen.' : `Versie ${String(meeting.minutes.version)}.` }]}
          initial={{ text: meeting.minutes.text }}
          keepValues
          submitLabel="Verslag opslaan"
          savedMessage="Het verslag is opgeslagen."
          describeRefusal={(error) => (isApiError(error, 409) ? MINUTES_CONFLICT : undefined)}
          onSubmit={(v) => save.mutateAsync({ text: v.text, version: meeting.minutes.version })}
        />
      )}
    </section>
  );
}
