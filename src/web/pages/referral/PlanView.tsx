// One learning plan's content, read-only (R-REF-6).
import type { ReactNode } from 'react';
import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import { skills, type LearningPlanContent } from '../../api/lifecycleTypes';
import { routeLabel } from '../../lib/labels';
import { MAP_THEME_NAMES } from '../../../domain/map-learning-plan';
import { skillLabels, weekdayLabels } from '../../lib/lifecycleLabels';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

const scheduleWords = { evening: 'avond', weekend: 'weekend', online: 'online', blended: 'blended' } as const;

export function PlanView({ content }: { content: LearningPlanContent }) {
  const schedule = content.weeklySchedule;
  const forms = (Object.keys(scheduleWords) as (keyof typeof scheduleWords)[])
    .filter((form) => schedule[form])
    .map((form) => scheduleWords[form]);
  const care = content.childCare;
  return (
    <DataList className="koers-plan">
      <Item label="Leerroute">{routeLabel(content.route)}</Item>
      <Item label="Streefniveau">
        {skills.map((skill) => `${skillLabels[skill]} ${content.targetLevels[skill]}`).join(', ')}
      </Item>
      <Item label="Weekrooster">
        {schedule.dayParts} {schedule.dayParts === 1 ? 'dagdeel' : 'dagdelen'} per week
        {forms.length > 0 ? `; ${forms.join(', ')}` : ''}
      </Item>
      <Item label="MAP">
        {content.map.included
          ? `Ja; praktijkdeel: ${content.map.practicalPart} (${content.map.practicalHours} uur)`
          : 'Nee'}
      </Item>
      {content.map.included && (content.map.themes ?? []).length > 0 && (
        <Item label="MAP-thema’s">
          {(content.map.themes ?? []).map((t) => `${MAP_THEME_NAMES[t.theme]}: ${t.approach}`).join('; ')}
        </Item>
      )}
      <Item label="Kinderopvang">
        {care.needed
          ? [
              `Ja; ${care.days.map((day) => weekdayLabels[day].toLowerCase()).join(', ')}`,
              care.times ? `tijden: ${care.times}` : '',
              care.changes ? `wijzigingen: ${care.changes}` : '',
            ]
              .filter(Boolean)
              .join('; ')
          : 'Nee'}
      </Item>
      <Item label="Verwachte duur">
        {content.expectedDurationMonths} {content.expectedDurationMonths === 1 ? 'maand' : 'maanden'}
      </Item>
      {content.notes && <Item label="Opmerkingen">{content.notes}</Item>}
    </DataList>
  );
}
