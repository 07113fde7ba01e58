// R-PAR-3: one table of route names (issue #10): it covers every route code, and no code outside it
// writes a route's name as a string of its own — where a label stood in, code branched on it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Route } from './contract.js';
import { isRoute, ROUTE_NAMES, routeNameNl, routePlainNl } from './route-names.js';

describe('the route-name table', () => {
  it('names every route code of the Route enum, in three wordings each, and nothing else', () => {
    expect(Object.keys(ROUTE_NAMES).sort()).toEqual([...Route.options].sort());
    for (const code of Route.options) {
      const n = ROUTE_NAMES[code];
      expect(n.nl.length * n.plainNl.length * n.en.length, code).toBeGreaterThan(0);
    }
    // Each wording tells the routes apart.
    for (const key of ['nl', 'plainNl', 'en'] as const) expect(new Set(Route.options.map((c) => ROUTE_NAMES[c][key])).size).toBe(Route.options.length);
  });

  it('an unknown code is shown as it is, and is no route (also not a prototype name)', () => {
    expect(routeNameNl('z')).toBe('Z-route');
    expect(routePlainNl('b1')).toBe('Nederlands leren tot niveau B1');
    expect(routeNameNl('x_route')).toBe('x_route');
    expect(isRoute('toString')).toBe(false);
    expect(isRoute('education_mbo')).toBe(true);
  });
});

// A string literal that is a route's name by itself: the table's wordings and the ones used before it.
const ROUTE_LABEL = /^(de )?(B1-route( \(entree\))?|Z-route|B1-entree(route)?|Onderwijsroute( \(?(mbo|hbo\/wo)\)?)?)$/i;

describe('no route label outside the table (issue #10)', () => {
  it('no file in src (tests aside) holds a route name as a string literal, nor compares with one', () => {
    const src = path.resolve(import.meta.dirname, '..');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && f !== path.join('domain', 'route-names.ts'));
    const names = new Set(Route.options.flatMap((c) => [ROUTE_NAMES[c].nl, ROUTE_NAMES[c].plainNl, ROUTE_NAMES[c].en]));
    const hits: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(src, f), 'utf8');
      for (const m of text.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`$\n]*)`/g)) {
        const literal = (m[1] ?? m[2] ?? m[3] ?? '').trim();
        if (ROUTE_LABEL.test(literal) || names.has(literal)) hits.push(`${f}: ${m[0]}`);
      }
      // A branch on part of a label (startsWith('Onderwijsroute'), includes('Z-route')).
      for (const m of text.matchAll(/\.(startsWith|endsWith|includes)\(\s*['"`][^'"`]*route[^'"`]*['"`]/gi)) hits.push(`${f}: ${m[0]}`);
    }
    expect(hits).toEqual([]);
  });
});
