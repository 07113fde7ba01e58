// Integration-test support (STYLE 12-13): every test file gets a fresh database — in-memory PGlite, or
// a new database on the throw-away PostgreSQL server that scripts/test.mjs starts — and a real Koers
// listening on a free port, driven over real HTTP. Data is made by builders with random values.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createKoers, type Koers, type KoersOptions } from '../../src/app.js';
import { loadDemoRegion } from '../../src/features/demo/generator.js';
import { generateValidBsn } from '../../src/domain/bsn.js';
import type { IsoDate } from '../../src/domain/contract.js';
import { organisationId, syncOrganisations } from '../../src/features/organisations/store.js';
import { hashPassword } from '../../src/features/sessions/service.js';
import type { Role } from '../../src/platform/access.js';
import { SettableClock } from '../../src/platform/clock.js';
import type { Config } from '../../src/platform/config.js';
import { loadContracts } from '../../src/platform/contracts.js';
import { createCrypto } from '../../src/platform/crypto.js';
import { pgliteDump } from '../../src/platform/db.js';
import { APP_ROLE, migrate } from '../../src/platform/migrate.js';

export const DB_KIND: 'pglite' | 'postgres' = process.env.KOERS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ROOT = path.resolve(import.meta.dirname, '../..');
export const PASSWORD = 'test-wachtwoord-123';

export interface TestKoers {
  koers: Koers;
  clock: SettableClock;
  url: string;
  /** Admin connection string of the test database (PostgreSQL only). */
  databaseUrl: string | undefined;
  stop(): Promise<void>;
}

/** A fresh database on the test PostgreSQL server; dropped by the returned function. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.KOERS_TEST_PG_URL;
  if (admin === undefined) throw new Error('KOERS_TEST_PG_URL is not set: run the tests through `npm test`');
  const name = `koers_t_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/**
 * One migrated PGlite database, dumped to .tmp once per set of migrations and loaded by every in-memory
 * test server: initdb and 20-odd migrations cost ~1.5 s a server, loading the dump ~0.3 s. The file
 * name is a hash of the migrations and the PGlite version, so a changed migration builds a new one; the
 * server still runs `migrate`, which finds everything applied. Written under a temporary name and
 * renamed, so a parallel worker never reads half a file.
 */
let template: Promise<Blob> | undefined;
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const hash = createHash('sha256');
    hashMigrations(hash);
    return cachedDump('pglite-template', hash, (db) => migrate(db));
  })();
  return template;
}

