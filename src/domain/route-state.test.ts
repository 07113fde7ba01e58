// R-RTE-3: the route's state from its events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRouteOver, routeStateOf, RouteStates } from './route-state.js';

const ev = (...types: string[]) => types.map((type) => ({ type }));

describe('routeStateOf (R-RTE-3)', () => {
  it('is running without events, and after a hand-over talk only', () => {
    expect(routeStateOf([])).toBe('running');
    expect(routeStateOf(ev('handOverHeld'))).toBe('running');
  });

  it('follows on hold and resumed, and a route change or a provider switch runs on', () => {
    expect(routeStateOf(ev('onHold'))).toBe('onHold');
    expect(routeStateOf(ev('onHold', 'resumed'))).toBe('running');
    expect(routeStateOf(ev('onHold', 'routeChanged'))).toBe('running');
    expect(routeStateOf(ev('onHold', 'providerSwitched'))).toBe('running');
    expect(routeStateOf(ev('onHold', 'handOverHeld'))).toBe('onHold');
  });

  it('ends on a drop-out, a move and the end of the route (R-RTE-4, R-END-1)', () => {
    expect(routeStateOf(ev('droppedOut'))).toBe('droppedOut');
    expect(routeStateOf(ev('onHold', 'movedAway'))).toBe('movedAway');
    expect(routeStateOf(ev('routeChanged', 'routeEnded', 'handOverHeld'))).toBe('ended');
  });

  it('an unknown or prototype-named event type changes nothing', () => {
    expect(routeStateOf(ev('onHold', 'toString', '__proto__', 'constructor', 'somethingNew'))).toBe('onHold');
  });

  it('property: the state is that of the last state-setting event, whatever comes before it', () => {
    const setting = fc.constantFrom('onHold', 'resumed', 'routeChanged', 'providerSwitched', 'droppedOut', 'movedAway', 'routeEnded');
    const any = fc.oneof(setting, fc.constant('handOverHeld'), fc.string());
    fc.assert(
      fc.property(fc.array(any), setting, fc.array(fc.constantFrom('handOverHeld', 'unknown')), (before, last, after) => {
        expect(routeStateOf(ev(...before, last, ...after))).toBe(routeStateOf(ev(last)));
        expect(RouteStates).toContain(routeStateOf(ev(...before, last, ...after)));
      }),
    );
  });

  it('isRouteOver: dropped out, moved away and ended are over; running and on hold are not', () => {
    expect(RouteStates.filter(isRouteOver)).toEqual(['droppedOut', 'movedAway', 'ended']);
  });
});
