// R-EXC-4 (issue #15): this process's link with DUO, made once at start (src/app.ts). With DUO_BASE_URL it
// is the real DUO over mutual TLS with each municipality's own certificate (DUO_TLS_DIR, certificates.ts) or the instance's (src/platform/config.ts); without it
// demo mode starts the DUO simulator (src/features/duo/simulator/) on 127.0.0.1 with a demo CA kept in the data
// directory (duo-demo-ca/, made at the first start: issue #16), and a client certificate per municipality with its OIN. Outside
// demo without DUO_BASE_URL (or without DUO's documents, which the simulator answers by) there is no link: deliveries wait in the queue, the file says DUO is not linked.
// The link is kept per database handle (linkOf), so the routes find it without a change to AppDeps.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db } from '../../platform/db.js';
import { startDuoDeliveries, type DuoDeliveries } from './delivery-runner.js';
import { municipalityOin } from './deliveries.js';
import { municipalityCertificates } from './certificates.js';
import { duoDocumentsDir } from './openapi.js';
import { keptDemoCa, type TestCa } from './simulator/pki.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from './simulator/server.js';
import type { DuoTls } from './transport.js';
import type { Instelling } from './queries.js';

export interface DuoLinkService {
  baseUrl: string;
  /** DUO's OIN: the doel of Koers' messages, the bron of DUO's notifications. */
  duoOin: string;
  /** The mTLS material for a municipality: its own (DUO_TLS_DIR; in demo, made per municipality), else the instance's. */
  tlsFor(municipalityCode: string): DuoTls | undefined;
  deliveries: DuoDeliveries;
  /** Demo mode only. */
  simulator?: DuoSimulator;
  stop(): Promise<void>;
}

const links = new WeakMap<Db, DuoLinkService>();
/** The link of the Koers that owns this database handle; undefined when DUO is not linked. */
export function linkOf(db: Db): DuoLinkService | undefined {
  return links.get(db);
}

export interface DuoLinkOptions {
  config: Config;
  crypto: Crypto;
  contracts: ContractRegistry;
  clock: Clock;
  /** Where the simulator sends notifications (Koers' own Notificatie API); read when one is sent. */
  notificationUrl: () => string | undefined;
  /** Run the delivery rounds on a timer (npm start, demo); otherwise only by flush. */
  schedule: boolean;
  /** Time before the first timed round (delivery-runner.ts; default at once). */
  firstRoundAfterMs?: number;
  log: (msg: string, detail?: unknown) => void;
}

/** Every municipality with an OIN in the contracts: OIN -> code. */
function municipalityOins(contracts: ContractRegistry): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of contracts.contracts) for (const m of c.municipalities) {
    const oin = municipalityOin(contracts, m.code);
    if (oin) out.set(oin, m.code);
  }
  return out;
}

export async function startDuoLink(db: Db, o: DuoLinkOptions): Promise<DuoLinkService | undefined> {
  const real = o.config.duo;
  let link: Omit<DuoLinkService, 'deliveries' | 'stop'> & { dispose?: () => Promise<void> };
  if (real) {
    const tls = real.tls ? { cert: readFileSync(real.tls.certFile, 'utf8'), key: readFileSync(real.tls.keyFile, 'utf8'), ca: readFileSync(real.tls.caFile, 'utf8') } : undefined;
    // Each municipality's own certificate where DUO_TLS_DIR has one, else the instance's (checked at start).
    const own = real.tlsDir ? municipalityCertificates(real.tlsDir.dir, readFileSync(real.tlsDir.caFile, 'utf8'), o.contracts) : new Map<string, DuoTls>();
    const without = [...municipalityOins(o.contracts).values()].filter((code) => !own.has(code));
    if (real.tlsDir && !tls && without.length > 0) o.log('DUO: no certificate for some municipalities; their deliveries wait', { municipalities: without });
    link = { baseUrl: real.baseUrl, duoOin: real.oin ?? SIMULATED_DUO_OIN, tlsFor: (code) => own.get(code) ?? tls };
  } else if (o.config.demo && o.config.duoSimulator !== false && existsSync(duoDocumentsDir())) {
    // The demo must start without the link too (no openssl binary, a port refused): DUO is then "not linked".
    const started = await demoSimulator(o).catch((err: unknown) => {
      o.log('DUO simulator not started', { code: (err as { code?: unknown }).code, message: err instanceof Error ? err.message.slice(0, 200) : undefined });
      return undefined;
    });
    if (!started) return undefined;
    link = started;
  } else {
    return undefined;
  }
  const deliveries = startDuoDeliveries(db, {
    link: { baseUrl: link.baseUrl, doel: link.duoOin },
    tlsFor: link.tlsFor,
    crypto: o.crypto,
    contracts: o.contracts,
    manual: !o.schedule,
    clock: o.clock,
    intervalMs: o.config.demo ? 2_000 : 10_000,
    // Demo: a fact registered on a screen shows as its delivery within seconds.
    sweepIntervalMs: o.config.demo ? 4_000 : 5 * 60_000,
    ...(o.firstRoundAfterMs !== undefined ? { firstRoundAfterMs: o.firstRoundAfterMs } : {}),
    log: o.log,
  });
  const service: DuoLinkService = {
    ...link,
    deliveries,
    stop: async () => {
      links.delete(db);
      await deliveries.stop();
      await link.dispose?.();
    },
  };
  links.set(db, service);
  return service;
}

