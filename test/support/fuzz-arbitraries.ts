// fast-check arbitraries from the JSON schemas of /api/v1/openapi.json (issue #9, the fuzz suite).
// Small on purpose: the keywords our zod schemas produce (type, enum, const, pattern, format uuid/email,
// min/maxLength, minimum/maximum/exclusiveMinimum, items, min/maxItems, properties/required,
// additionalProperties, anyOf/oneOf/allOf). `valid` aims at values the schema accepts, so requests reach
// the handlers; `nasty` breaks one place of a valid value, the way an attacker or a broken client would.
import fc from 'fast-check';
import { generateValidBsn } from '../../src/domain/bsn.js';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** Ids of objects that exist, by what they are, so a share of the cases reaches a real row. */
export type RealIds = Record<string, readonly string[]>;

export interface Hints {
  ids: RealIds;
  /** "Today" of the test Koers: generated dates lie mostly near it, where the rules do something. */
  today: string;
}

const INT32_MAX = 2_147_483_647;
const DAY = 86_400_000;

// ---- values that break things ------------------------------------------------------------------

/** Strings that have broken servers: NUL, lone surrogates, RTL, huge, control and quote characters. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83dy', '\u202e\u202d', '\uFEFF', '\r\n', '\t', '%00', '%', '\\', '"', "'; --", '../..', '😀', 'ÅÄÖ€', '0', '-1', 'null', 'true', '[]', '{}', '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })).map(([a, b]) => `${a}\u0000${b}`),
);

/** Numbers at and past every edge: integer, safe integer, float, signs. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, INT32_MAX, INT32_MAX + 1, -INT32_MAX - 1, -INT32_MAX - 2, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Dates that are not dates, or not dates the calendar and the database can both hold. */
export const nastyDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0000-01-01', '0001-01-01', '0099-12-31', '1899-12-31', '2200-01-01', '9999-12-31', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-01', '2026-04-31', '+02026-01-01', '2026-1-1', '20260101', '2026-01-01T00:00:00Z', '2026-01-01\u0000', 'today', ''),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

/** Any JSON value of a type other than the schema's, or none that JSON can carry. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, '', 'x', [], {}, [null], { a: 1 }),
  nastyNumber,
  nastyString,
  fc.jsonValue({ maxDepth: 3 }),
);

// ---- valid values ------------------------------------------------------------------------------

/** A 'YYYY-MM-DD' field: its pattern takes real dates and nothing shorter. */
function isDateSchema(s: JsonSchema): boolean {
  if (s.pattern === undefined) return false;
  const re = new RegExp(s.pattern);
  return re.test('2026-12-01') && re.test('1990-04-12') && !re.test('2026-12') && !re.test('x');
}

function dateNear(today: string): fc.Arbitrary<string> {
  const t = Date.parse(`${today}T00:00:00Z`);
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -400, max: 120 }).map((d) => new Date(t + d * DAY).toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2199, 11, 31) / DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.constantFrom('1900-01-01', '2199-12-31', '2024-02-29', '1990-04-12') },
  );
}

function uuidFor(name: string, hints: Hints): fc.Arbitrary<string> {
  const all = Object.values(hints.ids).flat();
  const own = hints.ids[name] ?? [];
  const pool = own.length > 0 ? own : all;
  return pool.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
}

/** A syntactically valid BSN (eleven test): generated, never a real person's by intent. */
const aBsn: fc.Arbitrary<string> = fc.infiniteStream(fc.double({ min: 0, max: 0.999_999, noNaN: true })).map((s) => {
  const it = s[Symbol.iterator]();
  return generateValidBsn(() => it.next().value as number);
});

