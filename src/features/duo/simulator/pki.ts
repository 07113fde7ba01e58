// R-EXC-4: the mutual-TLS certificates of a test run (issue #15: "a test CA generated in the tests"). DUO's
// M2M link runs over mutual TLS with the municipality's PKIoverheid certificate, whose subject carries the
// organisation's OIN in serialNumber (PKIoverheid Programma van Eisen); here a throw-away CA issues the
// simulator's server certificate and one client certificate per municipality, made with the `openssl`
// binary in a temp dir per run (`@peculiar/x509` is not installed) — no key is ever committed.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

interface KeptCa {
  ca: string;
  caKey: string;
  server: KeyPair;
}

/**
 * Issue #16: the demo's CA kept in `dir` (the data directory) across restarts, so a restart runs no
 * `openssl` (three runs, up to ~1.2 s of blocked event loop on a loaded machine, and two more per
 * municipality at its first delivery). Made again when missing, unreadable or near its end. Only the
 * demo's throw-away simulator trusts it; the data directory is never committed (.gitignore).
 * The files are a cache: what a start read (or made) is kept in memory and used alone, so starts that
 * share a directory (the tests' in-memory servers do) may replace the files under each other safely;
 * every file is written aside and renamed into place, never half.
 */
export function keptDemoCa(dir: string, name: string): TestCa {
  let kept = readKeptCa(dir);
  if (kept === undefined) {
    mkdirSync(dirname(dir), { recursive: true });
    const fresh = mkdtempSync(`${dir}.new-`);
    newCa(fresh, name, DEMO_DAYS);
    kept = readKeptCa(fresh);
    if (kept === undefined) throw new Error('the demo CA just made does not read back');
    // An invalid one is moved aside by a rename (atomic) before the new one takes its place; when a
    // start beside this one got there first, its CA stays and this start keeps its own in memory.
    if (existsSync(dir) && readKeptCa(dir) === undefined) {
      const old = `${dir}.old-${randomBytes(6).toString('hex')}`;
      try {
        renameSync(dir, old);
      } catch {
        // Moved by another start already.
      }
      rmSync(old, { recursive: true, force: true });
    }
    try {
      renameSync(fresh, dir);
    } catch {
      rmSync(fresh, { recursive: true, force: true });
    }
  }
  const ca = kept;
  const caCert = new X509Certificate(ca.ca);
  return {
    ca: ca.ca,
    server: ca.server,
    client: (oin, org) => {
      // The OIN is a public number (and checked to be digits): a safe file name.
      const file = join(dir, `client-${/^\d+$/.test(oin) ? oin : hashOf(oin)}-${hashOf(org).slice(0, 12)}.json`);
      try {
        const pair = JSON.parse(readFileSync(file, 'utf8')) as KeyPair;
        if (lasts(pair.cert) && new X509Certificate(pair.cert).verify(caCert.publicKey)) return { cert: pair.cert, key: pair.key };
      } catch {
        // Not there or not readable: made below.
      }
      const work = mkdtempSync(join(tmpdir(), 'koers-duo-pki-'));
      try {
        writeFileSync(join(work, 'ca.crt'), ca.ca);
        writeFileSync(join(work, 'ca.key'), ca.caKey, { mode: 0o600 });
        const pair = issue(work, 'client', DEMO_DAYS, `/O=${org}/serialNumber=${oin}/CN=${org}`, 'extendedKeyUsage=clientAuth\n');
        try {
          const part = `${file}.${randomBytes(6).toString('hex')}`;
          writeFileSync(part, JSON.stringify(pair), { mode: 0o600 });
          renameSync(part, file);
        } catch {
          // Not kept (a read-only directory, say): made again by the next start.
        }
        return pair;
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    dispose: () => undefined,
  };
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The CA in dir when its files are there, its server certificate is its own and both last a while. */
function readKeptCa(dir: string): KeptCa | undefined {
  try {
    const kept = { ca: readFileSync(join(dir, 'ca.crt'), 'utf8'), caKey: readFileSync(join(dir, 'ca.key'), 'utf8'), server: { cert: readFileSync(join(dir, 'server.crt'), 'utf8'), key: readFileSync(join(dir, 'server.key'), 'utf8') } };
    const ca = new X509Certificate(kept.ca);
    return lasts(kept.ca) && lasts(kept.server.cert) && new X509Certificate(kept.server.cert).verify(ca.publicKey) ? kept : undefined;
  } catch {
    return undefined;
  }
}

function lasts(cert: string): boolean {
  return Date.parse(new X509Certificate(cert).validTo) - realNow().getTime() > RENEW_BEFORE_MS;
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

/** The CA in dir (a test's: certificates made per call). */
function caIn(dir: string, days: number, dispose: () => void): TestCa {
  let n = 0;
  return {
    ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    server: { cert: readFileSync(join(dir, 'server.crt'), 'utf8'), key: readFileSync(join(dir, 'server.key'), 'utf8') },
    client: (oin, org) => issue(dir, `c${++n}`, days, `/O=${org}/serialNumber=${oin}/CN=${org}`, 'extendedKeyUsage=clientAuth\n'),
    dispose,
  };
}
