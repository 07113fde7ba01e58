// R-ATT-1 / issue #4: a class of 15 in under a minute with the keyboard alone. Everyone is present by
// default; per row Tab reaches "afwezig" (Space toggles), then reason and "afgemeld" only when absent,
// or "minuten aanwezig" when present. One save for the whole class (button or Ctrl+Enter), no dialogs.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  Button,
  ButtonGroup,
  Checkbox,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { useSaveAttendance, type AttendanceEntry, type LessonPage, type RosterRow } from '../../api/groups';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { describeError } from '../../components/QueryStatus';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { absenceReasons } from '../../lib/attendanceLabels';
import { fullName } from '../../lib/labels';
import { TableScroll } from '../../components/TableScroll';

interface RowState {
  absent: boolean;
  reason: string;
  calledIn: boolean;
  minutes: string;
}

const stateOf = (r: RosterRow): RowState => ({
  absent: !r.present,
  reason: r.reason ?? '',
  calledIn: r.calledIn,
  minutes: String(r.present ? r.minutesAttended : 0),
});

const rowId = (participantId: string, field: string) => `aanwezigheid-${participantId}-${field}`;

function minutesError(value: string, max: number): string | undefined {
  if (!/^\d+$/.test(value.trim())) return 'Vul de aanwezige minuten in als heel getal.';
  const n = Number(value);
  if (n > max) return `De les duurt ${max} minuten.`;
  return undefined;
}