/** The PGlite version and the migrations: what a migrated dump is made of. */
function hashMigrations(hash: ReturnType<typeof createHash>): void {
  const dir = path.join(ROOT, 'db', 'migrations');
  hash.update(JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')).version);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) hash.update(f).update(readFileSync(path.join(dir, f)));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The dump in .tmp/<kind>/<hash>.tar, made by `prepare` when it is not there (temp name, then renamed). */
async function cachedDump(kind: string, hash: ReturnType<typeof createHash>, prepare: Parameters<typeof pgliteDump>[0]): Promise<Blob> {
  const cacheDir = path.join(ROOT, '.tmp', kind);
  const file = path.join(cacheDir, `${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    const dump = await pgliteDump(prepare);
    mkdirSync(cacheDir, { recursive: true });
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
    renameSync(part, file);
    // Every changed source makes a new 45 MB dump: the ones no run has made for a day go.
    for (const old of readdirSync(cacheDir).filter((n) => n.endsWith('.tar'))) {
      const at = path.join(cacheDir, old);
      try {
        if (Date.now() - statSync(at).mtimeMs > DAY_MS) rmSync(at, { force: true });
      } catch {
        /* a parallel worker removed it first */
      }
    }
    return dump;
  }
}

/**
 * The secret of every server started from a demo template: the demo region encrypts BSNs and keys their
 * hashes with `config.secret`, so a server that loads the dump must hold the secret it was made with.
 * A test value, never a deployment's.
 */
export const DEMO_TEMPLATE_SECRET = 'e2e-demo-template-secret-0123456789abcdef0123456789abcdef';

export interface DemoTemplateOptions {
  today: IsoDate;
  demoSize: number;
  contractsDir: string;
}

/**
 * A migrated PGlite database with the demo region loaded (the year of history, its signals and all),
 * for the browser tests: the demo load costs seconds a server, loading the dump a fraction of one
 * (issue #13's suite budget). A server started from it with config.demo finds the demo users and loads
 * nothing (loadDemoRegion is idempotent), so each browser file still starts on its own fresh copy of the
 * demo a fresh load would give. The steps are createKoers's before the HTTP server (migrate, then as the
 * app role: organisations, demo). Keyed by everything the demo is made from: the migrations, the server's
 * sources (src/ without the web app: the demo, the domain rules and the signal engine it runs), the
 * lockfile, the contracts, the date, the size, and the real date (tables default created_at to now()).
 */
const demoTemplates = new Map<string, Promise<Blob>>();
export function pgliteDemoTemplate(options: DemoTemplateOptions): Promise<Blob> {
  const key = JSON.stringify(options);
  let dump = demoTemplates.get(key);
  if (dump === undefined) {
    dump = (async () => {
      const hash = createHash('sha256');
      hashMigrations(hash);
      hash.update(key).update(new Date().toISOString().slice(0, 10)).update(DEMO_TEMPLATE_SECRET);
      hash.update(readFileSync(path.join(ROOT, 'package-lock.json')));
      for (const f of filesUnder(path.join(ROOT, 'src'), (rel) => !rel.startsWith(`web${path.sep}`) && rel.endsWith('.ts') && !rel.endsWith('.test.ts'))) hash.update(f.rel).update(readFileSync(f.abs));
      for (const f of filesUnder(options.contractsDir, () => true)) hash.update(f.rel).update(readFileSync(f.abs));
      const contracts = loadContracts(options.contractsDir);
      const clock = new SettableClock(options.today);
      return cachedDump('pglite-demo-template', hash, async (db) => {
        await migrate(db);
        await db.exec(`SET ROLE ${APP_ROLE}`);
        await syncOrganisations(db, contracts);
        await loadDemoRegion(db, createCrypto(DEMO_TEMPLATE_SECRET), contracts, { size: options.demoSize, today: clock.today(), now: clock.now() });
      });
    })();
    demoTemplates.set(key, dump);
  }
  return dump;
}

/** The files under `dir` (recursively) whose relative path passes `keep`, in a fixed order. */
function filesUnder(dir: string, keep: (rel: string) => boolean): { rel: string; abs: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const abs = path.join(d.parentPath, d.name);
      return { rel: path.relative(dir, abs), abs };
    })
    .filter((f) => keep(f.rel))
    .sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    production: false,
    dataDir: path.join(ROOT, '.tmp', 'unused'),
    databaseUrl: undefined,
    secret: randomBytes(32).toString('hex'),
    demo: false,
    today: undefined,
    contractsDir: path.join(ROOT, 'contracts'),
    demoSize: 40,
    logLevel: 'silent',
    // Issue #9: no second factor unless a test asks for it (test/second-factor.int.test.ts does).
    mfaRoles: [],
    ...overrides,
  };
}

export async function startTestKoers(
  options: { today?: IsoDate; config?: Partial<Config>; logger?: KoersOptions['logger'] } = {},
): Promise<TestKoers> {
  const clock = new SettableClock(options.today ?? '2026-12-23');
  const pgdb = DB_KIND === 'postgres' ? await freshPostgresDatabase() : undefined;
  // KOERS_TEST_LOG=1 shows server errors while debugging a failing test.
  const logger = options.logger ?? (process.env.KOERS_TEST_LOG === '1' ? { level: 'error' } : false);
  const config = testConfig({ databaseUrl: pgdb?.url, ...options.config });
  const pgliteTemplateDump = config.databaseUrl === undefined ? await pgliteTemplate() : undefined;
  const koers = await createKoers(config, { clock, inMemory: true, logger, ...(pgliteTemplateDump !== undefined ? { pgliteTemplate: pgliteTemplateDump } : {}) });
  await koers.server.listen({ port: 0, host: '127.0.0.1' });
  return {
    koers,
    clock,
    url: `http://127.0.0.1:${portOf(koers.server)}`,
    databaseUrl: pgdb?.url,
    stop: async () => {
      await koers.stop();
      await pgdb?.drop();
    },
  };
}

export function portOf(server: Koers['server']): number {
  const address = server.addresses()[0];
  if (address === undefined || typeof address === 'string') throw new Error('server did not listen');
  return address.port;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  organisationId: string | undefined;
}

/** Builder: a user with a unique e-mail in the given organisation (by contract code). */
export async function aUser(t: TestKoers, role: Role, organisationCode?: string, participantId?: string): Promise<TestUser> {
  const id = randomUUID();
  const email = `${role}.${randomBytes(4).toString('hex')}@test.koers`;
  const municipality = role === 'consultant' || role === 'policyOfficer' || role === 'privacyOfficer' ? organisationId('municipality', organisationCode ?? 'hoorn') : null;
  const provider = role === 'providerCoordinator' || role === 'teacher' ? organisationId('provider', organisationCode ?? 'taalpunt-westfriesland') : null;
  const region = role === 'contractManager' ? organisationId('region', organisationCode ?? 'westfriesland') : null;
  await t.koers.db.query(
    `INSERT INTO app_user (id, email, name, password_hash, role, municipality_id, provider_id, region_id, participant_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, email, `Test ${role}`, await hashPassword(PASSWORD), role, municipality, provider, region, participantId ?? null],
  );
  return { id, email, role, organisationId: municipality ?? provider ?? region ?? undefined };
}

/** A minimal HTTP client with a cookie jar: real requests to the real server. */
export class Client {
  /** The session cookie the server set (name=value). */
  cookie: string | undefined;
  constructor(private readonly baseUrl: string) {}

  static async loggedIn(t: TestKoers, user: TestUser): Promise<Client> {
    const c = new Client(t.url);
    const res = await c.post('/api/v1/sessions', { email: user.email, password: PASSWORD });
    if (res.status !== 201) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return c;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const raw = body instanceof Uint8Array;
    const res = await fetch(this.baseUrl + url, {
      method,
      headers: { ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}), ...(this.cookie !== undefined ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** GETs a file (a PDF) as bytes, with this client's session. */
  async bytes(url: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const res = await fetch(this.baseUrl + url, { headers: this.cookie !== undefined ? { cookie: this.cookie } : {} });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  /** POSTs raw bytes (a PDF upload). */
  upload(url: string, bytes: Uint8Array, contentType = 'application/pdf') {
    return this.request('POST', url, bytes, { 'content-type': contentType });
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

let bsnSeed = Math.floor(Math.random() * 1e9);
/** A valid, unique-per-run BSN. */
export function aBsn(): string {
  let s = bsnSeed++;
  return generateValidBsn(() => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  });
}

/** Builder: learning-plan content (R-REF-6) that passes validation. */
export const aLearningPlan = (overrides: Record<string, unknown> = {}) => ({
  route: 'b1',
  targetLevels: { reading: 'B1', writing: 'A2', listening: 'B1', speaking: 'B1' },
  weeklySchedule: { dayParts: 4, evening: false, weekend: false, online: false, blended: true },
  map: { included: false, practicalPart: '', practicalHours: 0 },
  childCare: { needed: true, days: ['mon', 'wed'], times: '08:30-12:30', changes: '' },
  expectedDurationMonths: 18,
  ...overrides,
});

/** A tiny but well-formed PDF. */
export const A_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export function aParticipantInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    bsn: aBsn(),
    givenName: `Amina${randomBytes(2).toString('hex')}`,
    familyName: 'Haddad',
    dateOfBirth: '1990-04-12',
    gender: 'female',
    route: 'b1',
    impedingHealth: false,
    impedingJustice: false,
    impedingFinances: false,
    ...overrides,
  };
}

export { snapshot } from './snapshot.js';
