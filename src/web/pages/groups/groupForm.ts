// The coordinator's "new group" form (R-GRP-1): values as strings, checked on blur and on submit.
import type { LessonKind, LevelBand, Literacy, NewGroup } from '../../api/groups';
import { isValidIsoDate } from '../../lib/dates';

export const groupFields = ['name', 'levelBand', 'literacy', 'location', 'sizeLimit', 'weekdays', 'startTime', 'minutes', 'kind', 'activeFrom', 'activeTo'] as const;
export type GroupField = (typeof groupFields)[number];
export type GroupValues = Record<GroupField, string>;

export const emptyGroup: GroupValues = {
  name: '',
  levelBand: '',
  literacy: '',
  location: '',
  sizeLimit: '',
  // Chosen weekdays 1 (maandag) … 7 (zondag), comma-separated.
  weekdays: '',
  startTime: '09:00',
  minutes: '180',
  kind: 'language',
  activeFrom: '',
  activeTo: '',
};

const SMALL_BANDS = new Set(['fastAlfa', 'z']);

export function validateGroupField(name: GroupField, v: GroupValues): string | undefined {
  switch (name) {
    case 'name':
      return v.name.trim() ? undefined : 'Geef de groep een naam.';
    case 'levelBand':
      return v.levelBand ? undefined : 'Kies het niveau.';
    case 'literacy':
      return v.literacy ? undefined : 'Kies of de groep alfabeet of anderstalig analfabeet is.';
    case 'location':
      return v.location.trim() ? undefined : 'Vul de locatie in.';
    case 'sizeLimit': {
      if (!v.sizeLimit.trim()) return undefined;
      if (!/^\d+$/.test(v.sizeLimit.trim())) return 'Vul het maximum aantal deelnemers in als heel getal.';
      const n = Number(v.sizeLimit);
      if (n < 1 || n > 30) return 'Het maximum ligt tussen 1 en 30 deelnemers.';
      if (SMALL_BANDS.has(v.levelBand) && n > 15) return 'Een Alfa- of Z-groep heeft hoogstens 15 deelnemers.';
      return undefined;
    }
    case 'weekdays':
      return v.weekdays ? undefined : 'Kies minstens één lesdag.';
    case 'startTime':
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(v.startTime) ? undefined : 'Vul een begintijd in als UU:MM, bijvoorbeeld 09:00.';
    case 'minutes': {
      const n = Number(v.minutes);
      return /^\d+$/.test(v.minutes.trim()) && n >= 1 && n <= 600 ? undefined : 'Vul de lesduur in minuten in (1 tot 600).';
    }
    case 'kind':
      return v.kind ? undefined : 'Kies de soort les.';
    case 'activeFrom':
      return isValidIsoDate(v.activeFrom) ? undefined : 'Vul de startdatum in.';
    case 'activeTo':
      if (!v.activeTo) return undefined;
      if (!isValidIsoDate(v.activeTo)) return 'Vul een geldige einddatum in.';
      return v.activeFrom && v.activeTo < v.activeFrom ? 'De einddatum ligt voor de startdatum.' : undefined;
  }
}

export function toNewGroup(v: GroupValues): NewGroup {
  const weekdays = v.weekdays.split(',').filter(Boolean).map(Number);
  return {
    name: v.name.trim(),
    levelBand: v.levelBand as LevelBand,
    literacy: v.literacy as Literacy,
    location: v.location.trim(),
    ...(v.sizeLimit.trim() ? { sizeLimit: Number(v.sizeLimit) } : {}),
    schedule: weekdays.map((weekday) => ({ weekday, startTime: v.startTime, minutes: Number(v.minutes), kind: v.kind as LessonKind })),
    activeFrom: v.activeFrom,
    activeTo: v.activeTo || null,
  };
}

/** The summary links to the first weekday checkbox, which has no `veld-weekdays` id of its own. */
export function groupSummaryTarget(name: GroupField): string {
  return name === 'weekdays' ? 'veld-weekdays-1' : `veld-${name}`;
}
