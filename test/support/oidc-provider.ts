// A real OpenID provider in this process (oidc-provider v9) on a real port on 127.0.0.1, for the OIDC
// login tests (issue #9): no mocked HTTP. It plays the region's identity provider or a DigiD broker.
// Instead of a login form, a tiny automatic interaction logs in the account the test queued with
// `loginAs` — with the acr the test chose — and grants the requested scopes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

export const BSN_CLAIM = 'urn:nl-eidas:bsn';
export const ACR = {
  basis: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
  midden: 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
  substantieel: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
  hoog: 'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI',
} as const;

export interface QueuedLogin {
  sub: string;
  acr: string;
  claims: Record<string, unknown>;
}

export interface TestIdp {
  /** http://127.0.0.1:<port> — openid-client accepts plain http only for loopback (src/features/oidc/clients.ts). */
  issuer: string;
  /** Registers Koers as a client: its redirect URI and its public key (private_key_jwt). */
  register(client: { clientId: string; redirectUri: string; jwks: { keys: JWK[] } }): Promise<void>;
  /** The next authorization request logs in this account, without a form. */
  loginAs(login: QueuedLogin): void;
  /** Token endpoint requests with their client_assertion_type, to check private_key_jwt was used. */
  readonly tokenRequests: string[];
  stop(): Promise<void>;
}

export async function startTestIdp(): Promise<TestIdp> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler === undefined) {
      res.statusCode = 503;
      res.end();
    } else handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const queue: QueuedLogin[] = [];
  const accounts = new Map<string, QueuedLogin>();
  const tokenRequests: string[] = [];
  const signing = await generateKeyPair('PS256', { extractable: true });
  const signingJwk = { ...(await exportJWK(signing.privateKey)), alg: 'PS256', use: 'sig', kid: 'test-idp-1' };

  return {
    issuer,
    tokenRequests,
    loginAs: (login) => {
      queue.push(login);
      accounts.set(login.sub, login);
    },
    register: (client) => {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: client.clientId,
            redirect_uris: [client.redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'private_key_jwt',
            jwks: client.jwks,
            id_token_signed_response_alg: 'PS256',
          },
        ],
        jwks: { keys: [signingJwk] },
        // PKCE for every client, S256 only (v9 supports no other method).
        pkce: { required: () => true },
        acrValues: Object.values(ACR),
        scopes: ['openid', 'email', 'bsn'],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], bsn: [BSN_CLAIM] },
        findAccount: (_ctx: unknown, sub: string) => {
          const account = accounts.get(sub);
          return account === undefined ? undefined : { accountId: sub, claims: () => ({ sub, ...account.claims }) };
        },
        interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
        features: { devInteractions: { enabled: false } },
        cookies: { keys: ['koers-test-idp-cookie-key'] },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
      });
      // What the client authenticated with at the token endpoint (the client is registered for private_key_jwt only).
      provider.on('grant.success', (ctx) => {
        const body = (ctx as { oidc?: { body?: Record<string, unknown> } }).oidc?.body;
        const type = body?.client_assertion_type;
        tokenRequests.push(typeof type === 'string' ? type : 'none');
      });
      const oidcHandler = provider.callback();
      handler = (req, res) => {
        if (req.url?.startsWith('/interaction/') === true) {
          void interact(provider, queue, req, res).catch((err: unknown) => {
            res.statusCode = 500;
            res.end(String(err));
          });
          return;
        }
        oidcHandler(req, res);
      };
      return Promise.resolve();
    },
    stop: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** The automatic interaction: log in the queued account with its acr and grant what was asked. */
async function interact(provider: Provider, queue: QueuedLogin[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const login = queue.shift();
  if (login === undefined) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'no test login queued' }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = new provider.Grant({ accountId: login.sub, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: login.sub, acr: login.acr, remember: false }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

/**
 * Follows the browser's way through the provider (authorization → interaction → back to the
 * authorization endpoint) with a cookie jar for the provider, until the provider sends the browser
 * back to the client. Returns that callback URL.
 */
export async function followAtIdp(idp: TestIdp, authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = new URL(authorizationUrl);
  for (let hop = 0; hop < 10; hop++) {
    if (next.origin !== idp.issuer) return next;
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(next, { redirect: 'manual', headers: cookie === '' ? {} : { cookie } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location === null) throw new Error(`the provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
    next = new URL(location, next);
  }
  throw new Error('too many redirects at the provider');
}
