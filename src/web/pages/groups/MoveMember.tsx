// R-GRP-1: the coordinator moves a member to another group of the provider on a date. The server
// refuses a full group or one where literacy would mix; its reason lands next to the field.
import { useCallback, useEffect, useRef, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { ApiError, isApiError } from '../../api/client';
import { useGroups, useMoveMember, type Group, type GroupMember } from '../../api/groups';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { labelOf, levelBandLabels, literacyLabels } from '../../lib/attendanceLabels';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { useForm } from '../../lib/useForm';

const fields = ['toGroupId', 'on'] as const;
type Field = (typeof fields)[number];

/** The placement check names the target group's fields (`literacy`, `groupId`, `from`); here they are these two. */
const serverField: Record<string, Field> = { literacy: 'toGroupId', groupId: 'toGroupId', from: 'on', toGroupId: 'toGroupId', on: 'on' };

function withFormFields(error: unknown): unknown {
  if (!isApiError(error) || !error.problem.invalidParams) return error;
  const invalidParams = error.problem.invalidParams.map((p) => ({ ...p, name: serverField[p.name] ?? p.name }));
  return new ApiError(error.status, { ...error.problem, invalidParams });
}

export function groupOption(g: Group): string {
  return `${g.name} (${labelOf(levelBandLabels, g.levelBand)}, ${labelOf(literacyLabels, g.literacy).toLowerCase()}, ${g.memberCount} van ${g.sizeLimit})`;
}

export interface MoveResult {
  member: GroupMember;
  toGroupName: string;
  on: string;
}

interface MoveMemberProps {
  group: Group;
  member: GroupMember;
  today: string | undefined;
  onMoved: (result: MoveResult) => void;
  onCancel: () => void;
}

export function MoveMember({ group, member, today, onMoved, onCancel }: MoveMemberProps) {
  const groups = useGroups();
  const move = useMoveMember();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = fullName(member);
  const others = (groups.data ?? []).filter((g) => g.id !== group.id && g.providerId === group.providerId).sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  const validate = useCallback((field: Field, v: Record<Field, string>) => {
    if (field === 'toGroupId' && v.toGroupId === '') return 'Kies de groep waar de deelnemer naartoe gaat.';
    if (field === 'on' && !isValidIsoDate(v.on)) return 'Vul de datum in waarop de deelnemer overstapt.';
    if (field === 'on' && v.on < member.memberFrom) return `De overstap ligt voor ${formatDate(member.memberFrom)}, het begin in deze groep.`;
    return undefined;
  }, [member.memberFrom]);
  const form = useForm<Field>({ toGroupId: '', on: today ?? '' }, fields, validate);

  // The form opens below the table: focus goes to its heading, so the keyboard user is there.
  useEffect(() => {
    headingRef.current?.focus();
  }, [member.participantId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (move.isPending || !form.validateAll()) return;
    const { toGroupId, on } = form.values;
    move.mutate(
      { groupId: group.id, participantId: member.participantId, toGroupId, on },
      {
        onSuccess: () => onMoved({ member, toGroupName: others.find((g) => g.id === toGroupId)?.name ?? 'de andere groep', on }),
        onError: (error) => form.applyServerError(withFormFields(error)),
      },
    );
  };

  return (
    <section aria-labelledby="verplaatsen-titel" className="koers-box koers-section">
      <Heading level={3} id="verplaatsen-titel" ref={headingRef} tabIndex={-1}>
        {name} verplaatsen
      </Heading>
      <Paragraph>
        {name} gaat op de gekozen datum naar een andere groep. Vanaf die dag telt de aanwezigheid in de nieuwe groep.
      </Paragraph>
      <ErrorSummary items={form.attempt > 0 ? form.summary : []} attempt={form.attempt} id="verplaatsen-fouten" level={4} title="Verplaatsen is niet gelukt" />
      {groups.isSuccess && others.length === 0 ? (
        <Paragraph>Uw organisatie heeft geen andere groep. Maak eerst een groep aan.</Paragraph>
      ) : null}
      <form noValidate onSubmit={submit} aria-labelledby="verplaatsen-titel" className="koers-inline-form">
        <SelectField
          {...form.bind('toGroupId')}
          label="Naar groep"
          options={others.map((g) => [g.id, groupOption(g)] as const)}
          placeholder={groups.isPending ? 'Groepen laden…' : 'Kies een groep'}
        />
        <TextField {...form.bind('on')} label="Per datum" type="date" description="De eerste dag in de nieuwe groep." />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={move.isPending}>
            Verplaatsen
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
