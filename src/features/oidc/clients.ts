// The configured OpenID Connect logins and their openid-client Configurations (discovery once, then
// cached; a failed discovery is retried on the next login, so an identity provider that was down at
// start does not need a restart).
import * as oidc from 'openid-client';
import type { OidcClientConfig, OidcConfig } from '../../platform/config.js';
import { checkSigningKey, loadSigningKey, type SigningKey } from './keys.js';

export const PROVIDERS = ['staff', 'digid'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * openid-client refuses plain http, and so does Koers — except for an identity provider on this very
 * machine outside production: the in-process provider of the tests (test/support/oidc-provider.ts).
 * A token over http anywhere else could be read on the way, so that stops the start.
 */
export function insecureHttpAllowed(issuer: string, production: boolean): boolean {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return false;
  if (url.protocol === 'http:' && !production && LOOPBACK.has(url.hostname)) return true;
  throw new Error(`OpenID Connect issuer ${url.origin} must use https${production ? '' : ' (plain http only on 127.0.0.1 outside production)'}.`);
}

export class OidcClients {
  private key: Promise<SigningKey> | undefined;
  private readonly configurations = new Map<ProviderName, Promise<oidc.Configuration>>();

  constructor(
    private readonly config: OidcConfig | undefined,
    private readonly production: boolean,
  ) {
    // Checked at start, not at the first login.
    for (const name of this.configured()) insecureHttpAllowed(this.settings(name)!.issuer, production);
    if (config !== undefined) checkSigningKey(config.privateKey);
  }

  configured(): ProviderName[] {
    return PROVIDERS.filter((name) => this.config?.[name] !== undefined);
  }

  settings(name: ProviderName): OidcClientConfig | undefined {
    return this.config?.[name];
  }

  signingKey(): Promise<SigningKey> | undefined {
    if (this.config === undefined) return undefined;
    this.key ??= loadSigningKey(this.config.privateKey);
    return this.key;
  }

  configuration(name: ProviderName): Promise<oidc.Configuration> {
    const cached = this.configurations.get(name);
    if (cached !== undefined) return cached;
    const made = this.discover(name);
    this.configurations.set(name, made);
    made.catch(() => this.configurations.delete(name));
    return made;
  }

  private async discover(name: ProviderName): Promise<oidc.Configuration> {
    const s = this.settings(name);
    const key = await this.signingKey();
    if (s === undefined || key === undefined) throw new Error(`OpenID Connect login ${name} is not configured`);
    const insecure = insecureHttpAllowed(s.issuer, this.production);
    return oidc.discovery(new URL(s.issuer), s.clientId, { token_endpoint_auth_method: 'private_key_jwt' }, oidc.PrivateKeyJwt(key.privateKey), {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
  }
}
