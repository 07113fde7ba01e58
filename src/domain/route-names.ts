// The names of the learning routes (R-PAR-3, GLOSSARY "leerroute"): one table, used by the API, the
// PDFs and the web. Code branches on the route code (contract.ts Route), never on a name: a name is
// for people and may be reworded here without changing any rule.
//
// The official names follow 002 §1.1 ("B1-route", "Z-route", "Onderwijsroute mbo", "Onderwijsroute
// hbo / wo", "B1-entreeroute"); the plain-Dutch ones are what a participant reads (A2, SPEC §0).
import type { Route } from './contract.js';

export interface RouteName {
  /** The official Dutch name, as staff and the sources write it. */
  nl: string;
  /** Plain Dutch (A2) for the participant: what the route is for. */
  plainNl: string;
  /** English, for the API's documentation and logs. */
  en: string;
}

export const ROUTE_NAMES: Readonly<Record<Route, RouteName>> = {
  b1: { nl: 'B1-route', plainNl: 'Nederlands leren tot niveau B1', en: 'B1 route' },
  z: { nl: 'Z-route', plainNl: 'Nederlands leren en zelf meedoen in uw buurt', en: 'Self-reliance route (Z)' },
  education_mbo: { nl: 'Onderwijsroute mbo', plainNl: 'Nederlands leren om naar het mbo te gaan', en: 'Education route (mbo)' },
  education_hbo_wo: { nl: 'Onderwijsroute hbo/wo', plainNl: 'Nederlands leren om naar het hbo of de universiteit te gaan', en: 'Education route (hbo/wo)' },
  // 002 §1.1: a fourth route of some municipalities, towards mbo-entree education.
  b1_entree: { nl: 'B1-entreeroute', plainNl: 'Nederlands leren en u voorbereiden op een mbo-entreeopleiding', en: 'B1 entry route' },
};

/** For the API's documentation of every route field: each code with its names. */
export const ROUTE_CODES_DOC = `R-PAR-3, the learning route: ${Object.entries(ROUTE_NAMES)
  .map(([code, name]) => `${code} = ${name.nl} / ${name.en}`)
  .join('; ')}`;

export function isRoute(code: string): code is Route {
  return Object.hasOwn(ROUTE_NAMES, code);
}

/** The official Dutch name of a route code; an unknown code is shown as it is. */
export function routeNameNl(code: string): string {
  return isRoute(code) ? ROUTE_NAMES[code].nl : code;
}

/** The plain-Dutch name for the participant; an unknown code is shown as it is. */
export function routePlainNl(code: string): string {
  return isRoute(code) ? ROUTE_NAMES[code].plainNl : code;
}
