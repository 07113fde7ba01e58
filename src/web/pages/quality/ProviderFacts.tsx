// The provider's standing in the register (R-QLT-1, R-QLT-3; 003 art. 3–5, 14): the KvK data as checked,
// the Blik op Werk marks with withdrawal and audit reports, and covenant membership with its history.
// The contract manager records each; the provider reads them.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { qualityCalls } from '../../api/quality';
import { useSystemDate } from '../../api/queries';
import { formatDate, formatTimestampDate } from '../../lib/dates';
import { orNull } from '../contract/ApiForm';
import { CONCERN, MARK, MEMBERSHIP } from './qualityLabels';
import { RecordForm } from './RecordForm';
import type { SectionProps } from './RecordPage';

export function KvkSection({ record, recordKey, manage }: SectionProps) {
  const today = useSystemDate().data?.today ?? '';
  const kvk = record.kvk;
  return (
    <section aria-labelledby="kvk" className="koers-section">
      <Heading level={2} id="kvk">
        Kamer van Koophandel
      </Heading>
      {kvk === null ? (
        <Paragraph>Nog niet gecontroleerd.</Paragraph>
      ) : (
        <Paragraph>
          KvK-nummer {kvk.kvkNumber}, {kvk.tradeName}
          {kvk.legalForm === null ? '' : ` (${kvk.legalForm})`}
          {kvk.address === null ? '' : `, ${kvk.address}`}. Gecontroleerd op {formatDate(kvk.checkedOn)} door {kvk.recordedBy}.
        </Paragraph>
      )}
      {manage && (
        <RecordForm
          id="kvk"
          summary="KvK-gegevens vastleggen"
          recordKey={recordKey}
          call={qualityCalls.kvk}
          fields={[
            { name: 'kvkNumber', label: 'KvK-nummer', check: (v) => (/^\d{8}$/.test(v) ? undefined : 'Een KvK-nummer heeft 8 cijfers.') },
            { name: 'tradeName', label: 'Handelsnaam' },
            { name: 'legalForm', label: 'Rechtsvorm', optional: true },
            { name: 'address', label: 'Adres', optional: true },
            { name: 'checkedOn', label: 'Gecontroleerd op', kind: 'date' },
          ]}
          initial={{ kvkNumber: kvk?.kvkNumber ?? '', tradeName: kvk?.tradeName ?? record.provider.name, legalForm: kvk?.legalForm ?? '', address: kvk?.address ?? '', checkedOn: today }}
          toBody={(v) => ({ kvkNumber: v.kvkNumber.trim(), tradeName: v.tradeName.trim(), legalForm: orNull(v.legalForm), address: orNull(v.address), checkedOn: v.checkedOn })}
          submitLabel="KvK-gegevens opslaan"
          savedMessage="De KvK-gegevens zijn vastgelegd."
        />
      )}
    </section>
  );
}