function validString(s: JsonSchema, name: string, hints: Hints): fc.Arbitrary<string> {
  if (s.format === 'uuid') return uuidFor(name, hints);
  if (s.format === 'email') return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
  if (isDateSchema(s)) return dateNear(hints.today);
  if (name === 'bsn') return aBsn;
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, min + 60);
  if (s.pattern !== undefined) {
    const re = new RegExp(s.pattern);
    return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  }
  return fc.string({ unit: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-'.split('')) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }), minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }).map((v) => v.slice(0, s.maxLength ?? v.length));
}

function validNumber(s: JsonSchema, integer: boolean, name: string): fc.Arbitrary<number> {
  const lo = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : s.minimum;
  const hi = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : s.maximum;
  if (integer) {
    const min = Math.max(lo ?? -1_000, -INT32_MAX - 1);
    const max = Math.min(hi ?? 10_000, INT32_MAX);
    // Small values first: a lock version of 0..3 is the one that matches a real row.
    const small = /version|Version/.test(name) ? fc.integer({ min: Math.max(min, 0), max: Math.min(Math.max(min, 0) + 3, max) }) : fc.integer({ min, max: Math.min(max, min + 100) });
    return fc.oneof({ weight: 3, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min, max }) });
  }
  return fc.double({ min: lo ?? -1e6, max: hi ?? 1e6, noNaN: true, noDefaultInfinity: true });
}

/** A value the schema accepts (mostly: patterns with lookarounds or cross-field rules are not modelled). */
export function valid(schema: JsonSchema, hints: Hints, name = ''): fc.Arbitrary<unknown> {
  const s = schema;
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum !== undefined) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives !== undefined) return fc.oneof(...alternatives.map((a) => valid(a, hints, name)));
  if (s.allOf !== undefined) return valid(Object.assign({}, ...s.allOf) as JsonSchema, hints, name);
  const types = Array.isArray(s.type) ? s.type : s.type !== undefined ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => valid({ ...s, type: t }, hints, name)));
  switch (types[0]) {
    case 'string':
      return validString(s, name, hints);
    case 'integer':
      return validNumber(s, true, name);
    case 'number':
      return validNumber(s, false, name);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = s.items ?? {};
      return fc.array(valid(item, hints, singular(name)), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4) });
    }
    case 'object':
    case undefined:
      if (s.properties === undefined && types[0] === undefined) return anyJson;
      return validObject(s, hints);
    default:
      return anyJson;
  }
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

function validObject(s: JsonSchema, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) record[k] = valid(v, hints, k);
  const fixed = fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
  if (typeof s.additionalProperties === 'object' && Object.keys(props).length === 0) {
    const key = s.propertyNames !== undefined ? valid(s.propertyNames, hints) : fc.string({ minLength: 1, maxLength: 12 });
    return fc.dictionary(key as fc.Arbitrary<string>, valid(s.additionalProperties, hints), { maxKeys: 4 });
  }
  return fixed;
}

// ---- one broken place ----------------------------------------------------------------------------

/** A wrong value for this schema: another type, or past the edge of its own type. */
export function wrong(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  const types = Array.isArray(schema.type) ? schema.type : schema.type !== undefined ? [schema.type] : [];
  const own: fc.Arbitrary<unknown>[] = [];
  if (types.includes('string') || schema.pattern !== undefined || schema.format !== undefined) {
    own.push(nastyString);
    if (isDateSchema(schema) || /date|On$|From$|To$|^from$|^to$|^on$/.test(name)) own.push(nastyDate);
    if (schema.format === 'uuid') own.push(fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'not-a-uuid', '123e4567-e89b-12d3-a456-4266141740000'));
  }
  if (types.includes('integer') || types.includes('number')) own.push(nastyNumber);
  if (types.includes('array')) own.push(fc.array(anyJson, { maxLength: 3 }), fc.constant(Array.from({ length: 6000 }, () => ({}))));
  return own.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...own) }, { weight: 1, arbitrary: anyJson }) : anyJson;
}

type Path = (string | number)[];

/** The paths of a value where a broken value can go (every property and array element). */
function pathsOf(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...base, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...base, k]));
  return out;
}