export function AttendanceForm({ page }: { page: LessonPage }) {
  const { lesson, roster } = page;
  const save = useSaveAttendance(lesson.id);
  const [rows, setRows] = useState<Record<string, RowState>>(() =>
    Object.fromEntries(roster.map((r) => [r.participantId, stateOf(r)])),
  );
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const update = (id: string, patch: Partial<RowState>) =>
    setRows((prev) => {
      const current = prev[id];
      return current ? { ...prev, [id]: { ...current, ...patch } } : prev;
    });

  const submit = () => {
    if (save.isPending) return;
    const found: SummaryItem[] = [];
    for (const r of roster) {
      const row = rows[r.participantId];
      if (!row || row.absent) continue;
      const error = minutesError(row.minutes, lesson.minutes);
      if (error) found.push({ targetId: rowId(r.participantId, 'minuten'), message: `${fullName(r)}: ${error}` });
    }
    setErrors(found);
    if (found.length > 0) {
      setAnnouncement('');
      setAttempt((n) => n + 1);
      return;
    }
    const entries: AttendanceEntry[] = roster.map((r) => {
      const row = rows[r.participantId] ?? stateOf(r);
      return row.absent
        ? { participantId: r.participantId, present: false, reason: row.reason || null, calledIn: row.calledIn }
        : { participantId: r.participantId, present: true, minutesAttended: Number(row.minutes), calledIn: false };
    });
    setAnnouncement('');
    save.mutate(entries, {
      onSuccess: (result) => {
        const absent = result.roster.filter((r) => !r.present).length;
        const changed = result.changed ?? 0;
        setAnnouncement(
          `Aanwezigheid opgeslagen: ${result.roster.length - absent} aanwezig, ${absent} afwezig` +
            (changed === 0 ? ', niets gewijzigd.' : `, ${changed} ${changed === 1 ? 'regel' : 'regels'} gewijzigd.`),
        );
      },
      onError: (error) => {
        const params = isApiError(error) ? (error.problem.invalidParams ?? []) : [];
        setErrors(
          params.length > 0 ? params.map((p) => ({ message: p.reason })) : [{ message: describeError(error) }],
        );
        setAttempt((n) => n + 1);
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  // Ctrl+Enter (or Cmd+Enter) saves from anywhere in the form.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const absentCount = Object.values(rows).filter((r) => r.absent).length;

  return (
    <form noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} aria-labelledby="aanwezigheid-titel">
      <ErrorSummary items={errors} attempt={attempt} title="Aanwezigheid niet opgeslagen" id="aanwezigheid-fouten" />
      <Paragraph id="aanwezigheid-uitleg">
        Iedereen staat op aanwezig. Ga met Tab door de lijst, zet met de spatiebalk “afwezig” aan en kies dan de reden.
        Opslaan kan ook met Ctrl+Enter.
      </Paragraph>
      <TableScroll label="Aanwezigheid per inburgeraar">
        <Table className="koers-attendance">
          <TableCaption className="koers-visually-hidden">
            Aanwezigheid per inburgeraar ({roster.length} in de groep, {absentCount} afwezig)
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Afwezig</TableHeaderCell>
              <TableHeaderCell scope="col">Reden</TableHeaderCell>
              <TableHeaderCell scope="col">Afgemeld</TableHeaderCell>
              <TableHeaderCell scope="col">Minuten aanwezig (van {lesson.minutes})</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {roster.map((r) => {
              const row = rows[r.participantId] ?? stateOf(r);
              const name = fullName(r);
              const minutesInvalid = errors.some((e) => e.targetId === rowId(r.participantId, 'minuten'));
              return (
                <TableRow key={r.participantId} className={row.absent ? 'koers-row--absent' : undefined}>
                  <TableHeaderCell scope="row">{name}</TableHeaderCell>
                  <TableCell>
                    <label className="koers-inline-check" htmlFor={rowId(r.participantId, 'afwezig')}>
                      <Checkbox
                        id={rowId(r.participantId, 'afwezig')}
                        checked={row.absent}
                        onChange={(event) =>
                          update(r.participantId, {
                            absent: event.target.checked,
                            minutes: event.target.checked ? '0' : String(lesson.minutes),
                          })
                        }
                      />
                      <VisuallyHidden>{name} </VisuallyHidden>afwezig
                    </label>
                  </TableCell>
                  <TableCell>
                    {row.absent ? (
                      <>
                        <label className="koers-visually-hidden" htmlFor={rowId(r.participantId, 'reden')}>
                          Reden {name}
                        </label>
                        <Select
                          id={rowId(r.participantId, 'reden')}
                          value={row.reason}
                          onChange={(event) => update(r.participantId, { reason: event.target.value })}
                        >
                          <SelectOption value="">Kies een reden</SelectOption>
                          {absenceReasons.map(([code, label]) => (
                            <SelectOption key={code} value={code}>
                              {label}
                            </SelectOption>
                          ))}
                        </Select>
                      </>
                    ) : (
                      <span className="koers-empty">aanwezig</span>
                    )}
                  </TableCell>
                  <TableCell>
                    {row.absent && (
                      <label className="koers-inline-check" htmlFor={rowId(r.participantId, 'afgemeld')}>
                        <Checkbox
                          id={rowId(r.participantId, 'afgemeld')}
                          checked={row.calledIn}
                          onChange={(event) => update(r.participantId, { calledIn: event.target.checked })}
                        />
                        <VisuallyHidden>{name} </VisuallyHidden>afgemeld
                      </label>
                    )}
                  </TableCell>
                  <TableCell>
                    {!row.absent && (
                      <>
                        <label className="koers-visually-hidden" htmlFor={rowId(r.participantId, 'minuten')}>
                          Minuten aanwezig {name}
                        </label>
                        <Textbox
                          id={rowId(r.participantId, 'minuten')}
                          className="koers-minutes"
                          inputMode="numeric"
                          autoComplete="off"
                          value={row.minutes}
                          invalid={minutesInvalid}
                          onChange={(event) => update(r.participantId, { minutes: event.target.value })}
                        />
                      </>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableScroll>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          Aanwezigheid opslaan
        </Button>
      </ButtonGroup>
      <div role="status" aria-live="polite" className="koers-live">
        {announcement}
      </div>
    </form>
  );
}
