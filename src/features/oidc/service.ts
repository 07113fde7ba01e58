// OpenID Connect login (issue #9), NL GOV Assurance profile for OpenID Connect: authorization code flow
// with PKCE S256, state and nonce, client authentication private_key_jwt, the ID token validated by
// openid-client (signature, iss, aud, exp, nonce), then the acr level checked against the minimum.
// Professionals are found by a claim holding their Koers e-mail address; participants by the BSN claim
// through the keyed hash (R-PAR-2: the BSN is hashed in memory and dropped, never stored, logged, put
// in a URL or an error). Every login and every refusal is audited (R-SEC-2).
import * as oidc from 'openid-client';
import { contextFor, type TraceInfo, type VerifiedUser } from '../../platform/access.js';
import { recordAudit, type AuditSubject } from '../../platform/audit.js';
import { sha256, randomToken, type Crypto } from '../../platform/crypto.js';
import type { Db } from '../../platform/db.js';
import { createSession } from '../../platform/session-store.js';
import { isValidBsn } from '../../domain/bsn.js';
import { acrMeets, DEFAULT_MIN_ACR } from './acr.js';
import type { OidcClients, ProviderName } from './clients.js';
import { OidcRefused } from './refusals.js';
import { findParticipantByBsnHash, findStaffUser, participantUser, saveLoginTransaction, takeLoginTransaction } from './store.js';

export const TRANSACTION_TTL_MS = 10 * 60 * 1000;

interface Secrets {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

interface Deps {
  db: Db;
  crypto: Crypto;
  sessionIdleMinutes?: number | undefined;
}

/** Step 1: a fresh state, nonce and PKCE verifier, kept server-side; the browser goes to the issuer. */
export async function startLogin(deps: Deps, clients: OidcClients, provider: ProviderName, redirectUri: string, now: Date): Promise<{ token: string; authorizationUrl: URL }> {
  const settings = clients.settings(provider);
  if (settings === undefined) throw new Error(`OpenID Connect login ${provider} is not configured`);
  const config = await clients.configuration(provider);
  const secrets: Secrets = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), redirectUri };
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: settings.scope,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: 'S256',
    state: secrets.state,
    nonce: secrets.nonce,
    // Asks for the level Koers will check (DigiD brokers pick the means of login by it).
    acr_values: settings.minAcr ?? DEFAULT_MIN_ACR,
  });
  const token = randomToken();
  await saveLoginTransaction(deps.db, {
    idHash: sha256(token),
    provider,
    secretsEncrypted: deps.crypto.encrypt(JSON.stringify(secrets)),
    now,
    expiresAt: new Date(now.getTime() + TRANSACTION_TTL_MS),
  });
  return { token, authorizationUrl };
}

export interface OidcSession {
  token: string;
  expiresAt: Date;
  role: string;
}

/**
 * Step 2: the callback. Takes the login transaction (one use), exchanges the code, checks the answer,
 * finds the account and makes the session — or audits the refusal and throws OidcRefused.
 */
export async function finishLogin(
  deps: Deps,
  clients: OidcClients,
  provider: ProviderName,
  input: { transactionToken: string | undefined; query: string; trace: TraceInfo; now: Date },
): Promise<OidcSession> {
  try {
    return await exchangeAndLogIn(deps, clients, provider, input);
  } catch (err) {
    const refusal = err instanceof OidcRefused ? err : new OidcRefused('unavailable', describe(err));
    await recordAudit(deps.db, deps.crypto, { trace: input.trace }, {
      name: 'session.oidcLogin',
      status: 'error',
      subjects: [],
      objectType: 'oidcProvider',
      objectId: provider,
      summary: `refused: ${refusal.code}${refusal.detail !== '' ? ` (${refusal.detail})` : ''}`,
    });
    throw refusal;
  }
}