export function MarksSection({ record, recordKey, manage }: SectionProps) {
  const today = useSystemDate().data?.today ?? '';
  const rule = record.rules.qualityMark;
  return (
    <section aria-labelledby="keurmerk" className="koers-section">
      <Heading level={2} id="keurmerk">
        Keurmerk Blik op Werk
      </Heading>
      {rule !== null && (
        <Paragraph>
          Het contract vraagt een keurmerk van minstens {rule.minHeldMonths} maanden{rule.conversationMayAdmit ? ', tenzij een gesprek met de projectgroep de aanbieder toelaat' : ''} ({rule.source}).
        </Paragraph>
      )}
      {record.markConcern !== null && <Paragraph className="koers-overdue">Let op: {CONCERN[record.markConcern]}.</Paragraph>}
      {record.marks.length === 0 ? (
        <Paragraph>Geen keurmerk vastgelegd.</Paragraph>
      ) : (
        <UnorderedList>
          {record.marks.map((m) => (
            <UnorderedListItem key={m.id}>
              {MARK[m.state]}: sinds {formatDate(m.since)}, geldig tot en met {formatDate(m.validUntil)}
              {m.withdrawnOn !== null && `; ingetrokken op ${formatDate(m.withdrawnOn)}: ${m.withdrawalReason ?? ''}`}
              {m.auditReports.length > 0 && (
                <UnorderedList>
                  {m.auditReports.map((a) => (
                    <UnorderedListItem key={a.id}>
                      Auditrapport “{a.title}” van {formatDate(a.auditedOn)}
                      {a.summary === null ? '' : `: ${a.summary}`}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              )}
              {manage && (
                <>
                  <RecordForm
                    id={`audit-${m.id}`}
                    summary="Auditrapport toevoegen"
                    recordKey={recordKey}
                    call={qualityCalls.audit}
                    fields={[
                      { name: 'title', label: 'Titel' },
                      { name: 'auditedOn', label: 'Datum van de audit', kind: 'date' },
                      { name: 'summary', label: 'Samenvatting', kind: 'textarea', optional: true },
                    ]}
                    initial={{ title: '', auditedOn: '', summary: '' }}
                    toBody={(v) => ({ markId: m.id, title: v.title.trim(), auditedOn: v.auditedOn, summary: orNull(v.summary) })}
                    submitLabel="Auditrapport opslaan"
                    savedMessage="Het auditrapport is vastgelegd."
                  />
                  {m.withdrawnOn === null && (
                    <RecordForm
                      id={`intrekking-${m.id}`}
                      summary="Schorsing of intrekking vastleggen"
                      recordKey={recordKey}
                      call={qualityCalls.withdraw}
                      fields={[
                        { name: 'withdrawnOn', label: 'Ingetrokken op', kind: 'date' },
                        { name: 'reason', label: 'Reden', kind: 'textarea' },
                      ]}
                      initial={{ withdrawnOn: today, reason: '' }}
                      toBody={(v) => ({ markId: m.id, withdrawnOn: v.withdrawnOn, reason: v.reason.trim() })}
                      submitLabel="Intrekking opslaan"
                      savedMessage="De intrekking is vastgelegd."
                    />
                  )}
                </>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {manage && (
        <RecordForm
          id="keurmerk"
          summary="Keurmerk vastleggen"
          recordKey={recordKey}
          call={qualityCalls.mark}
          fields={[
            { name: 'since', label: 'Sinds', kind: 'date' },
            { name: 'validUntil', label: 'Geldig tot en met', kind: 'date', check: (v, all) => (v < all.since ? 'De einddatum ligt voor de begindatum.' : undefined) },
          ]}
          initial={{ since: '', validUntil: '' }}
          toBody={(v) => ({ since: v.since, validUntil: v.validUntil })}
          submitLabel="Keurmerk opslaan"
          savedMessage="Het keurmerk is vastgelegd."
        />
      )}
    </section>
  );
}

const STATES = Object.entries(MEMBERSHIP) as ['applied' | 'admitted' | 'excluded', string][];

export function MembershipSection({ record, recordKey, manage }: SectionProps) {
  const today = useSystemDate().data?.today ?? '';
  if (!record.rules.covenant && record.membershipHistory.length === 0) {
    return (
      <section aria-labelledby="lidmaatschap" className="koers-section">
        <Heading level={2} id="lidmaatschap">
          Lidmaatschap van het convenant
        </Heading>
        <Paragraph>Dit contract kent geen convenant met lidmaatschap.</Paragraph>
      </section>
    );
  }
  return (
    <section aria-labelledby="lidmaatschap" className="koers-section">
      <Heading level={2} id="lidmaatschap">
        Lidmaatschap van het convenant
      </Heading>
      <Paragraph>{record.membership === null ? 'Nog niet aangemeld.' : `${MEMBERSHIP[record.membership.state]} sinds ${formatDate(record.membership.on)}.`}</Paragraph>
      {record.membershipHistory.length > 0 && (
        <>
          <Heading level={3}>Geschiedenis</Heading>
          <UnorderedList>
            {record.membershipHistory.map((m) => (
              <UnorderedListItem key={m.sequence}>
                {MEMBERSHIP[m.state]} op {formatDate(m.on)}
                {m.conversationOn === null ? '' : `, na het gesprek van ${formatDate(m.conversationOn)}`}
                {m.letterSentOn === null ? '' : `, aangetekende brief van ${formatDate(m.letterSentOn)}`}
                {m.grounds === '' ? '' : `: ${m.grounds}`} (vastgelegd {formatTimestampDate(m.recordedAt)} door {m.recordedBy})
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {manage && (
        <RecordForm
          id="lidmaatschap"
          summary="Lidmaatschap wijzigen"
          recordKey={recordKey}
          call={qualityCalls.membership}
          fields={[
            { name: 'state', label: 'Nieuwe stand', kind: 'select', options: STATES },
            { name: 'on', label: 'Met ingang van', kind: 'date' },
            { name: 'grounds', label: 'Onderbouwing', kind: 'textarea', optional: true, description: 'Verplicht bij uitsluiting.' },
            { name: 'conversationOn', label: 'Datum van het gesprek met de projectgroep', kind: 'date', optional: true, description: 'Alleen bij toelating met een keurmerk korter dan een jaar (003 art. 5.2).' },
            { name: 'letterSentOn', label: 'Datum van de aangetekende brief', kind: 'date', optional: true, description: 'Verplicht bij uitsluiting (003 art. 4.7, 14.4).' },
          ]}
          initial={{ state: '', on: today, grounds: '', conversationOn: '', letterSentOn: '' }}
          toBody={(v) => ({ state: v.state as (typeof STATES)[number][0], on: v.on, grounds: v.grounds.trim(), conversationOn: orNull(v.conversationOn), letterSentOn: orNull(v.letterSentOn) })}
          submitLabel="Lidmaatschap opslaan"
          savedMessage="Het lidmaatschap is vastgelegd."
        />
      )}
    </section>
  );
}