/** The schema that governs `path` inside a value of `schema` (first matching alternative). */
function schemaAt(schema: JsonSchema, path: Path): JsonSchema {
  let s: JsonSchema | undefined = schema;
  for (const step of path) {
    if (s === undefined) return {};
    const alts: JsonSchema[] = s.anyOf ?? s.oneOf ?? [];
    if (alts.length > 0) s = alts.find((a) => (typeof step === 'number' ? a.items !== undefined : a.properties?.[step] !== undefined)) ?? alts[0];
    if (s === undefined) return {};
    s = typeof step === 'number' ? s.items : (s.properties?.[step] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined));
  }
  return s ?? {};
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const obj = { ...(value as Record<string, unknown>) };
  obj[head as string] = setAt(obj[head as string], rest, replacement);
  return obj;
}

function deleteAt(value: unknown, path: Path): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return value;
  if (path.length === 1) {
    if (Array.isArray(value)) return value.filter((_, i) => i !== path[0]);
    const { [path[0] as string]: _gone, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  const [head, ...rest] = path as [string | number, ...Path];
  return setAt(value, [head], deleteAt((value as Record<string | number, unknown>)[head], rest));
}

export type Mutation = 'wrongValue' | 'missing' | 'extraField' | 'nul' | 'wholeBody';

/**
 * A valid value with one place broken: a wrong or edge value, a required field missing, an unknown
 * field, a NUL in a string, or a body of another shape altogether. The label says which, for the report.
 */
export function nasty(schema: JsonSchema, hints: Hints): fc.Arbitrary<{ value: unknown; mutation: Mutation; at: string }> {
  return valid(schema, hints).chain((base) => {
    const at = (p: Path) => p.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], base);
    const paths = pathsOf(base);
    // Only the mutations this value has room for (a filter that never passes would hang fast-check).
    const inner = paths.filter((p) => p.length > 0);
    const objects = paths.filter((p) => { const v = at(p); return v !== null && typeof v === 'object' && !Array.isArray(v); });
    const strings = paths.filter((p) => typeof at(p) === 'string');
    const options: fc.WeightedArbitrary<{ value: unknown; mutation: Mutation; at: string }>[] = [
      { weight: 5, arbitrary: fc.constantFrom(...paths).chain((p) => wrong(schemaAt(schema, p), String(p[p.length - 1] ?? '')).map((v) => ({ value: setAt(base, p, v), mutation: 'wrongValue' as const, at: p.join('.') }))) },
      { weight: 1, arbitrary: anyJson.map((v) => ({ value: v, mutation: 'wholeBody' as const, at: '' })) },
    ];
    if (inner.length > 0) options.push({ weight: 2, arbitrary: fc.constantFrom(...inner).map((p) => ({ value: deleteAt(base, p), mutation: 'missing' as const, at: p.join('.') })) });
    if (objects.length > 0) {
      options.push({
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom(...objects), nastyString.filter((k) => k.length < 100), anyJson).map(([p, k, v]) => ({ value: setAt(base, [...p, k], v), mutation: 'extraField' as const, at: [...p, k].join('.') })),
      });
    }
    if (strings.length > 0) {
      options.push({ weight: 2, arbitrary: fc.constantFrom(...strings).map((p) => ({ value: setAt(base, p, `${String(at(p))}\u0000`), mutation: 'nul' as const, at: p.join('.') })) });
    }
    return fc.oneof(...options);
  });
}

/** Bytes that claim to be JSON and are not, or barely are. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{', '}', '{"a":', '[1,2', 'nul', '{"a":1}{"b":2}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '1e999999', `${'['.repeat(5000)}${']'.repeat(5000)}`, '\uFEFF{}'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
);

/** A query-string or path value: the schema's valid values and strings that are not. */
export function paramValue(schema: JsonSchema, hints: Hints, name: string, broken: boolean): fc.Arbitrary<string> {
  const ok = valid(schema, hints, name).map((v) => String(v));
  if (!broken) return ok;
  return fc.oneof(
    ok,
    wrong(schema, name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')),
    fc.constantFrom('2147483648', '-2147483649', '9007199254740993', '1e400', 'NaN', '-0', '0x10', ' 1', '1 ', '', '%', '%00', '..', '/', '?', '#', '&', '='),
  );
}