async function exchangeAndLogIn(
  deps: Deps,
  clients: OidcClients,
  provider: ProviderName,
  input: { transactionToken: string | undefined; query: string; now: Date; trace: TraceInfo },
): Promise<OidcSession> {
  const settings = clients.settings(provider);
  if (settings === undefined) throw new Error(`OpenID Connect login ${provider} is not configured`);
  const sealed = input.transactionToken === undefined || input.transactionToken === '' ? undefined : await takeLoginTransaction(deps.db, sha256(input.transactionToken), provider, input.now);
  if (sealed === undefined) throw new OidcRefused('noTransaction');
  const secrets = JSON.parse(deps.crypto.decrypt(sealed)) as Secrets;
  const config = await clients.configuration(provider).catch((err: unknown) => {
    throw new OidcRefused('unavailable', describe(err));
  });

  // The redirect URI as sent, plus the query the issuer answered with (never the request's Host).
  const currentUrl = new URL(secrets.redirectUri);
  currentUrl.search = input.query;
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: secrets.codeVerifier,
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw new OidcRefused(err instanceof oidc.AuthorizationResponseError ? 'cancelled' : 'invalidResponse', describe(err));
  }
  const claims = tokens.claims();
  if (claims === undefined) throw new OidcRefused('invalidResponse', 'no ID token');
  const minAcr = settings.minAcr ?? DEFAULT_MIN_ACR;
  if (!acrMeets(claims.acr, minAcr)) throw new OidcRefused('acrTooLow', `acr ${typeof claims.acr === 'string' ? claims.acr : 'missing'}, required ${minAcr}`);

  // Identity claims may be in the ID token or, by the provider's choice, at the userinfo endpoint.
  let value = claims[settings.claim];
  if (value === undefined && config.serverMetadata().userinfo_endpoint !== undefined) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch((err: unknown) => {
      throw new OidcRefused('invalidResponse', describe(err));
    });
    value = info[settings.claim];
    if (provider === 'staff' && info.email_verified === false) value = undefined;
  }
  if (provider === 'staff' && claims.email_verified === false) value = undefined;

  return provider === 'staff' ? logInStaff(deps, value, claims.sub, claims.acr as string, input) : logInParticipant(deps, value, claims.acr as string, input);
}

async function logInStaff(deps: Deps, email: unknown, subject: string, acr: string, input: { now: Date; trace: TraceInfo }): Promise<OidcSession> {
  // Issue #17: the subject decides for an account tied to it; the e-mail claim for any other.
  const user = await findStaffUser(deps.db, typeof email === 'string' && email !== '' ? email : undefined, subject);
  if (user === undefined) throw new OidcRefused('unknownUser', typeof email === 'string' ? 'no staff account with this e-mail address or subject' : 'claim missing or e-mail not verified');
  // The issuer's acr at or above the minimum is the second factor: a full session, no TOTP on top (issue #9).
  return deps.db.transaction(async (tx) => {
    const session = await createSession(tx, user.id, input.now, { stage: 'full', idleMinutes: deps.sessionIdleMinutes });
    await audited(tx, deps.crypto, user, input.trace, [], `acr ${acr}`);
    return { ...session, role: user.role };
  });
}

/** "s00000000:123456789" (DigiD's sector-coded form, kept by some brokers) or the plain nine digits. */
function bsnOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const bsn = value.replace(/^s00000000:/, '');
  return isValidBsn(bsn) ? bsn : undefined;
}

async function logInParticipant(deps: Deps, claim: unknown, acr: string, input: { now: Date; trace: TraceInfo }): Promise<OidcSession> {
  const bsn = bsnOf(claim);
  if (bsn === undefined) throw new OidcRefused('unknownParticipant', 'BSN claim missing or not a valid BSN');
  const participant = await findParticipantByBsnHash(deps.db, deps.crypto.keyedHash('bsn', bsn));
  if (participant === undefined) throw new OidcRefused('unknownParticipant', 'no participant with this BSN');
  return deps.db.transaction(async (tx) => {
    const { user, created } = await participantUser(tx, participant.id, input.now);
    const session = await createSession(tx, user.id, input.now, { stage: 'full', idleMinutes: deps.sessionIdleMinutes });
    await audited(tx, deps.crypto, user, input.trace, [{ participantId: participant.id, municipalityId: participant.municipalityId }], `acr ${acr}${created ? ', participant account made' : ''}`);
    return { ...session, role: user.role };
  });
}

async function audited(tx: Parameters<typeof recordAudit>[0], crypto: Crypto, user: VerifiedUser, trace: TraceInfo, subjects: AuditSubject[], summary: string): Promise<void> {
  const ctx = contextFor(user, trace);
  await recordAudit(tx, crypto, { trace, actor: ctx?.actor, organisation: ctx?.organisation }, { name: 'session.oidcLogin', status: 'ok', subjects, objectType: 'user', objectId: user.id, summary });
}

/** An error as error codes and parameter or claim names only: openid-client's messages name no values. */
function describe(err: unknown): string {
  if (err instanceof oidc.AuthorizationResponseError || err instanceof oidc.ResponseBodyError) return `${err.error}`;
  const code = (err as { code?: unknown }).code;
  const cause = (err as { cause?: { claim?: unknown; message?: unknown } }).cause;
  const name = typeof cause?.claim === 'string' ? cause.claim : typeof cause?.message === 'string' ? /"([a-z_]+)"/.exec(cause.message)?.[1] : undefined;
  return [typeof code === 'string' ? code : err instanceof Error ? err.name : 'error', name].filter((x) => x !== undefined).join(' ');
}
