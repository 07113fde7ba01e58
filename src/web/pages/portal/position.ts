// Where the participant is in their route and what comes next (R-PRT-1; 001 Bijlage 1 guideline 4,
// "Ik snap de route"), as keys of the texts in src/web/i18n/*.json. Pure, over the progress overview.
import type { Overview } from '../../api/progress';

type Facts = Pick<Overview, 'provider' | 'routeState' | 'hours'> & { status: Pick<Overview['status'], 'started' | 'status' | 'overrideReason' | 'milestones'> };

export type WhereKey = 'whereNoProvider' | 'whereEnded' | 'wherePaused' | 'whereNotStarted' | 'whereRunning' | 'whereNotStartedWork' | 'whereRunningWork';

export function whereKey(o: Facts): WhereKey {
  if (o.provider === null) return 'whereNoProvider';
  if (o.routeState === 'ended' || o.routeState === 'droppedOut' || o.routeState === 'movedAway') return 'whereEnded';
  if (o.routeState === 'onHold') return 'wherePaused';
  // A participation or MAP provider is no language school: its own words ("Zij helpen u met werk en meedoen").
  const work = o.provider.work ? 'Work' : '';
  return o.status.started ? `whereRunning${work}` : `whereNotStarted${work}`;
}

export type Next = { key: 'nextNone' } | { key: 'nextUnknown' | 'nextUnknownWork' } | { key: 'nextMilestone'; hours: number; by: string | null };

export function nextStep(o: Facts): Next {
  if (o.hours.target > 0 && o.hours.made >= o.hours.target) return { key: 'nextNone' };
  if (!o.status.started) return { key: o.provider?.work === true ? 'nextUnknownWork' : 'nextUnknown' };
  const next = o.status.milestones[0];
  if (next === undefined) return { key: 'nextNone' };
  return { key: 'nextMilestone', hours: next.hours, by: next.projectedOn };
}

/**
 * R-PRT-1 / R-BYD-1: the status the participant reads. Before the route starts it says the lessons have
 * not begun; an override of the school still says what the school decided.
 */
export function statusKey(o: Facts): 'notStarted' | Overview['status']['status'] {
  return !o.status.started && o.status.overrideReason === null ? 'notStarted' : o.status.status;
}
