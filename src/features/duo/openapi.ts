// R-EXC-4: DUO's published OpenAPI documents as the contract of every exchange (contracts as data).
// The documents are read as DUO publishes them (../shared/reference/duo-m2m/API/<api>/openapi.yml, YAML,
// OpenAPI 3.0.0, only internal $refs) and compiled once per document into instance validators: a
// request's path, query, headers and body, and a response's headers and body per status, are checked
// against the operation's own schemas with ajv. Both the client (before sending) and the simulator (on
// receipt, and in tests on its own answers) use the same validator, so neither can drift from DUO.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { parse } from 'yaml';

// ajv-formats is CommonJS with `exports.default`: under NodeNext the plugin is the namespace's default.default.
const addFormats = (ajvFormats.default as unknown as { default: (ajv: Ajv) => Ajv }).default;

/** The DUO APIs, named by their folder in duo-m2m/API (README "Gerealiseerde API's"). */
export const DuoApis = ['PIP', 'Notificatie', 'Inburgeringsplicht', 'Inburgeringstermijn', 'Leerbaarheidstoets', 'Examen', 'Vrijstelling', 'Ontheffing', 'Contactpersoon', 'Inburgeringsaanbod', 'GevolgdeUren', 'MAP,PVT,Zroute'] as const;
export type DuoApi = (typeof DuoApis)[number];