/** Demo: the simulator with the data directory's demo CA, every municipality a client certificate, any BSN a resident. */
async function demoSimulator(o: DuoLinkOptions): Promise<Omit<DuoLinkService, 'deliveries' | 'stop'> & { dispose: () => Promise<void> }> {
  // Issue #16: kept across restarts (a restart ran three `openssl` processes here, blocking the event loop).
  const ca: TestCa = keptDemoCa(join(o.config.dataDir, 'duo-demo-ca'), 'Koers demo DUO CA');
  const oins = municipalityOins(o.contracts);
  // Assumption: fictional gemeentecodes (the contracts hold none); the simulator only compares them.
  const codes = new Map([...oins].map(([oin], i) => [oin, String(9000 + i).padStart(4, '0')]));
  // A municipality's certificate is made when it first talks to DUO (openssl per certificate: not at start), then kept beside the CA.
  const oinOf = new Map([...oins].map(([oin, code]) => [code, oin]));
  const certs = new Map<string, DuoTls>();
  const tlsFor = (code: string): DuoTls | undefined => {
    const oin = oinOf.get(code);
    if (oin && !certs.has(code)) certs.set(code, { ...ca.client(oin, code), ca: ca.ca });
    return certs.get(code);
  };
  const simulator = await startDuoSimulator({
    municipalities: Object.fromEntries(codes),
    tls: { ...ca.server, ca: ca.ca },
    notificationUrl: o.notificationUrl,
    today: () => o.clock.today(),
    instellingen: demoInstellingen(o.contracts),
    unknownPerson: (bsn, gemeentecode) => {
      // Assumption (demo): DUO knows every resident a Koers municipality asks about, with the duty from a year ago.
      const start = `${Number(o.clock.today().slice(0, 4)) - 1}${o.clock.today().slice(4)}`;
      const end = `${Number(start.slice(0, 4)) + 3}${start.slice(4)}`;
      return {
        bsn,
        gemeentecode,
        startInburgeringsplicht: start,
        vestigingGemeente: null,
        asielmigrant: false,
        inburgeringsplicht: { indicatorInburgeringsplicht: true, begindatum: start },
        inburgeringstermijn: { startdatum: start, einddatum: end },
        examenresultaten: [],
      };
    },
  });
  return {
    baseUrl: simulator.url,
    duoOin: SIMULATED_DUO_OIN,
    tlsFor,
    simulator,
    dispose: async () => {
      await simulator.close();
      ca.dispose();
    },
  };
}

/**
 * Demo: DUO's list of institutions holds every provider of the contracts by its name, with a fictional
 * instellingsnummer, the BoW mark and the TST recognition (Assumption: the demo's providers hold both).
 */
function demoInstellingen(contracts: ContractRegistry): Instelling[] {
  const names = [...new Set(contracts.contracts.flatMap((c) => c.providers.map((p) => p.name)))].sort();
  return names.map((naam, i) => ({ instellingsnummer: String(9_000_000_000 + i), naam: naam.slice(0, 128), postcode: '1900ZZ', huisnummer: 1, plaatsnaam: 'Voorbeeldstad', indicatieBowKeurmerk: true, indicatieTstKeurmerk: true }));
}

/** Koers' own Notificatie API as the demo simulator reaches it: the server's first address, once it listens. */
export function duoNotificationUrl(server: { addresses(): (string | { address: string; port: number; family: string })[] }): string | undefined {
  const a = server.addresses()[0];
  if (a === undefined || typeof a === 'string') return undefined;
  const host = a.family === 'IPv6' ? `[${a.address === '::' ? '::1' : a.address}]` : a.address === '0.0.0.0' ? '127.0.0.1' : a.address;
  return `http://${host}:${a.port}${NOTIFICATION_BASE}`;
}

/** The base path of Koers' Notificatie API (DUO's document: POST /notificaties below it). */
export const NOTIFICATION_BASE = '/api/v1/duo';

/** How `npm start` says the link is: simulated, real, or none. */
export function duoLinkLabel(link: DuoLinkService | undefined): string {
  if (!link) return 'niet gekoppeld (leveringen wachten in DUO-berichten)';
  return link.simulator ? 'gesimuleerd (demo, mutual TLS met de demo-CA in de datamap)' : 'gekoppeld (DUO_BASE_URL, mutual TLS)';
}
