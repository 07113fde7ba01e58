// R-EXC-4 (issue #15): one Koers serving several municipalities, each with its own PKIoverheid certificate
// towards DUO. DUO_TLS_DIR holds, per municipality, `<code>.cert.pem` and `<code>.key.pem` (the code of the
// contracts, e.g. hoorn.cert.pem). Read once at start and checked there: every certificate must be for a
// municipality of the contracts and carry that municipality's OIN in its subject's serialNumber (where
// PKIoverheid puts it; DUO compares it with the message's bron), and have its key beside it — a wrong one
// stops the start, naming the file, rather than every delivery being refused by DUO later. A municipality
// without its own certificate uses the instance's (DUO_TLS_CERT, DUO_TLS_KEY), if any.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractRegistry } from '../../platform/contracts.js';
import { municipalityOin } from './deliveries.js';
import type { DuoTls } from './transport.js';

/** The OIN in a certificate's subject serialNumber, or undefined. */
export function certificateOinOf(pem: string): string | undefined {
  const line = new X509Certificate(pem).subject.split('\n').find((l) => l.startsWith('serialNumber='));
  return line?.slice('serialNumber='.length);
}

/** Municipality code → its own mTLS material; throws (naming the file) on anything that would not work. */
export function municipalityCertificates(dir: string, ca: string, contracts: ContractRegistry): Map<string, DuoTls> {
  const out = new Map<string, DuoTls>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cert.pem')).sort()) {
    const code = file.slice(0, -'.cert.pem'.length);
    const oin = municipalityOin(contracts, code);
    if (!oin) throw new Error(`DUO_TLS_DIR: ${file} is for no municipality of the contracts with an OIN.`);
    const keyFile = join(dir, `${code}.key.pem`);
    if (!existsSync(keyFile)) throw new Error(`DUO_TLS_DIR: ${file} has no ${code}.key.pem beside it.`);
    const cert = readFileSync(join(dir, file), 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    const x509 = new X509Certificate(cert);
    if (certificateOinOf(cert) !== oin) throw new Error(`DUO_TLS_DIR: ${file} does not carry ${code}'s OIN (${oin}) in its subject's serialNumber.`);
    if (!x509.checkPrivateKey(createPrivateKey(key))) throw new Error(`DUO_TLS_DIR: ${code}.key.pem is not the key of ${file}.`);
    out.set(code, { cert, key, ca });
  }
  return out;
}
