// Environment, validated once at start (STYLE 10). Everything has a safe default for `npm start`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Role } from './access.js';
import { randomToken } from './crypto.js';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Issue #9: loopback unless told otherwise; a server behind a proxy sets HOST=0.0.0.0 on purpose.
  HOST: z.string().default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  KOERS_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  KOERS_SECRET: z.string().min(32).optional(),
  KOERS_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  // Issue #9 hole 2: comma-separated addresses/CIDRs of the proxies whose X-Forwarded-For counts; none by default.
  KOERS_TRUSTED_PROXIES: z.string().optional(),
  KOERS_TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  KOERS_CONTRACTS_DIR: z.string().default('./contracts'),
  KOERS_DEMO_SIZE: z.coerce.number().int().positive().default(300),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Issue #9: roles that must log in with a second factor (comma list; unset → every staff role outside demo, none in demo).
  KOERS_MFA_ROLES: z.string().optional(),
  // Issue #9 (ASVS 7.3.1): minutes a session may stay unused before it expires.
  // Issue #17: the bearer token Prometheus sends to GET /metrics; without it /metrics answers only outside production.
  KOERS_METRICS_TOKEN: z.string().min(16).optional(),
  KOERS_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
  // Issue #9: OpenID Connect login (src/features/oidc). A login is offered when its issuer and client id are set.
  KOERS_PUBLIC_URL: z.string().url().optional(),
  KOERS_OIDC_PRIVATE_KEY: z.string().optional(),
  KOERS_OIDC_MIN_ACR: z.string().optional(),
  KOERS_OIDC_STAFF_ISSUER: z.string().url().optional(),
  KOERS_OIDC_STAFF_CLIENT_ID: z.string().optional(),
  KOERS_OIDC_STAFF_CLAIM: z.string().default('email'),
  KOERS_OIDC_STAFF_SCOPE: z.string().default('openid email'),
  KOERS_OIDC_STAFF_MIN_ACR: z.string().optional(),
  KOERS_OIDC_DIGID_ISSUER: z.string().url().optional(),
  KOERS_OIDC_DIGID_CLIENT_ID: z.string().optional(),
  KOERS_OIDC_DIGID_BSN_CLAIM: z.string().default('sub'),
  KOERS_OIDC_DIGID_SCOPE: z.string().default('openid'),
  KOERS_OIDC_DIGID_MIN_ACR: z.string().optional(),
  // Issue #15 (R-EXC-4): DUO's M2M link. DUO_BASE_URL with the major version (https://…/v1); the
  // municipality's PKIoverheid certificate, key and DUO's CA as PEM file paths; DUO's OIN (the messages' doel).
  // Without DUO_BASE_URL demo mode starts the DUO simulator (KOERS_DUO_SIMULATOR=0: not even that).
  DUO_BASE_URL: z.string().url().optional(),
  DUO_TLS_CERT: z.string().optional(),
  DUO_TLS_KEY: z.string().optional(),
  DUO_TLS_CA: z.string().optional(),
  // One Koers for several municipalities: a directory with each one's own certificate, <code>.cert.pem and <code>.key.pem.
  DUO_TLS_DIR: z.string().optional(),
  DUO_OIN: z.string().regex(/^\d{20}$/, 'twenty digits').optional(),
  KOERS_DUO_SIMULATOR: z.enum(['0', '1']).optional(),
});

export interface Config {
  port: number;
  host: string;
  production: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  secret: string;
  demo: boolean;
  /** Issue #9: proxies whose X-Forwarded-* headers are believed (Fastify trustProxy); empty → none. */
  trustedProxies?: string[] | undefined;
  today: string | undefined;
  contractsDir: string;
  demoSize: number;
  logLevel: string;
  /** Issue #3: mail goes out through the outbox when set; otherwise an admin reads it in the UI. */
  smtpUrl?: string | undefined;
  smtpFrom?: string | undefined;
  /** Issue #9: roles that need a second factor (TOTP); unset → every staff role outside demo, none in demo. */
  mfaRoles?: readonly Role[] | undefined;
  /** Issue #9: minutes of inactivity after which a session expires (default 30). */
  sessionIdleMinutes?: number | undefined;
  /** Issue #17: KOERS_METRICS_TOKEN, the bearer token of GET /metrics. */
  metricsToken?: string | undefined;
  /** Issue #9: the address users reach Koers at (OIDC redirect URIs); from the request when unset, outside production. */
  publicUrl?: string | undefined;
  /** Issue #9: OpenID Connect logins (src/features/oidc); none configured → its routes answer 404. */
  oidc?: OidcConfig | undefined;
  /** Issue #15: the real DUO (DUO_BASE_URL, mTLS files, DUO's OIN); unset → the simulator in demo mode, else no link. */
  duo?: DuoConfig | undefined;
  /** Issue #15: demo mode without DUO_BASE_URL starts the DUO simulator unless this is false. */
  duoSimulator?: boolean | undefined;
}

