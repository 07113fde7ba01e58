// Environment, validated once at start (STYLE 10). Everything has a safe default for `npm start`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { randomToken } from './crypto.js';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  KOERS_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  KOERS_SECRET: z.string().min(32).optional(),
  KOERS_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  KOERS_TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  KOERS_CONTRACTS_DIR: z.string().default('./contracts'),
  KOERS_DEMO_SIZE: z.coerce.number().int().positive().default(300),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  production: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  secret: string;
  demo: boolean;
  today: string | undefined;
  contractsDir: string;
  demoSize: number;
  logLevel: string;
  /** Issue #3: mail goes out through the outbox when set; otherwise an admin reads it in the UI. */
  smtpUrl?: string | undefined;
  smtpFrom?: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = e.KOERS_DEMO !== undefined ? e.KOERS_DEMO === '1' || e.KOERS_DEMO === 'true' : !production;
  const dataDir = path.resolve(e.KOERS_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    production,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    secret: e.KOERS_SECRET ?? demoSecret(production, dataDir),
    demo,
    today: e.KOERS_TODAY,
    contractsDir: path.resolve(e.KOERS_CONTRACTS_DIR),
    demoSize: e.KOERS_DEMO_SIZE,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL === '' ? undefined : e.SMTP_URL,
    smtpFrom: e.SMTP_FROM === '' ? undefined : e.SMTP_FROM,
  };
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
