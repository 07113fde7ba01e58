// R-EXC-4: the mutual-TLS certificates of a test run (issue #15: "a test CA generated in the tests"). DUO's
// M2M link runs over mutual TLS with the municipality's PKIoverheid certificate, whose subject carries the
// organisation's OIN in serialNumber (PKIoverheid Programma van Eisen); here a throw-away CA issues the
// simulator's server certificate and one client certificate per municipality, made with the `openssl`
// binary in a temp dir per run (`@peculiar/x509` is not installed) — no key is ever committed.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { realNow } from '../../../platform/clock.js';

export interface KeyPair {
  cert: string;
  key: string;
}

export interface TestCa {
  /** The CA certificate (PEM): what the simulator trusts for clients and the client trusts for the server. */
  ca: string;
  /** The simulator's certificate for 127.0.0.1 / localhost. */
  server: KeyPair;
  /** A client certificate for an organisation, its OIN in the subject's serialNumber. */
  client(oin: string, name: string): KeyPair;
  /** Removes the temp dir with the keys. */
  dispose(): void;
}

/** A new CA in its own temp dir; every certificate is valid one day. EC P-256 keys: fast to make. */
export function makeTestCa(name = 'Koers test CA'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'koers-duo-pki-'));
  newCa(dir, name, 1);
  return caIn(dir, 1, () => rmSync(dir, { recursive: true, force: true }));
}

const DEMO_DAYS = 365;
/** A kept certificate is made again when it ends within this long (a demo may run for days). */
const RENEW_BEFORE_MS = 7 * 86_400_000;

/**
 * Issue #16: the demo's CA kept in `dir` (the data directory) across restarts, so a restart runs no
 * `openssl` (three runs, up to ~1.2 s of blocked event loop on a loaded machine, and two more per
 * municipality at its first delivery). Made again when missing, unreadable or near its end. Only the
 * demo's throw-away simulator trusts it; the data directory is never committed (.gitignore).
 */
export function keptDemoCa(dir: string, name: string): TestCa {
  const kept = join(dir, 'ca.crt');
  if (!(valid(kept) && valid(join(dir, 'server.crt')))) {
    mkdirSync(dirname(dir), { recursive: true });
    // Made aside and renamed into place, so a start that dies halfway leaves no half CA behind.
    const fresh = mkdtempSync(`${dir}.new-`);
    newCa(fresh, name, DEMO_DAYS);
    rmSync(dir, { recursive: true, force: true });
    renameSync(fresh, dir);
  }
  return caIn(dir, DEMO_DAYS, () => undefined, true);
}

function valid(certFile: string): boolean {
  try {
    return Date.parse(new X509Certificate(readFileSync(certFile)).validTo) - realNow().getTime() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const openssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** The CA's key and certificate and the simulator's server certificate (server.crt, server.key) in dir. */
function newCa(dir: string, name: string, days: number): void {
  openssl('req', '-x509', ...newKey, '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.crt'), '-days', String(days), '-subj', `/CN=${name}`);
  issue(dir, 'server', days, '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
}

/** A certificate signed by dir's CA, as <base>.crt and <base>.key in dir. */
function issue(dir: string, base: string, days: number, subject: string, extensions: string): KeyPair {
  const file = join(dir, base);
  writeFileSync(`${file}.ext`, extensions);
  openssl('req', ...newKey, '-keyout', `${file}.key`, '-out', `${file}.csr`, '-subj', subject);
  openssl('x509', '-req', '-in', `${file}.csr`, '-CA', join(dir, 'ca.crt'), '-CAkey', join(dir, 'ca.key'), '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', String(days), '-extfile', `${file}.ext`, '-out', `${file}.crt`);
  return { cert: readFileSync(`${file}.crt`, 'utf8'), key: readFileSync(`${file}.key`, 'utf8') };
}

/** The CA in dir; with keep, a client certificate made once is read again by later starts. */
function caIn(dir: string, days: number, dispose: () => void, keep = false): TestCa {
  let n = 0;
  return {
    ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    server: { cert: readFileSync(join(dir, 'server.crt'), 'utf8'), key: readFileSync(join(dir, 'server.key'), 'utf8') },
    client: (oin, org) => {
      const subject = `/O=${org}/serialNumber=${oin}/CN=${org}`;
      const extensions = 'extendedKeyUsage=clientAuth\n';
      if (!keep) return issue(dir, `c${++n}`, days, subject, extensions);
      // The OIN is a public number (and checked to be digits): a safe file name.
      const base = `client-${/^\d+$/.test(oin) ? oin : createHash('sha256').update(oin).digest('hex')}-${createHash('sha256').update(org).digest('hex').slice(0, 12)}`;
      if (valid(join(dir, `${base}.crt`))) return { cert: readFileSync(join(dir, `${base}.crt`), 'utf8'), key: readFileSync(join(dir, `${base}.key`), 'utf8') };
      return issue(dir, base, days, subject, extensions);
    },
    dispose,
  };
}