export interface DuoConfig {
  baseUrl: string;
  /** DUO's OIN; unset → the simulator's fictional one. */
  oin: string | undefined;
  /** PEM file paths: the certificate and key of every municipality without its own, DUO's CA. */
  tls: { certFile: string; keyFile: string; caFile: string } | undefined;
  /** DUO_TLS_DIR: per municipality <code>.cert.pem and <code>.key.pem (src/features/duo/certificates.ts); DUO's CA from DUO_TLS_CA. */
  tlsDir?: { dir: string; caFile: string } | undefined;
}

function duoFromEnv(e: z.infer<typeof Env>): DuoConfig | undefined {
  if (e.DUO_BASE_URL === undefined) return undefined;
  const files = e.DUO_TLS_CERT && e.DUO_TLS_KEY && e.DUO_TLS_CA ? { certFile: e.DUO_TLS_CERT, keyFile: e.DUO_TLS_KEY, caFile: e.DUO_TLS_CA } : undefined;
  const tlsDir = e.DUO_TLS_DIR && e.DUO_TLS_CA ? { dir: e.DUO_TLS_DIR, caFile: e.DUO_TLS_CA } : undefined;
  if (e.DUO_TLS_DIR && !e.DUO_TLS_CA) throw new Error('DUO_TLS_DIR needs DUO_TLS_CA (DUO\'s CA) beside it.');
  if (e.DUO_BASE_URL.startsWith('https:') && files === undefined && tlsDir === undefined) throw new Error('DUO_TLS_CERT, DUO_TLS_KEY and DUO_TLS_CA (or DUO_TLS_DIR and DUO_TLS_CA) are required for DUO over https (mutual TLS).');
  return { baseUrl: e.DUO_BASE_URL.replace(/\/+$/, ''), oin: e.DUO_OIN, tls: files, ...(tlsDir ? { tlsDir } : {}) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = demoMode({ demo: e.KOERS_DEMO, production, databaseUrl: e.DATABASE_URL });
  const dataDir = path.resolve(e.KOERS_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    production,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    secret: e.KOERS_SECRET ?? demoSecret(production, dataDir),
    demo,
    trustedProxies: trustedProxiesOf(e.KOERS_TRUSTED_PROXIES),
    today: e.KOERS_TODAY,
    contractsDir: path.resolve(e.KOERS_CONTRACTS_DIR),
    demoSize: e.KOERS_DEMO_SIZE,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL === '' ? undefined : e.SMTP_URL,
    smtpFrom: e.SMTP_FROM === '' ? undefined : e.SMTP_FROM,
    mfaRoles: mfaRolesOf(e.KOERS_MFA_ROLES, demo),
    sessionIdleMinutes: e.KOERS_SESSION_IDLE_MINUTES,
    metricsToken: e.KOERS_METRICS_TOKEN,
    publicUrl: e.KOERS_PUBLIC_URL?.replace(/\/+$/, ''),
    oidc: oidcFromEnv(e, production),
    duo: duoFromEnv(e),
    duoSimulator: e.KOERS_DUO_SIMULATOR !== '0',
  };
}

/** One OpenID Connect login (issue #9): the identity provider and what Koers asks and checks. */
export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  scope: string;
  /** The claim that identifies the user: staff → the Koers e-mail address; DigiD → the BSN. */
  claim: string;
  /** The lowest acceptable acr (src/features/oidc/acr.ts); unset → DigiD Midden. */
  minAcr: string | undefined;
}
export interface OidcConfig {
  /** The private_key_jwt key: a JWK (JSON) or a PEM, inline or as a file path. */
  privateKey: string;
  staff?: OidcClientConfig | undefined;
  digid?: OidcClientConfig | undefined;
}

