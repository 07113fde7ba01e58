// The teacher register (R-QLT-2; 003 art. 5.3, 002 eis 66–68): each teacher's qualification, alfa
// specialisation and VOG date, and the compliance the contract's norm asks, computed by the server. The
// provider keeps its own register (a change is a new version; 409 when someone saved first); the
// contract manager reads it.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { qualityCalls, type Teacher } from '../../api/quality';
import { useSystemDate } from '../../api/queries';
import { DataTable, type Column } from '../../components/DataTable';
import { formatDate } from '../../lib/dates';
import { orNull, YES_NO, type FieldSpec } from '../contract/ApiForm';
import { complianceText, QUALIFICATION } from './qualityLabels';
import { RecordForm } from './RecordForm';
import type { SectionProps } from './RecordPage';

const QUALIFICATIONS = Object.entries(QUALIFICATION) as [Teacher['qualification'], string][];

// The facts of a teacher, the same when added and when changed.
const TEACHER_FIELDS = [
  { name: 'name', label: 'Naam' },
  { name: 'qualification', label: 'Kwalificatie', kind: 'select', options: QUALIFICATIONS },
  { name: 'alfaSpecialised', label: 'Gespecialiseerd in alfabetisering', kind: 'select', options: YES_NO },
  { name: 'vogOn', label: 'Datum van de VOG', kind: 'date', optional: true },
] as const satisfies readonly FieldSpec<string>[];

const columns: Column<Teacher>[] = [
  { id: 'name', label: 'Docent', fixed: true, rowHeader: true, cell: (t) => t.name },
  { id: 'qualification', label: 'Kwalificatie', cell: (t) => QUALIFICATION[t.qualification] },
  { id: 'alfa', label: 'Alfabetisering', cell: (t) => (t.alfaSpecialised ? 'Gespecialiseerd' : 'Nee') },
  { id: 'vog', label: 'VOG', cell: (t) => (t.vogOn === null ? 'Geen' : `${formatDate(t.vogOn)}${t.vogValid === false ? ' (te oud)' : ''}`) },
  { id: 'registeredOn', label: 'In het register sinds', cell: (t) => formatDate(t.registeredOn) },
  { id: 'leftOn', label: 'Vertrokken', cell: (t) => (t.leftOn === null ? '—' : formatDate(t.leftOn)) },
];

export function TeachersSection({ record, recordKey, manage, respond }: SectionProps) {
  const today = useSystemDate().data?.today ?? '';
  const norm = record.rules.teacherNorm;
  const keeps = respond && !manage;
  return (
    <section aria-labelledby="docenten" className="koers-section">
      <Heading level={2} id="docenten">
        Docentenregister
      </Heading>
      <Paragraph>
        {norm === null ? 'Het contract stelt geen docentnorm.' : `De norm: minstens ${String(norm.minCertifiedPercent)}% gecertificeerd en hoogstens ${String(norm.maxInTrainingPercent)}% in opleiding (${norm.source}).`}{' '}
        Nu: {complianceText(record.compliance)}.
      </Paragraph>
      {record.teachers.length === 0 ? <Paragraph>Er staan geen docenten in het register.</Paragraph> : <DataTable id="docenten" caption="Docenten" columns={columns} rows={record.teachers} rowKey={(t) => t.id} />}
      {keeps && (
        <>
          <RecordForm
            id="docent"
            summary="Docent toevoegen"
            recordKey={recordKey}
            call={qualityCalls.addTeacher}
            fields={[
              ...TEACHER_FIELDS,
              { name: 'registeredOn', label: 'In het register vanaf', kind: 'date' },
            ]}
            initial={{ name: '', qualification: '', alfaSpecialised: '', vogOn: '', registeredOn: today }}
            toBody={(v) => ({ name: v.name.trim(), qualification: v.qualification as Teacher['qualification'], alfaSpecialised: v.alfaSpecialised === 'true', vogOn: orNull(v.vogOn), registeredOn: v.registeredOn })}
            submitLabel="Docent toevoegen"
            savedMessage="De docent staat in het register."
          />
          {record.teachers.map((t) => (
            <RecordForm
              // A new version read starts the form from it.
              key={`${t.id}:${String(t.version)}`}
              id={`docent-${t.id}`}
              summary={`Gegevens van ${t.name} wijzigen`}
              recordKey={recordKey}
              call={qualityCalls.updateTeacher}
              fields={[
                ...TEACHER_FIELDS,
                { name: 'leftOn', label: 'Vertrokken op', kind: 'date', optional: true, description: 'De docent blijft in het register, maar telt niet meer mee.' },
              ]}
              initial={{ name: t.name, qualification: t.qualification, alfaSpecialised: String(t.alfaSpecialised), vogOn: t.vogOn ?? '', leftOn: t.leftOn ?? '' }}
              toBody={(v) => ({ teacherId: t.id, version: t.version, name: v.name.trim(), qualification: v.qualification as Teacher['qualification'], alfaSpecialised: v.alfaSpecialised === 'true', vogOn: orNull(v.vogOn), leftOn: orNull(v.leftOn) })}
              submitLabel="Wijziging opslaan"
              savedMessage={`De gegevens van ${t.name} zijn opgeslagen.`}
            />
          ))}
        </>
      )}
    </section>
  );
}
