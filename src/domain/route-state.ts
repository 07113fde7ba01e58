// The state a participant's route is in, from its route events (R-RTE-3, R-RTE-4), pure. The events
// are those of src/features/progress/schemas.ts RouteEventBody; a hand-over talk (handOverHeld) is a
// fact about the route that changes nothing in its state.
export const RouteStates = ['running', 'onHold', 'droppedOut', 'movedAway', 'ended'] as const;
export type RouteState = (typeof RouteStates)[number];

/** The route event types that set a state; any other type (handOverHeld, unknown) leaves it as it was. */
const STATE_AFTER: ReadonlyMap<string, RouteState> = new Map<string, RouteState>([
  // R-RTE-3: on hold (pregnancy, illness) until resumed.
  ['onHold', 'onHold'],
  ['resumed', 'running'],
  // R-RTE-1 / R-RTE-4: a new route or a new provider runs on.
  ['routeChanged', 'running'],
  ['providerSwitched', 'running'],
  // R-RTE-3: drop-out with a reason; R-RTE-4: moved to another municipality; R-END-1: the route ended.
  ['droppedOut', 'droppedOut'],
  ['movedAway', 'movedAway'],
  ['routeEnded', 'ended'],
]);

/**
 * R-RTE-3: the state the latest state-setting event leaves the route in; 'running' without one. The
 * events come in the order they happened (by date, then recording).
 */
export function routeStateOf(events: readonly { type: string }[]): RouteState {
  let state: RouteState = 'running';
  for (const e of events) state = STATE_AFTER.get(e.type) ?? state;
  return state;
}

/** R-END-1: the route is over for good (a final report is owed); on hold is not over. */
export function isRouteOver(state: RouteState): boolean {
  return state === 'droppedOut' || state === 'movedAway' || state === 'ended';
}