function oidcFromEnv(e: z.infer<typeof Env>, production: boolean): OidcConfig | undefined {
  const client = (issuer: string | undefined, clientId: string | undefined, scope: string, claim: string, minAcr: string | undefined): OidcClientConfig | undefined =>
    issuer !== undefined && clientId !== undefined && clientId !== '' ? { issuer, clientId, scope, claim, minAcr: minAcr ?? e.KOERS_OIDC_MIN_ACR } : undefined;
  const staff = client(e.KOERS_OIDC_STAFF_ISSUER, e.KOERS_OIDC_STAFF_CLIENT_ID, e.KOERS_OIDC_STAFF_SCOPE, e.KOERS_OIDC_STAFF_CLAIM, e.KOERS_OIDC_STAFF_MIN_ACR);
  const digid = client(e.KOERS_OIDC_DIGID_ISSUER, e.KOERS_OIDC_DIGID_CLIENT_ID, e.KOERS_OIDC_DIGID_SCOPE, e.KOERS_OIDC_DIGID_BSN_CLAIM, e.KOERS_OIDC_DIGID_MIN_ACR);
  if (staff === undefined && digid === undefined) return undefined;
  if (e.KOERS_OIDC_PRIVATE_KEY === undefined) throw new Error('KOERS_OIDC_PRIVATE_KEY is required for OpenID Connect login (private_key_jwt).');
  // Behind a proxy the request's own address is not to be trusted for redirect URIs.
  if (production && e.KOERS_PUBLIC_URL === undefined) throw new Error('KOERS_PUBLIC_URL is required for OpenID Connect login in production.');
  return { privateKey: e.KOERS_OIDC_PRIVATE_KEY, staff, digid };
}

/**
 * Issue #9 hole 4: demo accounts share a public password, so demo mode runs only when asked. The
 * embedded database (`npm start` without DATABASE_URL) is the demo unless KOERS_DEMO=0; a server
 * with DATABASE_URL is not, unless KOERS_DEMO=1; production never is.
 */
export function demoMode(input: { demo: '0' | '1' | 'true' | 'false' | undefined; production: boolean; databaseUrl: string | undefined }): boolean {
  const asked = input.demo === undefined ? undefined : input.demo === '1' || input.demo === 'true';
  if (input.production) {
    if (asked === true) throw new Error('KOERS_DEMO=1 is refused in production: demo accounts share a public password. Remove KOERS_DEMO or set NODE_ENV otherwise.');
    return false;
  }
  return asked ?? input.databaseUrl === undefined;
}

/** "10.0.0.1, 10.1.0.0/16" → ["10.0.0.1", "10.1.0.0/16"]; unset or empty → none trusted. */
export function trustedProxiesOf(value: string | undefined): string[] {
  const list = (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const item of list) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(item)) throw new Error(`KOERS_TRUSTED_PROXIES: "${item}" is not an address or CIDR range.`);
  }
  return list;
}

/** Every professional role; participants log in with DigiD, provider systems with an API key. */
export const STAFF_ROLES: readonly Role[] = ['consultant', 'policyOfficer', 'providerCoordinator', 'teacher', 'contractManager', 'admin'];

/** "consultant, admin" → those roles; "" → none; unset → every staff role, or none in demo mode. */
export function mfaRolesOf(value: string | undefined, demo: boolean): Role[] {
  if (value === undefined) return demo ? [] : [...STAFF_ROLES];
  const list = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const item of list) {
    if (!(STAFF_ROLES as readonly string[]).includes(item)) throw new Error(`KOERS_MFA_ROLES: "${item}" is not a staff role (${STAFF_ROLES.join(', ')}).`);
  }
  return list as Role[];
}

/** Outside production a key is made once and kept beside the embedded database. */
function demoSecret(production: boolean, dataDir: string): string {
  if (production) throw new Error('KOERS_SECRET is required in production (at least 32 characters).');
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomToken(48);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
