// R-EXC-4: the mutual-TLS certificates of a test run (issue #15: "a test CA generated in the tests"). DUO's
// M2M link runs over mutual TLS with the municipality's PKIoverheid certificate, whose subject carries the
// organisation's OIN in serialNumber (PKIoverheid Programma van Eisen); here a throw-away CA issues the
// simulator's server certificate and one client certificate per municipality, made with the `openssl`
// binary in a temp dir per run (`@peculiar/x509` is not installed) — no key is ever committed.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  const file = (f: string): string => join(dir, f);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...newKey, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '1', '-subj', `/CN=${name}`);
  let n = 0;
  const issue = (subject: string, extensions: string): KeyPair => {
    const base = file(`c${++n}`);
    writeFileSync(`${base}.ext`, extensions);
    openssl('req', ...newKey, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${base}.csr`, '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '1', '-extfile', `${base}.ext`, '-out', `${base}.crt`);
    return { cert: readFileSync(`${base}.crt`, 'utf8'), key: readFileSync(`${base}.key`, 'utf8') };
  };
  const server = issue('/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  return {
    ca: readFileSync(file('ca.crt'), 'utf8'),
    server,
    client: (oin, org) => issue(`/O=${org}/serialNumber=${oin}/CN=${org}`, 'extendedKeyUsage=clientAuth\n'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