/** Where the documents are: DUO_OPENAPI_DIR, or the shared reference beside the repository. */
export function duoDocumentsDir(): string {
  return process.env.DUO_OPENAPI_DIR ?? new URL('../../../../shared/reference/duo-m2m/API/', import.meta.url).pathname;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch';

/** One finding: where (e.g. `body/dagtekeningPip`, `header/bron`, `path/bsn`) and ajv's message. */
export interface ContractProblem {
  at: string;
  message: string;
}

export interface RequestInstance {
  path?: Record<string, string>;
  query?: Record<string, string>;
  /** Header names in any case; looked up lower-case. */
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

export interface ResponseInstance {
  status: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

export interface DuoDocument {
  api: DuoApi;
  /** info.version of the document: what the simulator answers in API-Version. */
  version: string;
  validateRequest(method: HttpMethod, pathTemplate: string, req: RequestInstance): ContractProblem[];
  validateResponse(method: HttpMethod, pathTemplate: string, res: ResponseInstance): ContractProblem[];
  /** The operation's path templates, e.g. `/personen/{bsn}/PIP`. */
  paths(): string[];
}

const cache = new Map<DuoApi, DuoDocument>();

/** The compiled document of one API; read and compiled once per process. */
export function duoDocument(api: DuoApi): DuoDocument {
  let doc = cache.get(api);
  if (!doc) {
    doc = compileDocument(api, parse(readFileSync(`${duoDocumentsDir()}${api}/openapi.yml`, 'utf8')) as Json);
    cache.set(api, doc);
  }
  return doc;
}

function compileDocument(api: DuoApi, raw: Json): DuoDocument {
  // strict off: the documents carry OpenAPI words ajv does not know (x-enum-varnames, example, and the
  // non-schema parts of the document that the $refs point through).
  // DUO's patterns are written for a non-unicode engine in places (Leerbaarheidstoets: `\,`, an escape the
  // `u` flag refuses) and need unicode in others (Contactpersoon: `\p{L}`): unicode where the pattern allows it.
  const regExp = Object.assign((pattern: string, flags: string) => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return new RegExp(pattern, flags.replace('u', ''));
    }
  }, { code: 'duoRegExp' });
  const ajv = new Ajv({ strict: false, allErrors: true, code: { regExp } });
  addFormats(ajv);
  // OpenAPI's integer formats, which JSON Schema does not define.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  const id = `duo:${api}`;
  ajv.addSchema(raw, id);
  const compiled = new Map<string, ValidateFunction>();
  // A schema in the document is compiled as a $ref into it, so its own internal $refs resolve.
  const compile = (pointer: string, schema: Json): ValidateFunction => {
    let fn = compiled.get(pointer);
    if (!fn) {
      fn = typeof schema.$ref === 'string' ? ajv.compile({ $ref: `${id}${schema.$ref}` }) : ajv.compile({ $ref: `${id}#${pointer}` });
      compiled.set(pointer, fn);
    }
    return fn;
  };
  const resolve = <T>(node: unknown): T => {
    const ref = (node as Json | undefined)?.$ref;
    if (typeof ref !== 'string') return node as T;
    return ref.slice(2).split('/').map(unescapePointer).reduce<unknown>((n, key) => (n as Json)[key], raw) as T;
  };
  const paths = (raw.paths ?? {}) as Record<string, Record<string, Json>>;
  const operation = (method: HttpMethod, template: string): Json => {
    const op = paths[template]?.[method];
    if (!op) throw new Error(`${api}: no operation ${method.toUpperCase()} ${template} in the document`);
    return op;
  };
  const pointerOf = (template: string, method: HttpMethod, ...rest: string[]): string =>
    // Each segment escaped as a JSON pointer, then as a URI fragment: a template's braces are not URI characters.
    ['', 'paths', template, method, ...rest].map((seg) => encodeURIComponent(escapePointer(seg))).join('/');

  return {
    api,
    version: String((raw.info as { version?: string } | undefined)?.version ?? ''),
    paths: () => Object.keys(paths),
    validateRequest(method, template, req) {
      const op = operation(method, template);
      const problems: ContractProblem[] = [];
      const params = ((op.parameters ?? []) as unknown[]).map((p) => resolve<Parameter>(p));
      params.forEach((p, i) => {
        const source = p.in === 'header' ? lowerKeys(req.headers) : p.in === 'path' ? req.path : p.in === 'query' ? req.query : undefined;
        const value = source?.[p.in === 'header' ? p.name.toLowerCase() : p.name];
        const at = `${p.in}/${p.name}`;
        if (value === undefined) {
          if (p.required) problems.push({ at, message: 'ontbreekt' });
          return;
        }
        if (p.schema) {
          const pointer = typeof (op.parameters as Json[])[i]?.$ref === 'string' ? `${String((op.parameters as Json[])[i]!.$ref).slice(1)}/schema` : pointerOf(template, method, 'parameters', String(i), 'schema');
          problems.push(...run(compile(pointer, p.schema), coerce(value, p.schema), at));
        }
      });
      const body = resolve<Json | undefined>(op.requestBody);
      const schema = (body?.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined;
      if (body && schema) {
        if (req.body === undefined) {
          if (body.required) problems.push({ at: 'body', message: 'ontbreekt' });
        } else {
          problems.push(...run(compile(pointerOf(template, method, 'requestBody', 'content', 'application/json', 'schema'), schema), req.body, 'body'));
        }
      } else if (req.body !== undefined) {
        problems.push({ at: 'body', message: 'de operatie heeft geen body' });
      }
      return problems;
    },
    validateResponse(method, template, res) {
      const op = operation(method, template);
      const response = resolve<Json | undefined>((op.responses as Record<string, unknown>)[String(res.status)]);
      if (!response) return [{ at: 'status', message: `status ${res.status} staat niet in het document` }];
      const problems: ContractProblem[] = [];
      const headers = lowerKeys(res.headers);
      for (const [name, h] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
        const value = headers[name.toLowerCase()];
        if (value === undefined) {
          if (h.required) problems.push({ at: `header/${name}`, message: 'ontbreekt' });
        } else if (h.schema) {
          problems.push(...run(compile(pointerOf(template, method, 'responses', String(res.status), 'headers', name, 'schema'), h.schema as Json), value, `header/${name}`));
        }
      }
      const schema = (response.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined;
      if (schema) {
        problems.push(...run(compile(pointerOf(template, method, 'responses', String(res.status), 'content', 'application/json', 'schema'), schema), res.body, 'body'));
      } else if (res.body !== undefined && res.body !== '') {
        problems.push({ at: 'body', message: `status ${res.status} heeft volgens het document geen body` });
      }
      return problems;
    },
  };
}

function run(fn: ValidateFunction, value: unknown, at: string): ContractProblem[] {
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e: ErrorObject) => ({ at: `${at}${fieldOf(e)}`, message: e.message ?? e.keyword }));
}

/** The field an error is about: its instance path, plus the missing property of a `required` error. */
function fieldOf(e: ErrorObject): string {
  const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : '';
  return `${e.instancePath}${missing}`;
}

/** Path, query and header values arrive as strings; an integer or boolean schema is checked on the parsed value. */
function coerce(value: string, schema: Json): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function lowerKeys(h: Record<string, string | undefined> | undefined): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
